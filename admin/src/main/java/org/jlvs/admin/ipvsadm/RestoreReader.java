package org.jlvs.admin.ipvsadm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The -R reader (ipvsadm's config_stream_read): one line at a time, cut into words at blanks,
 * tabs and carriage returns, with every word that is exactly "ipvsadm" dropped. There is no
 * quoting and no comment: ipvsadm looks for '#' in the separator after a word, where it never
 * is. Its scanf-based loop also ends the input, dropping the words read so far, when the input
 * ends after two or more separators on a last line without a newline.
 */
final class RestoreReader {
    private final PushbackInputStream in;

    RestoreReader(InputStream in) {
        this.in = new PushbackInputStream(in, 1);
    }

    /** The next line as an argument vector starting with {@code argv0}, or null at the end of input. */
    List<String> next(String argv0) throws IOException {
        List<String> words = new ArrayList<>();
        words.add(argv0);
        int tokens = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return tokens == 0 ? null : words;
            }
            if (isSeparator(c)) {
                // scanf matched nothing: skip blanks up to the end of the line
                while (true) {
                    if (c < 0) {
                        return null;
                    }
                    if (c == '\n') {
                        return words;
                    }
                    if (!isSeparator(c)) {
                        in.unread(c);
                        break;
                    }
                    c = in.read();
                }
                continue;
            }
            ByteArrayOutputStream word = new ByteArrayOutputStream();
            while (c >= 0 && !isSeparator(c)) {
                word.write(c);
                c = in.read();
            }
            String w = word.toString(StandardCharsets.UTF_8);
            if (!w.equals("ipvsadm")) {
                tokens++;
                words.add(w);
            }
            if (c == '\n') {
                return words;
            }
            // c is the one separator scanf takes after a word, or the end of input
        }
    }

    private static boolean isSeparator(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}

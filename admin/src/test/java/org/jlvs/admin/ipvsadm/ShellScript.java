package org.jlvs.admin.ipvsadm;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough POSIX sh to read the golden cases' commands.sh: one simple command per line,
 * words split at blanks, single and double quotes, backslash escapes, '#' comments, and a
 * here-document ({@code <<'EOF'}) as the command's stdin. Anything else is refused, so a case
 * that needs more shell fails loudly instead of being run wrong.
 */
final class ShellScript {
    /** One command: its words and what it reads on stdin. */
    record Invocation(List<String> words, String stdin) {
    }

    private ShellScript() {
    }

    static List<Invocation> parse(String script) {
        String[] lines = script.split("\n", -1);
        List<Invocation> result = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            List<String> words = new ArrayList<>();
            String[] hereDelim = new String[1];
            boolean[] hereQuoted = new boolean[1];
            splitLine(lines[i], words, hereDelim, hereQuoted);
            if (words.isEmpty() && hereDelim[0] == null) {
                continue;
            }
            String stdin = "";
            if (hereDelim[0] != null) {
                if (!hereQuoted[0]) {
                    throw new IllegalArgumentException("only quoted here-documents are supported: " + lines[i]);
                }
                StringBuilder body = new StringBuilder();
                int j = i + 1;
                while (j < lines.length && !lines[j].equals(hereDelim[0])) {
                    body.append(lines[j]).append('\n');
                    j++;
                }
                if (j == lines.length) {
                    throw new IllegalArgumentException("here-document not closed: " + hereDelim[0]);
                }
                stdin = body.toString();
                i = j;
            }
            result.add(new Invocation(words, stdin));
        }
        return result;
    }

    /** Splits one line into words; a {@code <<DELIM} word sets the here-document delimiter. */
    static void splitLine(String line, List<String> words, String[] hereDelim, boolean[] hereQuoted) {
        StringBuilder w = null;
        boolean quoted = false;
        boolean here = false;
        int n = line.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? line.charAt(i) : '\n';
            if (c == ' ' || c == '\t' || c == '\n') {
                if (w != null) {
                    if (here) {
                        hereDelim[0] = w.toString();
                        hereQuoted[0] = quoted;
                        here = false;
                    } else {
                        words.add(w.toString());
                    }
                    w = null;
                    quoted = false;
                }
                continue;
            }
            if (w == null) {
                if (c == '#') {
                    break;
                }
                if (c == '<' && i + 1 < n && line.charAt(i + 1) == '<') {
                    here = true;
                    i++;
                    continue;
                }
                w = new StringBuilder();
            }
            switch (c) {
                case '\'' -> {
                    int end = line.indexOf('\'', i + 1);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed single quote: " + line);
                    }
                    w.append(line, i + 1, end);
                    quoted = true;
                    i = end;
                }
                case '"' -> {
                    int j = i + 1;
                    while (j < n && line.charAt(j) != '"') {
                        char d = line.charAt(j);
                        if (d == '\\' && j + 1 < n && "$`\"\\".indexOf(line.charAt(j + 1)) >= 0) {
                            w.append(line.charAt(j + 1));
                            j += 2;
                            continue;
                        }
                        if (d == '$' || d == '`') {
                            throw new IllegalArgumentException("expansion not supported: " + line);
                        }
                        w.append(d);
                        j++;
                    }
                    if (j >= n) {
                        throw new IllegalArgumentException("unclosed double quote: " + line);
                    }
                    quoted = true;
                    i = j;
                }
                case '\\' -> {
                    if (i + 1 < n) {
                        w.append(line.charAt(++i));
                    }
                    quoted = true;
                }
                case '$', '`', '|', '&', ';', '<', '>', '(', ')', '*', '?', '[' -> {
                    // '[' only matters as a glob, which matches nothing in the cases' empty folder
                    if (c == '[') {
                        w.append(c);
                    } else {
                        throw new IllegalArgumentException("shell syntax not supported: " + line);
                    }
                }
                default -> w.append(c);
            }
        }
    }
}

package org.jlvs.admin.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * An HTTP answer fed in pieces: the header is gathered until its blank line, then the status
 * code and Content-Length are read from it; body bytes go to the digest (no further than
 * Content-Length when it is given, as keepalived digests) and, if asked, into a kept prefix.
 * No chunked decoding: keepalived digests the bytes as they come.
 */
final class ResponseParser {
    private final MessageDigest digest;
    private final int keep;
    private final ByteArrayOutputStream header = new ByteArrayOutputStream();
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private boolean headerDone;
    private int status = -1;
    private long contentLength = -1;
    private long bodyBytes;

    ResponseParser(MessageDigest digest, int keep) {
        this.digest = digest;
        this.keep = keep;
    }

    void accept(byte[] b, int off, int len) {
        if (!headerDone) {
            int start = header.size();
            header.write(b, off, len);
            byte[] h = header.toByteArray();
            int end = headerEnd(h, Math.max(0, start - 3));
            if (end < 0) {
                return;
            }
            headerDone = true;
            parseHeader(new String(h, 0, end, StandardCharsets.ISO_8859_1));
            body(h, end, h.length - end);
            return;
        }
        body(b, off, len);
    }

    private void body(byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        int digested = len;
        if (contentLength >= 0) {
            digested = (int) Math.max(0, Math.min(len, contentLength - bodyBytes));
        }
        digest.update(b, off, digested);
        int room = keep - kept.size();
        if (room > 0) {
            kept.write(b, off, Math.min(room, len));
        }
        bodyBytes += len;
    }

    /** The offset just past the header's blank line (CRLF CRLF, or LF LF), or -1. */
    private static int headerEnd(byte[] h, int from) {
        for (int i = from; i < h.length; i++) {
            if (h[i] != '\n') {
                continue;
            }
            if (i + 1 < h.length && h[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 2 < h.length && h[i + 1] == '\r' && h[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    private void parseHeader(String text) {
        String[] lines = text.split("\r?\n");
        String first = lines.length > 0 ? lines[0] : "";
        if (first.startsWith("HTTP/")) {
            int sp = first.indexOf(' ');
            if (sp > 0) {
                String rest = first.substring(sp + 1).strip();
                int end = 0;
                while (end < rest.length() && Character.isDigit(rest.charAt(end))) {
                    end++;
                }
                if (end > 0 && end <= 3) {
                    status = Integer.parseInt(rest.substring(0, end));
                }
            }
        }
        for (int i = 1; i < lines.length; i++) {
            String l = lines[i];
            int colon = l.indexOf(':');
            if (colon > 0 && l.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-length")) {
                try {
                    contentLength = Long.parseLong(l.substring(colon + 1).strip());
                } catch (NumberFormatException e) {
                    contentLength = -1;
                }
            }
        }
    }

    boolean headerDone() {
        return headerDone;
    }

    boolean headerTooLong() {
        return !headerDone && header.size() > HttpGet.HEADER_MAX;
    }

    int status() {
        return status;
    }

    long contentLength() {
        return contentLength;
    }

    long bodyBytes() {
        return bodyBytes;
    }

    byte[] digest() {
        return digest.digest();
    }

    byte[] keptBody() {
        return kept.toByteArray();
    }
}

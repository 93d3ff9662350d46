package org.jlvs.admin.keepalived;

import java.util.ArrayList;
import java.util.List;

/** How keepalived cuts a line into words. */
final class Words {
    private static final String WHITE_SPACE = " \t\n\r\u000b\f";

    private Words() {
    }

    /**
     * The keyword split (alloc_strvec_r): words are separated by blanks, and "..." is one word
     * without its quotes. A quote left open is reported and ends the line.
     */
    static List<String> split(String line, Reporter rep, Origin at) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && isWhite(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            if (line.charAt(i) == '"') {
                int close = line.indexOf('"', i + 1);
                if (close < 0) {
                    rep.error(at, "Unmatched quote: '" + line + "'");
                    break;
                }
                words.add(line.substring(i + 1, close));
                i = close + 1;
            } else {
                int start = i;
                while (i < n && !isWhite(line.charAt(i)) && line.charAt(i) != '"') {
                    i++;
                }
                words.add(line.substring(start, i));
            }
        }
        return words;
    }

    /**
     * The script split (alloc_strvec_quoted_escaped), shell-like: '...' and "..." group, the
     * quotes go, and backslash escapes (\n, \t, \xHH, \nnn octal, \cX, any other character as
     * itself) work inside and outside quotes. Returns null, after reporting, when a quote is
     * left open or the text ends in a lone backslash.
     */
    static List<String> script(String text, Reporter rep, Origin at) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isWhite(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder w = new StringBuilder();
            char quote = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= n) {
                        rep.error(at, "Missing escape char at end: '" + text + "'");
                        return null;
                    }
                    i = escape(text, i + 1, w);
                } else if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        w.append(c);
                    }
                    i++;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                    i++;
                } else if (isWhite(c)) {
                    break;
                } else {
                    w.append(c);
                    i++;
                }
            }
            if (quote != 0) {
                rep.error(at, "String '" + text + "': missing terminating " + quote);
                return null;
            }
            words.add(w.toString());
        }
        return words;
    }

    /** Decodes the escape whose first character is at {@code i}; returns the index after it. */
    private static int escape(String t, int i, StringBuilder out) {
        char c = t.charAt(i);
        if (c == 'x' && i + 1 < t.length() && Character.digit(t.charAt(i + 1), 16) >= 0) {
            int v = 0;
            i++;
            while (i < t.length() && Character.digit(t.charAt(i), 16) >= 0) {
                v = (v << 4 | Character.digit(t.charAt(i), 16)) & 0xFF;
                i++;
            }
            out.append((char) v);
            return i;
        }
        if (c == 'c' && i + 1 < t.length()) {
            out.append((char) (t.charAt(i + 1) & 0x1F));
            return i + 2;
        }
        if (c >= '0' && c <= '7') {
            int v = 0;
            int digits = 0;
            while (digits < 3 && i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '7') {
                v = (v << 3) + (t.charAt(i) - '0');
                i++;
                digits++;
            }
            out.append((char) (v & 0xFF));
            return i;
        }
        out.append(switch (c) {
            case 'a' -> '\u0007';
            case 'b' -> '\b';
            case 'E' -> '\u001b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'v' -> '\u000b';
            default -> c;
        });
        return i + 1;
    }

    static boolean isWhite(char c) {
        return WHITE_SPACE.indexOf(c) >= 0;
    }
}

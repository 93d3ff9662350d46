package org.jlvs.admin.keepalived;

/**
 * keepalived's decomment(): '#' and '!' start a comment anywhere outside double quotes
 * (keepalived 2.x; 1.x only at the start of a word), "\#" and "\!" outside quotes stand for
 * the character itself, leading and trailing blanks go, and a trailing backslash is kept
 * (it marks a multi-line definition). The escapes are kept by {@link #apply} and removed by
 * {@link #unescape} once the line is final, so that a line decommented again after a
 * definition expands does not lose an escaped character.
 */
final class Decomment {

    /** The cleaned line, and whether a double quote was left open. */
    record Result(String text, boolean unterminatedQuote) {
    }

    private Decomment() {
    }

    static Result apply(String line) {
        StringBuilder s = new StringBuilder(stripLeadingBlanks(line));
        boolean quote = false;
        boolean cont = false;
        int skip = -1;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                if (skip < 0) {
                    quote = !quote;
                }
                i++;
            } else if (c == '\\') {
                if (i + 1 < s.length()) {
                    i += 2;  // an escaped '#' or '!' (or anything else) starts no comment
                } else {
                    s.setLength(i);
                    cont = true;
                    break;
                }
            } else if ((c == '!' || c == '#') && !quote && skip < 0) {
                skip = i;
                i++;
            } else {
                i++;
            }
        }
        if (skip >= 0) {
            s.setLength(skip);
        }
        int end = s.length();
        while (end > 0 && isBlank(s.charAt(end - 1))) {
            end--;
        }
        s.setLength(end);
        if (cont) {
            s.append('\\');
        }
        return new Result(s.toString(), quote);
    }

    /** Drops the backslash of "\#" and "\!" outside double quotes. */
    static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder s = new StringBuilder(text.length());
        boolean quote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quote = !quote;
            } else if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(i + 1);
                if (quote || (n != '#' && n != '!')) {
                    s.append(c);
                }
                s.append(n);
                i++;
                continue;
            }
            s.append(c);
        }
        return s.toString();
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static String stripLeadingBlanks(String line) {
        int i = 0;
        while (i < line.length() && isBlank(line.charAt(i))) {
            i++;
        }
        return line.substring(i);
    }
}

package org.jlvs.admin.ipvsadm;

/**
 * The C library's number readers as ipvsadm uses them: {@code strtol} base 10 (leading blanks,
 * a sign, at least one digit, nothing after, overflow refused) and {@code atoi}.
 */
final class Numbers {
    private Numbers() {
    }

    /** ipvsadm's string_to_number: the value when the whole text is a number in min..max, else -1. */
    static long inRange(String s, long min, long max) {
        Long v = strtol(s);
        return v != null && v >= min && v <= max ? v : -1;
    }

    /** The whole text read by strtol base 10, or null (no digits, trailing text, or out of the long range). */
    static Long strtol(String s) {
        int i = skipBlanks(s, 0);
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        int start = i;
        long v = 0;
        boolean overflow = false;
        while (i < s.length() && isDigit(s.charAt(i))) {
            int d = s.charAt(i) - '0';
            // accumulate negatively so Long.MIN_VALUE fits
            if (v < (Long.MIN_VALUE + d) / 10) {
                overflow = true;
            } else {
                v = v * 10 - d;
            }
            i++;
        }
        if (i == start || i != s.length() || overflow) {
            return null;
        }
        if (!neg) {
            if (v == Long.MIN_VALUE) {
                return null;
            }
            v = -v;
        }
        return v;
    }

    /** atoi: leading blanks, a sign, digits up to the first other character; 0 when there are none. */
    static int atoi(String s) {
        int i = skipBlanks(s, 0);
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < s.length() && isDigit(s.charAt(i))) {
            // glibc's atoi is (int) strtol: a clamped long, then cut to 32 bits
            v = v > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : v * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (neg) {
            v = v == Long.MAX_VALUE ? Long.MIN_VALUE : -v;
        }
        return (int) v;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** C's isspace in the C locale. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r';
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}

package org.jlvs.admin.keepalived;

/**
 * C's {@code strtol(s, &end, 0)} as keepalived's parser calls it: leading white space, a sign,
 * then 0x/0X hexadecimal, a leading 0 octal, else decimal. No digits read 0 and leave
 * {@link #end} where the scan started; out of range saturates at Long's limits.
 *
 * @param value the number read
 * @param end   the index just past it
 */
public record CNumber(long value, int end) {

    public static CNumber parse(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (i + 2 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && Character.digit(s.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (i < s.length() && s.charAt(i) == '0') {
            radix = 8;
        }
        int digits = i;
        long magnitude = 0;
        boolean overflow = false;
        while (i < s.length() && Character.digit(s.charAt(i), radix) >= 0) {
            int d = Character.digit(s.charAt(i), radix);
            if (magnitude > (Long.MAX_VALUE - d) / radix) {
                overflow = true;
            } else {
                magnitude = magnitude * radix + d;
            }
            i++;
        }
        if (i == digits) {
            return new CNumber(0, from);
        }
        if (overflow) {
            return new CNumber(negative ? Long.MIN_VALUE : Long.MAX_VALUE, i);
        }
        return new CNumber(negative ? -magnitude : magnitude, i);
    }
}

package org.jlvs.admin.keepalived;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import org.jlvs.core.model.IpAddress;

/**
 * Reading the values of keyword lines as keepalived does (read_unsigned_strvec, read_timer,
 * check_true_false), reporting a bad value at its line. A bad value leaves the setting unchanged.
 */
final class Values {
    /** keepalived's timers count microseconds. */
    private static final int TIMER_DIGITS = 6;
    /** The shortest timer: where keepalived asks for at least 1 (microsecond). */
    static final Duration MICROSECOND = Duration.ofNanos(1000);

    /** {@code IP [PORT]} of a server line; port 0 when absent. */
    record Endpoint(IpAddress address, int port) {
    }

    private final Reporter rep;

    Values(Reporter rep) {
        this.rep = rep;
    }

    /** Word {@code i} as a decimal number in [min, max]. */
    OptionalLong unsigned(Stmt s, int i, long min, long max) {
        String w = s.word(i);
        if (w == null) {
            rep.error(s.at(), s.keyword() + ": missing value");
            return OptionalLong.empty();
        }
        OptionalLong v = parseUnsigned(w);
        if (v.isEmpty()) {
            rep.error(s.at(), s.keyword() + ": invalid number '" + w + "'");
            return v;
        }
        if (v.getAsLong() < min || v.getAsLong() > max) {
            rep.error(s.at(), s.keyword() + ": number '" + w + "' outside range [" + min + ", " + max + "]");
            return OptionalLong.empty();
        }
        return v;
    }

    /**
     * Word {@code i} read as keepalived's running daemon reads the numbers it may take
     * "ignoring errors" (read_unsigned_strvec with ignore_error: weights, quorum, hysteresis,
     * thresholds): strtoul's value is kept whenever it falls in [min, max], even if text follows
     * the digits ("weight 1.5" is 1, "weight 5abc" is 5, a word without digits is 0) or a minus
     * sign leads ("-0" is 0); such a number is only warned about. Anything else is reported and
     * empty, and the caller keeps its previous value.
     */
    OptionalLong lenient(Stmt s, int i, long min, long max) {
        String w = s.word(i);
        if (w == null) {
            rep.error(s.at(), s.keyword() + ": missing value");
            return OptionalLong.empty();
        }
        int start = 0;
        while (start < w.length() && Decomment.isBlank(w.charAt(start))) {
            start++;
        }
        boolean negative = start < w.length() && w.charAt(start) == '-';
        int k = start;
        if (k < w.length() && (w.charAt(k) == '+' || w.charAt(k) == '-')) {
            k++;
        }
        int digits = k;
        java.math.BigInteger magnitude = java.math.BigInteger.ZERO;
        while (k < w.length() && w.charAt(k) >= '0' && w.charAt(k) <= '9') {
            magnitude = magnitude.multiply(java.math.BigInteger.TEN).add(java.math.BigInteger.valueOf(w.charAt(k) - '0'));
            k++;
        }
        boolean converted = k > digits;
        boolean trailing = !converted || k < w.length();
        java.math.BigInteger ulongMax = java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE);
        java.math.BigInteger val = magnitude.min(ulongMax);
        if (negative && converted && val.signum() > 0 && magnitude.compareTo(ulongMax) <= 0) {
            val = ulongMax.add(java.math.BigInteger.ONE).subtract(val);  // strtoul negates in unsigned long
        }
        boolean inRange = val.compareTo(java.math.BigInteger.valueOf(min)) >= 0
                && val.compareTo(java.math.BigInteger.valueOf(max)) <= 0;
        if (!negative && !trailing) {
            if (inRange) {
                return OptionalLong.of(val.longValue());
            }
            rep.error(s.at(), s.keyword() + ": number '" + w + "' outside range [" + min + ", " + max + "]");
            return OptionalLong.empty();
        }
        String what = negative ? "negative number" : "invalid number";
        if (inRange) {
            rep.warning(s.at(), s.keyword() + ": WARNING - " + what + " '" + w + "' - keepalived takes "
                    + val + " from it");
            return OptionalLong.of(val.longValue());
        }
        rep.error(s.at(), s.keyword() + ": WARNING - " + what + " '" + w + "'");
        return OptionalLong.empty();
    }

    static OptionalLong parseUnsigned(String w) {
        if (w.isEmpty() || w.length() > 18) {
            return OptionalLong.empty();
        }
        for (int k = 0; k < w.length(); k++) {
            if (w.charAt(k) < '0' || w.charAt(k) > '9') {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(w));
    }

    /** A decimal number with an optional sign (read_int_strvec), or empty. */
    static OptionalLong parseSigned(String w) {
        if (w.startsWith("-") || w.startsWith("+")) {
            OptionalLong v = parseUnsigned(w.substring(1));
            return v.isEmpty() || w.charAt(0) == '+' ? v : OptionalLong.of(-v.getAsLong());
        }
        return parseUnsigned(w);
    }

    /** Word {@code i} as seconds with up to six decimals, in [min, max] (max null: no limit). */
    Optional<Duration> timer(Stmt s, int i, Duration min, Duration max) {
        String w = s.word(i);
        if (w == null) {
            rep.error(s.at(), s.keyword() + ": missing value");
            return Optional.empty();
        }
        Duration d = parseTimer(w);
        if (d == null) {
            rep.error(s.at(), s.keyword() + ": invalid time '" + w + "'");
            return Optional.empty();
        }
        if (d.compareTo(min) < 0 || (max != null && d.compareTo(max) > 0)) {
            rep.error(s.at(), s.keyword() + ": time '" + w + "' outside range [" + seconds(min) + ", "
                    + (max == null ? "-" : seconds(max)) + "]");
            return Optional.empty();
        }
        return Optional.of(d);
    }

    /**
     * Word {@code i} as the running keepalived reads the timers of virtual and real servers
     * (read_timer with ignore_error): strtod's value, text after the number ignored with a
     * warning ("6s" is 6 s, "1e1" is 10 s, a word without digits 0), kept when in [min, max]
     * (max null: no limit), cut to whole microseconds.
     */
    Optional<Duration> lenientTimer(Stmt s, int i, Duration min, Duration max) {
        String w = s.word(i);
        if (w == null) {
            rep.error(s.at(), s.keyword() + ": missing value");
            return Optional.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("^[ \\t\\n\\r\\f\\u000b]*([+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)").matcher(w);
        boolean converted = m.find();
        java.math.BigDecimal seconds = converted ? new java.math.BigDecimal(m.group(1).replaceFirst("^\\+", "")
                .replaceFirst("\\.$", "").replaceFirst("\\.([eE])", "$1")) : java.math.BigDecimal.ZERO;
        boolean trailing = !converted || m.end() < w.length();
        java.math.BigDecimal lo = java.math.BigDecimal.valueOf(min.toNanos()).movePointLeft(9);
        boolean inRange = seconds.compareTo(lo) >= 0
                && (max == null || seconds.compareTo(java.math.BigDecimal.valueOf(max.toNanos()).movePointLeft(9)) <= 0)
                && seconds.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE / 1_000_000_000L)) < 0;
        if (!inRange) {
            rep.error(s.at(), s.keyword() + ": time '" + w + "' outside range [" + seconds(min) + ", "
                    + (max == null ? "-" : seconds(max)) + "]");
            return Optional.empty();
        }
        long micros = seconds.movePointRight(6).longValue();
        if (trailing) {
            rep.warning(s.at(), s.keyword() + ": WARNING - invalid number '" + w + "' - keepalived takes "
                    + seconds.stripTrailingZeros().toPlainString() + " s from it");
        }
        return Optional.of(Duration.ofNanos(micros * 1000));
    }

    static Duration parseTimer(String w) {
        int dot = w.indexOf('.');
        String whole = dot < 0 ? w : w.substring(0, dot);
        String frac = dot < 0 ? "" : w.substring(dot + 1);
        if ((whole.isEmpty() && frac.isEmpty()) || frac.length() > TIMER_DIGITS) {
            return null;
        }
        OptionalLong sec = whole.isEmpty() ? OptionalLong.of(0) : parseUnsigned(whole);
        OptionalLong micro = frac.isEmpty() ? OptionalLong.of(0) : parseUnsigned(frac);
        if (sec.isEmpty() || micro.isEmpty()) {
            return null;
        }
        long us = micro.getAsLong();
        for (int k = frac.length(); k < TIMER_DIGITS; k++) {
            us *= 10;
        }
        return Duration.ofSeconds(sec.getAsLong()).plusNanos(us * 1000);
    }

    private static String seconds(Duration d) {
        return d.toNanos() % 1_000_000_000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toNanos() / 1e9);
    }

    /** {@code keyword [true|on|yes|false|off|no]}: no word means true. */
    Optional<Boolean> flag(Stmt s, int i) {
        String w = s.word(i);
        if (w == null) {
            return Optional.of(true);
        }
        return switch (w) {
            case "true", "on", "yes" -> Optional.of(true);
            case "false", "off", "no" -> Optional.of(false);
            default -> {
                rep.error(s.at(), "Invalid " + s.keyword() + " parameter " + w);
                yield Optional.empty();
            }
        };
    }

    /** Word {@code i} as a numeric address, or null after reporting. */
    IpAddress address(Stmt s, int i) {
        String w = s.word(i);
        IpAddress a = w == null ? null : IpAddress.tryParse(w);
        if (a == null) {
            rep.error(s.at(), s.keyword() + ": invalid address '" + (w == null ? "" : w) + "'");
        }
        return a;
    }

    /**
     * Words 1 and 2 as {@code IP [PORT]} (keepalived's inet_stosockaddr), or null when either is
     * not valid; the caller reports it in its own words.
     */
    /**
     * {@code IP [PORT]} as keepalived's alloc_vs/alloc_rs/alloc_ssvr read it (inet_stosockaddr):
     * a port written only with zeros counts as none (0); any other is read leniently (strtoul,
     * text after the digits ignored) and must be in 1..65535; the address loses whatever follows
     * a '-' (else a '/'), so {@code 10.0.0.1/32} and {@code 10.0.0.1-5} are 10.0.0.1.
     */
    static Endpoint endpoint(Stmt s, Reporter rep) {
        String ip = s.word(1);
        if (ip == null) {
            return null;
        }
        int port = s.word(2) == null ? 0 : lenientPort(s.word(2));
        if (port < 0) {
            return null;
        }
        if (port > 0 && !s.word(2).chars().allMatch(c -> c >= '0' && c <= '9')) {
            rep.warning(s.at(), "WARNING - invalid number '" + s.word(2) + "' - keepalived takes port " + port + " from it");
        }
        int cut = ip.indexOf('-');
        if (cut < 0) {
            cut = ip.indexOf('/');
        }
        IpAddress a = IpAddress.tryParse(cut >= 0 ? ip.substring(0, cut) : ip);
        return a == null || a.isV6() != (ip.indexOf(':') >= 0) ? null : new Endpoint(a, port);
    }

    /**
     * A port as keepalived hands it to inet_stosockaddr: only zeros is no port (0), else strtoul's
     * value (text after the digits ignored) if in 1..65535, else -1.
     */
    static int lenientPort(String w) {
        if (w.chars().allMatch(c -> c == '0')) {
            return 0;
        }
        long v = strtoul(w);
        return v < 1 || v > 65535 ? -1 : (int) v;
    }

    /** C's strtoul(w, &end, 10) as far as keepalived's lenient reads care: -1 for a negative or huge value. */
    static long strtoul(String w) {
        int i = 0;
        while (i < w.length() && Character.isWhitespace(w.charAt(i))) {
            i++;
        }
        if (i < w.length() && w.charAt(i) == '-') {
            return -1;
        }
        if (i < w.length() && w.charAt(i) == '+') {
            i++;
        }
        long v = 0;
        while (i < w.length() && w.charAt(i) >= '0' && w.charAt(i) <= '9') {
            v = v * 10 + (w.charAt(i) - '0');
            if (v > 0xFFFF_FFFFL) {
                return -1;
            }
            i++;
        }
        return v;
    }

    /** The rest of the line after the keyword, the way set_value() takes a string value. */
    String text(Stmt s) {
        if (s.size() < 2) {
            rep.error(s.at(), s.keyword() + ": missing value");
            return null;
        }
        return String.join(" ", s.words().subList(1, s.size()));
    }
}

package org.jlvs.daemon.keepalived;

import java.util.Locale;
import java.util.Map;

/**
 * keepalived's {@code --signum=SIGFUNC}: the signal number for a function, as exporters ask for
 * it. Only the functions jlvsd answers are known (STATS_CLEAR and JSON use real-time signals a
 * JVM cannot take).
 */
final class SignalNames {
    static final Map<String, Integer> NUMBERS = Map.of("STOP", 15, "RELOAD", 1, "DATA", 10, "STATS", 12);

    private SignalNames() {
    }

    /** The number, or null for an unknown or unsupported function. */
    static Integer number(String function) {
        return NUMBERS.get(function.toUpperCase(Locale.ROOT));
    }
}

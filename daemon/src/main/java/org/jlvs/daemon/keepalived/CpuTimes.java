package org.jlvs.daemon.keepalived;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's user and system CPU time, as keepalived's checker reports them at stop with
 * -D ({@code Stopped - used 0.123456 user time, 0.012345 system time}): from /proc/self/stat,
 * in clock ticks of 1/100 s (USER_HZ on Linux).
 */
record CpuTimes(long userMicros, long systemMicros) {
    private static final long MICROS_PER_TICK = 10_000;

    static CpuTimes read(Path stat) throws IOException {
        String s = Files.readString(stat);
        // fields after the command name, which is in parentheses and may hold spaces
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return new CpuTimes(Long.parseLong(f[11]) * MICROS_PER_TICK, Long.parseLong(f[12]) * MICROS_PER_TICK);
    }

    /** keepalived's {@code %ld.%6.6ld}. */
    static String seconds(long micros) {
        return micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000);
    }

    String stoppedLine() {
        return "Stopped - used " + seconds(userMicros) + " user time, " + seconds(systemMicros) + " system time";
    }
}

package org.jlvs.sys.libc;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Lines to the system logger as the C library's syslog() sends them: one datagram per line to
 * the log socket (/dev/log), {@code <PRI>Mmm dd hh:mm:ss IDENT[PID]: text}, PRI being facility
 * times eight plus severity. rsyslog, syslog-ng and journald all read that form.
 */
public final class Syslog implements AutoCloseable {
    public static final String DEV_LOG = "/dev/log";
    public static final int LOG_INFO = 6;
    public static final int LOG_USER = 1;
    public static final int LOG_DAEMON = 3;
    /** LOG_LOCAL0; LOG_LOCALn is this plus n. */
    public static final int LOG_LOCAL0 = 16;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT);

    private final int fd;
    private final String ident;
    private final int facility;
    private final long pid = ProcessHandle.current().pid();

    private Syslog(int fd, String ident, int facility) {
        this.fd = fd;
        this.ident = ident;
        this.facility = facility;
    }

    /** Connects to the log socket at {@code path}; {@code facility} is a LOG_* number (not yet shifted). */
    public static Syslog open(String path, String ident, int facility) throws IOException {
        int fd = Sockets.socket(Sockets.AF_UNIX, Sockets.SOCK_DGRAM | Sockets.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new IOException("socket(AF_UNIX): " + Errno.describe(fd));
        }
        try (Arena a = Arena.ofConfined()) {
            int rc = Sockets.connect(fd, SockAddr.unix(a, path));
            if (rc < 0) {
                Sockets.close(fd);
                throw new IOException(path + ": " + Errno.describe(rc));
            }
        }
        return new Syslog(fd, ident, facility);
    }

    /** The line as sent for {@code severity} at {@code when}. */
    String format(int severity, String text, LocalDateTime when) {
        return "<" + (facility * 8 + severity) + ">" + STAMP.format(when) + " " + ident + "[" + pid + "]: " + text;
    }

    /** Sends one line; false when the logger did not take it (gone, or its queue full). */
    public synchronized boolean log(int severity, String text) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocateFrom(format(severity, text, LocalDateTime.now()));   // UTF-8 and a NUL, not sent
            long len = buf.byteSize() - 1;
            return Sockets.sendto(fd, buf, len, Sockets.MSG_DONTWAIT, MemorySegment.NULL) == len;
        }
    }

    @Override
    public void close() {
        Sockets.close(fd);
    }
}

package org.jlvs.daemon.keepalived;

import java.io.PrintStream;

import org.jlvs.sys.libc.Syslog;

/**
 * keepalived's log lines, word for word and one per line, without jlvsd's prefix, so existing
 * greps and alerts keep matching: on stderr (what systemd's journal or a console takes), and
 * with {@code -S} to syslog in the facility asked for, as keepalived (then on stderr only with
 * {@code -l}). Written straight out so that the lines of a stop are not lost to logging's own
 * shutdown.
 */
final class KeepalivedLog {
    /** The checker process's syslog name in keepalived. */
    static final String IDENT = "Keepalived_healthcheckers";

    private final PrintStream out;
    private final Syslog syslog;

    KeepalivedLog(PrintStream out) {
        this(out, null);
    }

    /** @param out the console, or null when lines go to syslog only */
    KeepalivedLog(PrintStream out, Syslog syslog) {
        this.out = out;
        this.syslog = syslog;
    }

    synchronized void line(String text) {
        if (syslog != null) {
            syslog.log(Syslog.LOG_INFO, text);
        }
        if (out != null) {
            out.println(text);
            out.flush();
        }
    }
}

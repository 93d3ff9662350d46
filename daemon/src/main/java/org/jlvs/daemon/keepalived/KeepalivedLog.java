package org.jlvs.daemon.keepalived;

import java.io.PrintStream;

/**
 * keepalived's log lines, word for word and one per line on stderr (what systemd's journal or a
 * console takes), without jlvsd's prefix, so existing greps and alerts keep matching. Written
 * straight to the stream so that the lines of a stop are not lost to logging's own shutdown.
 */
final class KeepalivedLog {
    private final PrintStream out;

    KeepalivedLog(PrintStream out) {
        this.out = out;
    }

    synchronized void line(String text) {
        out.println(text);
        out.flush();
    }
}

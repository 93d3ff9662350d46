package org.jlvs.daemon;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** One line per event on stderr, as a daemon under systemd or a shell wants it. */
final class Logs {
    private Logs() {
    }

    static void setUp(boolean verbose) {
        Logger root = Logger.getLogger("");
        for (var h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler h = new ConsoleHandler();
        h.setLevel(verbose ? Level.FINE : Level.INFO);
        h.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                String level = r.getLevel() == Level.WARNING ? "warning: "
                        : r.getLevel() == Level.SEVERE ? "error: " : "";
                String msg = formatMessage(r);
                if (r.getThrown() != null) {
                    msg += ": " + r.getThrown();
                }
                return "jlvsd: " + level + msg + System.lineSeparator();
            }
        });
        root.addHandler(h);
        root.setLevel(verbose ? Level.FINE : Level.INFO);
        Logger.getLogger("io.netty").setLevel(Level.WARNING);
    }
}

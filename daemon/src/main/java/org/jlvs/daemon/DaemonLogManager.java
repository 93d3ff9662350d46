package org.jlvs.daemon;

import java.util.logging.LogManager;

/**
 * Keeps logging alive until the director has stopped: the JDK's LogManager resets (and closes
 * its handlers) in its own shutdown hook, which would swallow the last lines of a SIGTERM stop.
 * Selected with -Djava.util.logging.manager by bin/jlvsd.
 */
public final class DaemonLogManager extends LogManager {
    private static volatile boolean allowReset;

    @Override
    public void reset() {
        if (allowReset) {
            super.reset();
        }
    }

    /** Called once the director has stopped. */
    static void finish() {
        allowReset = true;
    }
}

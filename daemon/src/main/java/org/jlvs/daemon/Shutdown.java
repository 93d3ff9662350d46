package org.jlvs.daemon;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Stopping (SIGTERM, Ctrl-C, or a shutdown request): listeners close first, open connections get
 * the grace period, the table is saved if asked, and the control socket goes last, so ipvsadm
 * keeps answering while connections drain.
 */
final class Shutdown {
    private static final Logger LOG = Logger.getLogger(Shutdown.class.getName());

    private final Director director;
    private final long graceMillis;
    private final Path saveTo;
    private final CountDownLatch stopped;
    private final AtomicBoolean started = new AtomicBoolean();
    volatile ControlServer control;

    Shutdown(Director director, long graceMillis, Path saveTo, CountDownLatch stopped) {
        this.director = director;
        this.graceMillis = graceMillis;
        this.saveTo = saveTo;
        this.stopped = stopped;
    }

    void run() {
        if (!started.compareAndSet(false, true)) {
            try {
                stopped.await(); // the shutdown hook waits for a stop already under way
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        try {
            LOG.info("stopping");
            if (director.plane() != null) {
                director.plane().shutdown(graceMillis, LOG::info);
            }
            if (saveTo != null) {
                String err = RulesFile.save(saveTo, director);
                if (err != null) {
                    LOG.warning("could not save the table to " + saveTo + ": " + err);
                } else {
                    LOG.info("table saved to " + saveTo);
                }
            }
            director.stopTimers();
            ControlServer c = control;
            if (c != null) {
                c.close();
            }
            LOG.info("stopped");
        } finally {
            stopped.countDown();
            DaemonLogManager.finish();
        }
    }
}

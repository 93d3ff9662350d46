package org.jlvs.ha.check;

import java.time.Duration;
import java.util.concurrent.locks.Lock;

/**
 * One checker's life on its own virtual thread: wait, attempt, settle under the engine's lock,
 * wait what settle said, and so on until stopped. A stopped loop's late attempt is dropped, so a
 * reload or a stop never sees an old checker report.
 */
final class CheckLoop {
    final HealthChecker<Object> checker;
    final PolicyContext ctx;
    private final Lock lock;
    private volatile boolean stopped;
    private Thread thread;

    CheckLoop(HealthChecker<Object> checker, PolicyContext ctx, Lock lock) {
        this.checker = checker;
        this.ctx = ctx;
        this.lock = lock;
    }

    void start(Duration first) {
        thread = Thread.ofVirtual().name("check " + ctx.name()).start(() -> run(first));
    }

    private void run(Duration first) {
        try {
            sleep(first);
            while (!stopped) {
                Object attempt = checker.attempt();
                Duration next;
                lock.lock();
                try {
                    if (stopped) {
                        return;
                    }
                    next = checker.settle(attempt, ctx);
                } finally {
                    lock.unlock();
                }
                sleep(next);
            }
        } catch (InterruptedException e) {
            // stopped
        } catch (RuntimeException e) {
            ctx.log("checker for " + ctx.name() + " stopped: " + e);
        }
    }

    private static void sleep(Duration d) throws InterruptedException {
        if (d.isPositive()) {
            Thread.sleep(d);
        }
    }

    /** Called under the engine's lock: no settle of this loop runs after it. */
    void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}

package org.jlvs.ha.check;

/**
 * One running checker: what it checks with, the context it reports to, and whether it has been
 * stopped (a reload or a stop). A stopped task is neither fired nor settled again; a blocking
 * attempt in flight is interrupted.
 */
final class CheckTask {
    final HealthChecker<Object> checker;
    final PolicyContext ctx;
    private volatile boolean stopped;
    private volatile Thread attempt;

    CheckTask(HealthChecker<Object> checker, PolicyContext ctx) {
        this.checker = checker;
        this.ctx = ctx;
    }

    boolean stopped() {
        return stopped;
    }

    /** The virtual thread of a blocking attempt in flight, or null. */
    void attempting(Thread t) {
        attempt = t;
    }

    /** Called under the engine's lock: no settle of this task runs after it. */
    void stop() {
        stopped = true;
        Thread t = attempt;
        if (t != null) {
            t.interrupt();
        }
        if (checker instanceof AutoCloseable c) {
            try {
                c.close();  // what it holds between attempts (a FILE_CHECK's watch)
            } catch (Exception e) {
                // nothing more to release
            }
        }
    }
}

package org.jlvs.ha.check;

import java.time.Duration;

/**
 * One checker block of one real server. The scheduler runs {@link #attempt()} on a virtual
 * thread (a {@link ConnectOnly} checker's connect on its selector instead), then {@link #settle}
 * under the engine's lock, and fires again after what settle returned.
 *
 * @param <A> what one attempt found
 */
interface HealthChecker<A> {

    /** One probe: blocking, bounded by the checker's timeout, never throws for network trouble. */
    A attempt() throws InterruptedException;

    /** keepalived's epilog for that attempt: retry counting, log lines, reports; the delay until the next attempt. */
    Duration settle(A attempt, CheckerContext ctx);

    /** keepalived's retry_it, which a reload carries over to the checker that replaces this one. */
    int retryIt();

    void retryIt(int n);
}

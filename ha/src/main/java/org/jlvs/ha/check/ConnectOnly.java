package org.jlvs.ha.check;

import org.jlvs.admin.http.Connector;

/**
 * A checker whose attempt is nothing but a TCP connect (TCP_CHECK): the scheduler does it on its
 * selector, without a thread, and hands the outcome back as an attempt to settle.
 *
 * @param <A> the checker's attempt type
 */
interface ConnectOnly<A> {

    Target target();

    /** The attempt for a connect that completed (null) or failed this way. */
    A outcome(Connector.Failure failure);
}

package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.VirtualService;

/**
 * Never queue ({@code ip_vs_nq.c}): the first idle destination (no active connections) in list
 * order, whatever its weight; when none is idle, sed's choice.
 */
public final class NqScheduler implements Scheduler {
    @Override
    public Destination schedule(VirtualService svc, Flow flow) {
        Destination least = null;
        long loh = 0;
        for (Destination d : svc.destinations()) {
            if (d.overloaded() || d.weight() == 0) {
                continue;
            }
            long doh = d.activeConns() + 1;
            if (d.activeConns() == 0) {
                return d;
            }
            if (least == null || loh * d.weight() > doh * least.weight()) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }
}

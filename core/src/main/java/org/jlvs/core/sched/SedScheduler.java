package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.VirtualService;

/**
 * Shortest expected delay ({@code ip_vs_sed.c}): wlc with overhead = active connections + 1;
 * inactive connections are ignored.
 */
public final class SedScheduler implements Scheduler {
    @Override
    public Destination schedule(VirtualService svc, Flow flow) {
        Destination[] dests = svc.destinations();
        int n = dests.length;
        int i = 0;
        Destination least = null;
        for (; i < n; i++) {
            Destination d = dests[i];
            if (!d.overloaded() && d.weight() > 0) {
                least = d;
                break;
            }
        }
        if (least == null) {
            return null;
        }
        long loh = least.activeConns() + 1;
        for (i++; i < n; i++) {
            Destination d = dests[i];
            if (d.overloaded()) {
                continue;
            }
            long doh = d.activeConns() + 1;
            if (loh * d.weight() > doh * least.weight()) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }
}

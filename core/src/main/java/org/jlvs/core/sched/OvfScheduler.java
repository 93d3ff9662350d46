package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.VirtualService;

/**
 * Weighted overflow ({@code ip_vs_ovf.c}): the highest-weight destination whose active
 * connections do not exceed its weight ({@code <=}, so a weight-w server takes w + 1 before
 * traffic overflows); ties to the first in list order.
 */
public final class OvfScheduler implements Scheduler {
    @Override
    public Destination schedule(VirtualService svc, Flow flow) {
        Destination h = null;
        for (Destination d : svc.destinations()) {
            int w = d.weight();
            if (d.overloaded() || d.activeConns() > w || w == 0) {
                continue;
            }
            if (h == null || w > h.weight()) {
                h = d;
            }
        }
        return h;
    }
}

package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.VirtualService;

/**
 * Weighted failover ({@code ip_vs_fo.c}): the non-OVERLOAD destination with the strictly highest
 * weight; ties go to the first in list order (the most recently added).
 */
public final class FoScheduler implements Scheduler {
    @Override
    public Destination schedule(VirtualService svc, Flow flow) {
        Destination best = null;
        int hw = 0;
        for (Destination d : svc.destinations()) {
            if (!d.overloaded() && d.weight() > hw) {
                best = d;
                hw = d.weight();
            }
        }
        return best;
    }
}

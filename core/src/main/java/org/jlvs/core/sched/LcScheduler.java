package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.VirtualService;
import org.jlvs.core.tunable.Tunables.Profile;

/**
 * Least connection ({@code ip_vs_lc.c}): the usable destination with the smallest connection
 * overhead, compared unsigned; weight size is ignored; ties go to the first in list order.
 */
public final class LcScheduler implements Scheduler {
    @Override
    public Destination schedule(VirtualService svc, Flow flow) {
        Profile p = svc.context().tunables().profile;
        Destination least = null;
        int loh = 0;
        for (Destination d : svc.destinations()) {
            if (d.overloaded() || d.weight() == 0) {
                continue;
            }
            int doh = d.overhead(p);
            if (least == null || Integer.compareUnsigned(doh, loh) < 0) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }
}

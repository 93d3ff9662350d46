package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.VirtualService;

/**
 * Weighted least connection ({@code ip_vs_wlc.c}), the default: the destination with the
 * smallest overhead/weight; strict comparison, so ties stay with the earlier in list order.
 */
public final class WlcScheduler implements Scheduler {
    @Override
    public Destination schedule(VirtualService svc, Flow flow) {
        return WeightedLeast.wlc(svc.destinations(), svc.context().tunables().profile);
    }
}

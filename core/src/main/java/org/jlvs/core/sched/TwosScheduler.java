package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.VirtualService;
import org.jlvs.core.tunable.Tunables.Profile;

/**
 * Power of two choices ({@code ip_vs_twos.c}; Mitzenmacher, "The Power of Two Choices in
 * Randomized Load Balancing"): two destinations drawn at random in proportion to their weights,
 * and the less loaded per weight of the two wins (ties to the first draw). The draws come from
 * the context's {@link RandomSource}, so tests can give them.
 */
public final class TwosScheduler implements Scheduler {
    @Override
    public Destination schedule(VirtualService svc, Flow flow) {
        Destination[] dests = svc.destinations();
        int total = 0;
        Destination lastUsable = null;
        for (Destination d : dests) {
            if (!d.overloaded() && d.weight() > 0) {
                total += d.weight();
                lastUsable = d;
            }
        }
        if (lastUsable == null) {
            return null;
        }
        RandomSource rnd = svc.context().random();
        int r1 = rnd.below(total + 1);
        int r2 = rnd.below(total + 1);
        Profile p = svc.context().tunables().profile;
        Destination c1 = lastUsable; // the kernel's choice1 before the walk
        Destination c2 = null;
        int w1 = -1;
        int w2 = -1;
        int o1 = 0;
        int o2 = 0;
        for (Destination d : dests) {
            if (d.overloaded()) {
                continue;
            }
            int w = d.weight();
            if (w <= 0) {
                continue;
            }
            r1 -= w;
            r2 -= w;
            if (r1 <= 0 && w1 == -1) {
                c1 = d;
                w1 = w;
                o1 = d.overhead(p);
            }
            if (r2 <= 0 && w2 == -1) {
                c2 = d;
                w2 = w;
                o2 = d.overhead(p);
            }
            if (w1 != -1 && w2 != -1) {
                break;
            }
        }
        // 32-bit int products, as the kernel computes them
        if (c2 != null && w2 * o1 > w1 * o2) {
            return c2;
        }
        return c1;
    }
}

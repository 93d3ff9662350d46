package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.VirtualService;
import org.jlvs.core.tunable.Tunables.Profile;

/**
 * Power of two choices ({@code ip_vs_twos.c}; Mitzenmacher, "The Power of Two Choices in
 * Randomized Load Balancing"): two destinations drawn at random in proportion to their weights,
 * and the less loaded per weight of the two wins (ties to the first draw). The draws come from
 * the context's {@link RandomSource}, so tests can give them.
 *
 * <p>The kernel walks the list to sum the weights and again to find each draw. The same picks
 * come from the running weight sums of the usable destinations, cached until the service's
 * generation moves (a list change, an edit, an OVERLOAD flip), and a binary search: the first
 * destination whose running sum reaches the draw is the one where the kernel's countdown hits 0.
 * While the total weight is small (the usual case) a table maps every draw to its destination,
 * so a pick costs two random numbers and two loads.
 */
public final class TwosScheduler implements Scheduler {

    /** Usable destinations in list order with their running weight sums. */
    private record View(int generation, Destination[] list, Destination[] usable, int[] cumulative, int total,
                        int[] byDraw) {
        /** The index of the usable destination a draw lands on. */
        int find(int r) {
            return byDraw != null ? byDraw[r] : search(cumulative, r);
        }
    }

    /** Largest total weight that gets a draw-to-destination table. */
    static final int TABLE_LIMIT = 1 << 16;

    private volatile View view = new View(-1, null, new Destination[0], new int[0], 0, null);

    private View view(VirtualService svc) {
        View v = view;
        int gen = svc.generation();
        Destination[] list = svc.destinations();
        if (v.generation == gen && v.list == list) {
            return v;
        }
        int n = 0;
        for (Destination d : list) {
            if (!d.overloaded() && d.weight() > 0) {
                n++;
            }
        }
        Destination[] usable = new Destination[n];
        int[] cum = new int[n];
        int total = 0;
        int k = 0;
        for (Destination d : list) {
            if (!d.overloaded() && d.weight() > 0) {
                total += d.weight();
                usable[k] = d;
                cum[k++] = total;
            }
        }
        int[] byDraw = null;
        // nothing usable: no table, the pick is null; a sum past INT_MAX (weights are ints) wraps
        // as the kernel's does, and is searched, never tabled
        if (n > 0 && total >= 0 && total < TABLE_LIMIT) {
            byDraw = new int[total + 1];
            for (int r = 0, i = 0; r <= total; r++) {
                while (cum[i] < r) {
                    i++;
                }
                byDraw[r] = i;
            }
        }
        v = new View(gen, list, usable, cum, total, byDraw);
        view = v;
        return v;
    }

    /** The first usable destination whose running sum is at least {@code r}. */
    static int search(int[] cum, int r) {
        int lo = 0;
        int hi = cum.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cum[mid] >= r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    @Override
    public Destination schedule(VirtualService svc, Flow flow) {
        View v = view(svc);
        if (v.usable.length == 0) {
            return null;
        }
        RandomSource rnd = svc.context().random();
        int r1 = rnd.below(v.total + 1);
        int r2 = rnd.below(v.total + 1);
        Destination c1 = v.usable[v.find(r1)];
        Destination c2 = v.usable[v.find(r2)];
        Profile p = svc.context().tunables().profile;
        int w1 = c1.weight();
        int w2 = c2.weight();
        // 32-bit int products, as the kernel computes them
        if (w2 * c1.overhead(p) > w1 * c2.overhead(p)) {
            return c2;
        }
        return c1;
    }
}

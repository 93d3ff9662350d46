package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.tunable.Tunables.Profile;

/**
 * The weighted comparison shared by wlc, lblc and lblcr ({@code loh·w_dest > doh·w_least}, signed
 * 64-bit): the first usable destination starts, a later non-OVERLOAD one replaces it only when
 * strictly less loaded per weight.
 */
final class WeightedLeast {
    private WeightedLeast() {
    }

    static Destination wlc(Destination[] dests, Profile p) {
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
        long loh = least.overhead(p);
        for (i++; i < n; i++) {
            Destination d = dests[i];
            if (d.overloaded()) {
                continue;
            }
            long doh = d.overhead(p);
            if (loh * d.weight() > doh * least.weight()) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }

    /**
     * lblc's and lblcr's "2× overloaded": more active connections than its weight while some
     * destination of the service is below half its weight.
     */
    static boolean overloaded2x(Destination dest, Destination[] all) {
        if (dest.activeConns() > dest.weight()) {
            for (Destination d : all) {
                if ((long) d.activeConns() * 2 < d.weight()) {
                    return true;
                }
            }
        }
        return false;
    }
}

package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.VirtualService;

/**
 * Weighted round robin ({@code ip_vs_wrr.c}). Each pass over the list takes the destinations whose
 * weight is at least the current weight {@code cw}; {@code cw} steps down by the gcd of the
 * weights and wraps to {@code mw}. Every list change and edit resets the position to the head
 * and adjusts {@code cw} as {@code ip_vs_wrr_dest_changed} does, so a service filled one server
 * at a time starts differently from one whose scheduler is bound over a full list.
 */
public final class WrrScheduler implements Scheduler {
    /** Index of the last pick, -1 for the list head. */
    private int cl = -1;
    private int cw;
    private int mw;
    private int di;

    @Override
    public void init(VirtualService svc) {
        cl = -1;
        di = gcdWeight(svc.destinations());
        mw = maxWeight(svc.destinations()) - (di - 1);
        cw = mw;
    }

    @Override
    public void addDest(VirtualService svc, Destination dest) {
        changed(svc);
    }

    @Override
    public void delDest(VirtualService svc, Destination dest) {
        changed(svc);
    }

    @Override
    public void updDest(VirtualService svc, Destination dest) {
        changed(svc);
    }

    private void changed(VirtualService svc) {
        cl = -1;
        di = gcdWeight(svc.destinations());
        mw = maxWeight(svc.destinations()) - (di - 1);
        if (cw > mw || cw == 0) {
            cw = mw;
        } else if (di > 1) {
            cw = (cw / di) * di + 1;
        }
    }

    private static int gcdWeight(Destination[] d) {
        int g = 0;
        for (Destination x : d) {
            int w = x.weight();
            if (w > 0) {
                g = g > 0 ? gcd(w, g) : w;
            }
        }
        return g != 0 ? g : 1;
    }

    private static int maxWeight(Destination[] d) {
        int m = 0;
        for (Destination x : d) {
            m = Math.max(m, x.weight());
        }
        return m;
    }

    static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public Destination schedule(VirtualService svc, Flow flow) {
        synchronized (svc.schedLock()) {
            Destination[] d = svc.destinations();
            int n = d.length;
            if (mw == 0) {
                return null;
            }
            int last = cl;
            int stop = -2; // none
            boolean lastPass = false;
            boolean restarted = false;
            int i = cl;
            while (true) {
                for (i = i + 1; i < n; i++) {
                    Destination x = d[i];
                    if (!x.overloaded() && x.weight() >= cw) {
                        cl = i;
                        return x;
                    }
                    if (i == stop) {
                        cl = stop;
                        return null;
                    }
                }
                i = -1; // back at the head
                cw -= di;
                if (cw <= 0) {
                    cw = mw;
                    if (lastPass || last == -1) {
                        cl = -1;
                        return null;
                    }
                    restarted = true;
                }
                lastPass = cw <= di;
                if (lastPass && restarted && last != -1) {
                    stop = last;
                }
            }
        }
    }
}

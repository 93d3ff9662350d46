package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.SchedFlags;
import org.jlvs.core.model.VirtualService;

/**
 * Source hashing ({@code ip_vs_sh.c}): the client address (plus its port with sh-port) picks one
 * of 256 slots; each destination fills {@code weight} consecutive slots per round (a weight-0
 * one still takes one). With sh-fallback an unusable slot is followed by a probe that starts at
 * slot 2h.
 */
public final class ShScheduler implements Scheduler {
    static final int TAB_BITS = 8;
    static final int TAB_SIZE = 1 << TAB_BITS;
    static final int TAB_MASK = TAB_SIZE - 1;

    private volatile Destination[] table = new Destination[TAB_SIZE];

    @Override
    public void init(VirtualService svc) {
        reassign(svc);
    }

    @Override
    public void addDest(VirtualService svc, Destination dest) {
        reassign(svc);
    }

    @Override
    public void delDest(VirtualService svc, Destination dest) {
        reassign(svc);
    }

    @Override
    public void updDest(VirtualService svc, Destination dest) {
        reassign(svc);
    }

    private void reassign(VirtualService svc) {
        Destination[] d = svc.destinations();
        Destination[] t = new Destination[TAB_SIZE];
        if (d.length > 0) {
            int p = 0;
            int count = 0;
            for (int i = 0; i < TAB_SIZE; i++) {
                t[i] = d[p];
                if (++count >= d[p].weight()) {
                    p = (p + 1) % d.length;
                    count = 0;
                }
            }
        }
        table = t;
    }

    private static int hashKey(int fold, int port, int offset) {
        return (offset + KernelHash.hash32(port + fold, TAB_BITS)) & TAB_MASK;
    }

    private static boolean unusable(Destination d) {
        return d.weight() <= 0 || d.overloaded();
    }

    @Override
    public Destination schedule(VirtualService svc, Flow flow) {
        int flags = svc.flags();
        int port = (flags & SchedFlags.SCHED2) != 0 ? flow.hashPort() : 0;
        int fold = flow.srcFold();
        Destination[] t = table;
        int ihash = hashKey(fold, port, 0);
        Destination d = t[ihash];
        if (d == null) {
            return null;
        }
        if (!unusable(d)) {
            return d;
        }
        if ((flags & SchedFlags.SCHED1) == 0) {
            return null;
        }
        for (int offset = 0; offset < TAB_SIZE; offset++) {
            int roffset = (offset + ihash) % TAB_SIZE;
            d = t[hashKey(fold, port, roffset)];
            if (d != null && !unusable(d)) {
                return d;
            }
        }
        return null;
    }
}

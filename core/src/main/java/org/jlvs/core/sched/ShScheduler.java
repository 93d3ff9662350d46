package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.SchedFlags;
import org.jlvs.core.model.VirtualService;

/**
 * Source hashing ({@code ip_vs_sh.c}): the client address (plus its port with sh-port) picks one
 * of 2^CONFIG_IP_VS_SH_TAB_BITS slots (256 by default); each destination fills {@code weight} consecutive slots per round (a weight-0
 * one still takes one). With sh-fallback an unusable slot is followed by a probe that starts at
 * slot 2h.
 */
public final class ShScheduler implements Scheduler {
    /** CONFIG_IP_VS_SH_TAB_BITS default. */
    static final int DEFAULT_TAB_BITS = 8;

    /** The table's size in bits, from the kernel build option, fixed once bound. */
    private int tabBits = DEFAULT_TAB_BITS;
    private volatile Destination[] table = new Destination[1 << DEFAULT_TAB_BITS];

    @Override
    public void init(VirtualService svc) {
        tabBits = svc.context().tunables().shTabBits;
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
        Destination[] t = new Destination[1 << tabBits];
        if (d.length > 0) {
            int p = 0;
            int count = 0;
            for (int i = 0; i < t.length; i++) {
                t[i] = d[p];
                if (++count >= d[p].weight()) {
                    p = (p + 1) % d.length;
                    count = 0;
                }
            }
        }
        table = t;
    }

    private static int hashKey(int fold, int port, int offset, int bits) {
        return (offset + KernelHash.hash32(port + fold, bits)) & ((1 << bits) - 1);
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
        int bits = Integer.numberOfTrailingZeros(t.length);
        int ihash = hashKey(fold, port, 0, bits);
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
        for (int offset = 0; offset < t.length; offset++) {
            int roffset = (offset + ihash) % t.length;
            d = t[hashKey(fold, port, roffset, bits)];
            if (d != null && !unusable(d)) {
                return d;
            }
        }
        return null;
    }
}

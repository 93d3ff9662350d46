package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.VirtualService;

/**
 * Destination hashing ({@code ip_vs_dh.c}): the packet's destination address picks one of 256
 * slots, filled with the list entries in turn; weights do not shape the table. No fallback.
 */
public final class DhScheduler implements Scheduler {
    static final int TAB_BITS = 8;
    static final int TAB_SIZE = 1 << TAB_BITS;

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

    private void reassign(VirtualService svc) {
        Destination[] d = svc.destinations();
        Destination[] t = new Destination[TAB_SIZE];
        if (d.length > 0) {
            for (int i = 0; i < TAB_SIZE; i++) {
                t[i] = d[i % d.length];
            }
        }
        table = t;
    }

    @Override
    public Destination schedule(VirtualService svc, Flow flow) {
        Destination d = table[KernelHash.hash32(flow.dstFold(), TAB_BITS)];
        if (d == null || !d.available() || d.weight() <= 0 || d.overloaded()) {
            return null;
        }
        return d;
    }
}

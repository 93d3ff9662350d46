package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.VirtualService;

/**
 * Round robin ({@code ip_vs_rr.c}): the next usable destination after the last one picked, in list
 * order, wrapping once. Weight size is ignored; weight 0 and OVERLOAD are skipped.
 */
public final class RrScheduler implements Scheduler {
    /** Index of the last pick in the current list, -1 for the list head. */
    private int pos = -1;
    private Destination last;

    @Override
    public void init(VirtualService svc) {
        pos = -1;
        last = null;
    }

    @Override
    public void addDest(VirtualService svc, Destination dest) {
        resync(svc);
    }

    @Override
    public void delDest(VirtualService svc, Destination dest) {
        if (dest == last) {
            // the kernel moves to the deleted entry's predecessor (or the head)
            pos = pos - 1;
            last = pos >= 0 ? svc.destinations()[pos] : null;
        } else {
            resync(svc);
        }
    }

    private void resync(VirtualService svc) {
        if (last == null) {
            pos = -1;
            return;
        }
        Destination[] d = svc.destinations();
        for (int i = 0; i < d.length; i++) {
            if (d[i] == last) {
                pos = i;
                return;
            }
        }
        pos = -1;
        last = null;
    }

    @Override
    public Destination schedule(VirtualService svc, Flow flow) {
        synchronized (svc.schedLock()) {
            Destination[] d = svc.destinations();
            int n = d.length;
            // from the entry after pos to the end, then from the start up to and including pos
            for (int i = pos + 1; i < n; i++) {
                if (d[i].usable()) {
                    return pick(d, i);
                }
            }
            if (pos >= 0) {
                for (int i = 0; i <= pos && i < n; i++) {
                    if (d[i].usable()) {
                        return pick(d, i);
                    }
                }
            }
            return null;
        }
    }

    private Destination pick(Destination[] d, int i) {
        pos = i;
        last = d[i];
        return last;
    }
}

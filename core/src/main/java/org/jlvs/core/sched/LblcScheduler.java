package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.VirtualService;

/**
 * Locality-based least connection ({@code ip_vs_lblc.c}), for caches and fwmark services: each
 * packet destination address keeps the destination it was first given, until that one is gone,
 * quiesced or 2× overloaded; then wlc chooses again. The cached pick ignores the OVERLOAD flag.
 */
public final class LblcScheduler implements Scheduler {

    static final class Entry extends LocalityTable.Entry<Entry> {
        Destination dest;
    }

    private final LocalityTable<Entry> table = new LocalityTable<>() {
    };

    @Override
    public void init(VirtualService svc) {
        table.start(svc.context().clock().millis());
    }

    @Override
    public void tick(VirtualService svc, long nowMillis) {
        synchronized (svc.schedLock()) {
            // every kernel counts swept entries down; the 2026 lblc fix is about replaced entries
            table.tick(svc, nowMillis, svc.context().tunables().lblcExpiration * 1000L);
        }
    }

    @Override
    public boolean holds(VirtualService svc, Destination dest) {
        synchronized (svc.schedLock()) {
            return table.any(e -> e.dest == dest);
        }
    }

    @Override
    public Destination schedule(VirtualService svc, Flow flow) {
        long now = svc.context().clock().millis();
        synchronized (svc.schedLock()) {
            Destination[] dests = svc.destinations();
            Entry en = table.get(flow);
            if (en != null) {
                en.lastuse = now;
                Destination d = en.dest;
                if (d.available() && d.weight() > 0 && !WeightedLeast.overloaded2x(d, dests)) {
                    return d;
                }
            }
            Destination d = WeightedLeast.wlc(dests, svc.context().tunables().profile);
            if (d == null) {
                return null;
            }
            boolean k2026 = LocalityTable.is2026(svc);
            if (en != null) {
                if (en.dest == d) {
                    return d;
                }
                table.unlink(en, k2026);
            }
            if (k2026 && table.entries >= LocalityTable.CAP) {
                return d;
            }
            Entry n = new Entry();
            n.dest = d;
            n.lastuse = now;
            table.hash(n, flow);
            return d;
        }
    }
}

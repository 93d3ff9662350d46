package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.VirtualService;

/**
 * Locality-based least connection with replication ({@code ip_vs_lblcr.c}): each packet
 * destination address keeps a set of destinations (newest first). The set's least loaded member
 * serves; when it is 2× overloaded, wlc's choice joins the set; a set unchanged for
 * lblcr_expiration loses its most loaded member.
 */
public final class LblcrScheduler implements Scheduler {

    static final class Entry extends LocalityTable.Entry<Entry> {
        Destination[] set = new Destination[4];
        int size;
        long lastmod;

        boolean contains(Destination d) {
            for (int i = 0; i < size; i++) {
                if (set[i] == d) {
                    return true;
                }
            }
            return false;
        }

        void insert(Destination d, long now) {
            if (contains(d)) {
                return;
            }
            if (size == set.length) {
                set = java.util.Arrays.copyOf(set, size * 2);
            }
            System.arraycopy(set, 0, set, 1, size);
            set[0] = d;
            size++;
            lastmod = now;
        }

        void erase(Destination d, long now) {
            for (int i = 0; i < size; i++) {
                if (set[i] == d) {
                    System.arraycopy(set, i + 1, set, i, size - i - 1);
                    set[--size] = null;
                    lastmod = now;
                    return;
                }
            }
        }
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
            table.tick(svc, nowMillis, svc.context().tunables().lblcrExpiration * 1000L);
        }
    }

    private static Destination setMin(Entry en, org.jlvs.core.tunable.Tunables.Profile p) {
        int i = 0;
        Destination least = null;
        for (; i < en.size; i++) {
            Destination d = en.set[i];
            if (d.overloaded()) {
                continue;
            }
            if (d.weight() > 0 && d.available()) {
                least = d;
                break;
            }
        }
        if (least == null) {
            return null;
        }
        long loh = least.overhead(p);
        for (i++; i < en.size; i++) {
            Destination d = en.set[i];
            if (d.overloaded()) {
                continue;
            }
            long doh = d.overhead(p);
            if (loh * d.weight() > doh * least.weight() && d.available()) {
                least = d;
                loh = doh;
            }
        }
        return least;
    }

    private static Destination setMax(Entry en, org.jlvs.core.tunable.Tunables.Profile p) {
        int i = 0;
        Destination most = null;
        for (; i < en.size; i++) {
            if (en.set[i].weight() > 0) {
                most = en.set[i];
                break;
            }
        }
        if (most == null) {
            return null;
        }
        long moh = most.overhead(p);
        for (i++; i < en.size; i++) {
            Destination d = en.set[i];
            long doh = d.overhead(p);
            if (moh * d.weight() < doh * most.weight() && d.weight() > 0) {
                most = d;
                moh = doh;
            }
        }
        return most;
    }

    @Override
    public boolean holds(VirtualService svc, Destination dest) {
        synchronized (svc.schedLock()) {
            return table.any(e -> e.contains(dest));
        }
    }

    @Override
    public Destination schedule(VirtualService svc, Flow flow) {
        long now = svc.context().clock().millis();
        var p = svc.context().tunables().profile;
        synchronized (svc.schedLock()) {
            Destination[] dests = svc.destinations();
            Entry en = table.get(flow);
            if (en != null) {
                en.lastuse = now;
                Destination d = setMin(en, p);
                long expiration = svc.context().tunables().lblcrExpiration * 1000L;
                if (en.size > 1 && now > en.lastmod + expiration) {
                    Destination m = setMax(en, p);
                    if (m != null) {
                        en.erase(m, now);
                    }
                }
                if (d != null && !WeightedLeast.overloaded2x(d, dests)) {
                    return d;
                }
                d = WeightedLeast.wlc(dests, p);
                if (d == null) {
                    return null;
                }
                en.insert(d, now);
                return d;
            }
            Destination d = WeightedLeast.wlc(dests, p);
            if (d == null) {
                return null;
            }
            if (LocalityTable.is2026(svc) && table.entries >= LocalityTable.CAP) {
                return d;
            }
            Entry n = new Entry();
            n.lastuse = now;
            n.insert(d, now);
            table.hash(n, flow);
            return d;
        }
    }
}

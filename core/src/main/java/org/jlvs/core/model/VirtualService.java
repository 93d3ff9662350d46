package org.jlvs.core.model;

import org.jlvs.core.sched.Flow;
import org.jlvs.core.sched.SchedContext;
import org.jlvs.core.sched.Scheduler;
import org.jlvs.core.stats.Stats;

/**
 * A virtual service (the kernel's {@code struct ip_vs_service}): its configuration, its scheduler
 * and its destinations in the kernel's list order, newest first. The control thread replaces the
 * destination array (copy on write, the RCU list of the kernel); data-plane threads read it
 * without locks.
 */
public final class VirtualService {
    private static final Destination[] NONE = new Destination[0];

    private final ServiceKey key;
    private final SchedContext context;
    private final Stats stats = new Stats();
    private final Object schedLock = new Object();

    private volatile ServiceConfig config;
    private volatile Scheduler scheduler;
    private volatile Destination[] destinations = NONE;
    /** Moves on every change that can alter which destinations are usable. */
    private final java.util.concurrent.atomic.AtomicInteger generation = new java.util.concurrent.atomic.AtomicInteger();

    public VirtualService(ServiceConfig config, SchedContext context) {
        this.key = config.key();
        this.config = config;
        this.context = context;
    }

    public ServiceKey key() {
        return key;
    }

    public ServiceConfig config() {
        return config;
    }

    public int flags() {
        return config.flags();
    }

    public SchedContext context() {
        return context;
    }

    public Stats stats() {
        return stats;
    }

    /** The lock the kernel calls {@code svc->sched_lock}: hooks and stateful picks run under it. */
    public Object schedLock() {
        return schedLock;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** Destinations in list order (newest first). The array must not be modified. */
    public Destination[] destinations() {
        return destinations;
    }

    /**
     * A number that changes whenever the destinations, their weights or their OVERLOAD flags
     * change, so a scheduler can cache a view of them (twos's weight sums).
     */
    public int generation() {
        return generation.get();
    }

    /** Something a cached view depends on changed. */
    public void changed() {
        generation.incrementAndGet();
    }

    public int numDests() {
        return destinations.length;
    }

    /** Picks a destination for a new connection; null when none is available or there is no scheduler. */
    public Destination schedule(Flow flow) {
        Scheduler s = scheduler;
        return s == null ? null : s.schedule(this, flow);
    }

    public Destination findDest(IpAddress addr, int port) {
        for (Destination d : destinations) {
            if (d.port() == port && d.address().equals(addr)) {
                return d;
            }
        }
        return null;
    }

    // ---- changes: made only by IpvsTable, on the control thread ----

    public void setConfig(ServiceConfig c) {
        this.config = c;
    }

    /** Binds a scheduler (null for none) and runs its init over the current list. */
    public void bindScheduler(Scheduler s) {
        synchronized (schedLock) {
            scheduler = s;
            if (s != null) {
                s.init(this);
            }
        }
    }

    public void linkAtHead(Destination d) {
        synchronized (schedLock) {
            Destination[] old = destinations;
            Destination[] n = new Destination[old.length + 1];
            n[0] = d;
            System.arraycopy(old, 0, n, 1, old.length);
            d.setAvailable(true);
            destinations = n;
            changed();
            Scheduler s = scheduler;
            if (s != null) {
                s.addDest(this, d);
            }
        }
    }

    public void unlink(Destination d) {
        synchronized (schedLock) {
            Destination[] old = destinations;
            int i = indexOf(old, d);
            if (i < 0) {
                return;
            }
            Destination[] n = new Destination[old.length - 1];
            System.arraycopy(old, 0, n, 0, i);
            System.arraycopy(old, i + 1, n, i, old.length - i - 1);
            d.setAvailable(false);
            destinations = n;
            changed();
            Scheduler s = scheduler;
            if (s != null) {
                s.delDest(this, d);
            }
        }
    }

    public void updated(Destination d) {
        synchronized (schedLock) {
            changed();
            Scheduler s = scheduler;
            if (s != null) {
                s.updDest(this, d);
            }
        }
    }

    /** Runs the scheduler's periodic work (lblc/lblcr expiry) due by {@code nowMillis}. */
    public void tick(long nowMillis) {
        Scheduler s = scheduler;
        if (s != null) {
            s.tick(this, nowMillis);
        }
    }

    private static int indexOf(Destination[] a, Destination d) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == d) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return key.toString();
    }
}

package org.jlvs.core.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jlvs.core.conn.ConnTable;
import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.Destination;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.model.TunnelType;
import org.jlvs.core.model.VirtualService;
import org.jlvs.core.sched.SchedContext;
import org.jlvs.core.sched.Scheduler;
import org.jlvs.core.sched.SchedulerRegistry;
import org.jlvs.core.stats.Estimator;
import org.jlvs.core.stats.Stats;
import org.jlvs.core.tunable.Tunables;

/**
 * One network namespace's IPVS state: its services, their destinations, the trash of deleted
 * destinations that connections still use, the connection timeouts and the total stats.
 * Every change goes through {@link #apply} (or the methods it calls) and is checked first, in
 * the kernel's order, so a refused change leaves the table exactly as it was. Changes are
 * serialised; readers on data-plane threads see each service's published state without locks.
 */
public final class IpvsTable {
    /** Persistence engines the kernel knows. */
    public static final List<String> PERSISTENCE_ENGINES = List.of("sip");
    /** Destinations unused this long leave the trash (IP_VS_DEST_TRASH_PERIOD). */
    public static final long TRASH_PERIOD_MILLIS = 120_000;

    private final SchedContext context;
    private final Tunables tunables;
    private final Stats totalStats = new Stats();
    private final Timeouts timeouts = new Timeouts();
    private final ConnTable conns;

    /** Services in creation order; readers use the published array. */
    private final Map<ServiceKey, VirtualService> services = new LinkedHashMap<>();
    private volatile VirtualService[] published = new VirtualService[0];
    private volatile ServiceIndex index = ServiceIndex.EMPTY;
    /** Inside {@link #batch}: the service list is published once, at its end. */
    private boolean batching;
    private boolean unpublished;
    private final Map<TrashKey, Trashed> trash = new HashMap<>();

    private record TrashKey(ServiceKey service, IpAddress address, int port) {
    }

    private static final class Trashed {
        final Destination dest;
        long idleSince = -1;

        Trashed(Destination d) {
            this.dest = d;
        }
    }

    public IpvsTable(SchedContext context) {
        this.context = context;
        this.tunables = context.tunables();
        this.conns = new ConnTable(context.clock(), tunables, timeouts, totalStats);
    }

    public IpvsTable() {
        this(SchedContext.system(new Tunables()));
    }

    public SchedContext context() {
        return context;
    }

    public Tunables tunables() {
        return tunables;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    public Stats totalStats() {
        return totalStats;
    }

    public ConnTable conns() {
        return conns;
    }

    // ------------------------------------------------------------------ reading

    /** Services in the order the kernel's hash table would list them: address services, then fwmark ones. */
    public VirtualService[] services() {
        return published;
    }

    public synchronized VirtualService service(ServiceKey key) {
        return services.get(key);
    }

    /** The service for a packet's protocol, destination address and port (no fwmark), or null. */
    public VirtualService lookup(int protocol, boolean v6, long hi, long lo, int port) {
        return index.find(protocol, v6, hi, lo, port);
    }

    /** The fwmark service for a mark and family, or null. */
    public VirtualService lookupFwmark(int mark, boolean v6) {
        return index.findMark(mark, v6);
    }

    /** The table as listings see it, taken under the change lock so it is one consistent state. */
    public synchronized TableSnapshot snapshot() {
        List<TableSnapshot.ServiceView> list = new ArrayList<>();
        for (VirtualService s : published) {
            List<TableSnapshot.DestView> dests = new ArrayList<>();
            for (Destination d : s.destinations()) {
                dests.add(new TableSnapshot.DestView(d.config(), d.activeConns(), d.inactConns(),
                        d.persistConns(), d.overloaded(), d.stats().snapshot()));
            }
            list.add(new TableSnapshot.ServiceView(s.config(), s.stats().snapshot(), dests));
        }
        return new TableSnapshot(list, timeouts.tcp(), timeouts.tcpFin(), timeouts.udp(),
                totalStats.snapshot(), connTableSize());
    }

    /** The connection hash table's bucket count, as the ipvsadm -L header prints it. */
    public int connTableSize() {
        return conns.bucketCount();
    }

    // ------------------------------------------------------------------ changing

    public void apply(Command c) throws IpvsException {
        switch (c) {
            case Command.AddService a -> addService(a.config());
            case Command.EditService e -> editService(e.config());
            case Command.DeleteService d -> deleteService(d.key());
            case Command.Clear x -> clear();
            case Command.AddDest a -> addDest(a.service(), a.dest());
            case Command.EditDest e -> editDest(e.service(), e.dest());
            case Command.DeleteDest d -> deleteDest(d.service(), d.address(), d.port());
            case Command.Zero z -> zero(z.service());
            case Command.SetTimeouts t -> timeouts.set(t.tcp(), t.tcpFin(), t.udp());
        }
    }

    public synchronized VirtualService addService(ServiceConfig c) throws IpvsException {
        if (services.containsKey(c.key())) {
            throw new IpvsException(Errno.EEXIST, "Service already exists");
        }
        checkService(c);
        VirtualService s = new VirtualService(c, context);
        s.bindScheduler(SchedulerRegistry.create(c.scheduler()));
        services.put(c.key(), s);
        publish();
        return s;
    }

    public synchronized void editService(ServiceConfig c) throws IpvsException {
        VirtualService s = services.get(c.key());
        if (s == null) {
            throw new IpvsException(Errno.ESRCH, "No such service");
        }
        checkService(c);
        String old = s.config().scheduler();
        s.setConfig(c);
        if (!old.equals(c.scheduler())) {
            // a new scheduler starts over the existing list; only flags changed keeps its state
            s.bindScheduler(SchedulerRegistry.create(c.scheduler()));
        }
    }

    private void checkService(ServiceConfig c) throws IpvsException {
        if (!SchedulerRegistry.valid(c.scheduler())) {
            throw new IpvsException(Errno.ENOENT, "Scheduler or persistence engine not found");
        }
        if (c.pe() != null && !PERSISTENCE_ENGINES.contains(c.pe())) {
            throw new IpvsException(Errno.ENOENT, "Scheduler or persistence engine not found");
        }
        if (c.key().v6() && c.persistent() && (c.netmask() < 1 || c.netmask() > 128)) {
            throw new IpvsException(Errno.EINVAL, "IPv6 netmask must be 1..128");
        }
        if (!c.key().isFwmark() && c.key().port() == 0 && !c.persistent()) {
            throw new IpvsException(Errno.EINVAL, "Zero port specified for non-persistent service");
        }
        if (c.persistent() && c.timeout() < 1) {
            throw new IpvsException(Errno.EINVAL, "persistence timeout must be at least 1 second");
        }
    }

    public synchronized void deleteService(ServiceKey key) throws IpvsException {
        VirtualService s = services.remove(key);
        if (s == null) {
            throw new IpvsException(Errno.ESRCH, "No such service");
        }
        retire(s);
        publish();
    }

    /** ipvsadm -C. */
    public synchronized void clear() {
        for (VirtualService s : services.values()) {
            retire(s);
        }
        services.clear();
        publish();
    }

    private void retire(VirtualService s) {
        for (Destination d : s.destinations()) {
            s.unlink(d);
            trash.put(new TrashKey(s.key(), d.address(), d.port()), new Trashed(d));
        }
        s.bindScheduler(null);
    }

    public synchronized Destination addDest(ServiceKey key, DestConfig c) throws IpvsException {
        VirtualService s = services.get(key);
        if (s == null) {
            throw new IpvsException(Errno.ESRCH, "Service not defined");
        }
        checkDest(s, c);
        if (s.findDest(c.address(), c.port()) != null) {
            throw new IpvsException(Errno.EEXIST, "Destination already exists");
        }
        checkUnicast(c.address());
        Trashed t = trash.remove(new TrashKey(key, c.address(), c.port()));
        Destination d = t != null ? t.dest : new Destination(s, c.address(), c.port());
        d.configure(c, true, tunables.profile);
        s.linkAtHead(d);
        return d;
    }

    public synchronized Destination editDest(ServiceKey key, DestConfig c) throws IpvsException {
        VirtualService s = services.get(key);
        if (s == null) {
            throw new IpvsException(Errno.ESRCH, "Service not defined");
        }
        checkDest(s, c);
        Destination d = s.findDest(c.address(), c.port());
        if (d == null) {
            throw new IpvsException(Errno.ENOENT, "No such destination");
        }
        d.configure(c, false, tunables.profile);
        s.updated(d);
        return d;
    }

    public synchronized void deleteDest(ServiceKey key, IpAddress addr, int port) throws IpvsException {
        VirtualService s = services.get(key);
        if (s == null) {
            throw new IpvsException(Errno.ESRCH, "Service not defined");
        }
        Destination d = s.findDest(addr, port);
        if (d == null) {
            throw new IpvsException(Errno.ENOENT, "No such destination");
        }
        s.unlink(d);
        trash.put(new TrashKey(key, addr, port), new Trashed(d));
    }

    private static void checkDest(VirtualService s, DestConfig c) throws IpvsException {
        if (c.address().isV6() != s.key().v6() && c.forwarding() != Forwarding.TUNNEL) {
            throw new IpvsException(Errno.EINVAL, "Different address family is allowed only for tunneling servers");
        }
        if (c.weight() < 0) { // the kernel's only bound; ipvsadm and keepalived stop at 65535 themselves
            throw new IpvsException(Errno.ERANGE, "server weight less than zero");
        }
        if (c.upperThreshold() < 0 || c.lowerThreshold() < 0) {
            throw new IpvsException(Errno.ERANGE, "thresholds must not be negative");
        }
        if (c.lowerThreshold() > c.upperThreshold()) {
            throw new IpvsException(Errno.ERANGE, "lower threshold is above the upper threshold");
        }
        if (c.forwarding() == Forwarding.TUNNEL && c.tunnelType() == TunnelType.GUE && c.tunnelPort() == 0) {
            throw new IpvsException(Errno.EINVAL, "a GUE tunnel needs a port");
        }
        if (c.port() < 0 || c.port() > 65535) {
            throw new IpvsException(Errno.EINVAL, "port out of range");
        }
    }

    /** The kernel accepts only unicast (or local) realserver addresses. */
    private static void checkUnicast(IpAddress a) throws IpvsException {
        if (!RealServerAddress.acceptable(a)) {
            throw new IpvsException(Errno.EINVAL,
                    "Invalid operation.  Possibly wrong module version, address not unicast, ...");
        }
    }

    /** ipvsadm -Z: one service (its destinations too) or, for null, everything. */
    public synchronized void zero(ServiceKey key) throws IpvsException {
        if (key != null) {
            VirtualService s = services.get(key);
            if (s == null) {
                throw new IpvsException(Errno.ESRCH, "No such service");
            }
            zero(s);
            return;
        }
        for (VirtualService s : services.values()) {
            zero(s);
        }
        totalStats.zero();
    }

    private static void zero(VirtualService s) {
        s.stats().zero();
        for (Destination d : s.destinations()) {
            d.stats().zero();
        }
    }

    /**
     * Runs a series of changes (an ipvsadm -R) as one for readers: the service list and index,
     * rebuilt in O(services) by every add or delete, are published once at the end, so a restore
     * of n services costs O(n), not O(n^2). The changes made stay made if {@code body} stops early.
     */
    public synchronized int batch(java.util.function.IntSupplier body) {
        if (batching) {
            return body.getAsInt();
        }
        batching = true;
        try {
            return body.getAsInt();
        } finally {
            batching = false;
            if (unpublished) {
                publish();
            }
        }
    }

    private void publish() {
        if (batching) {
            unpublished = true;
            return;
        }
        unpublished = false;
        List<VirtualService> plain = new ArrayList<>();
        List<VirtualService> marks = new ArrayList<>();
        for (VirtualService s : services.values()) {
            (s.key().isFwmark() ? marks : plain).add(s);
        }
        plain.addAll(marks);
        VirtualService[] all = plain.toArray(new VirtualService[0]);
        index = new ServiceIndex(all);
        published = all;
    }

    // ------------------------------------------------------------------ housekeeping

    /**
     * Periodic work, called by the owner of the clock (the daemon's timer thread, a replay):
     * scheduler timers and the trash.
     */
    public void tick(long nowMillis) {
        conns.tick();
        for (VirtualService s : published) {
            s.tick(nowMillis);
        }
        synchronized (this) {
            Iterator<Trashed> it = trash.values().iterator();
            while (it.hasNext()) {
                Trashed t = it.next();
                Destination d = t.dest;
                if (d.totalConns() != 0 || d.persistConns() != 0 || heldByScheduler(d)) {
                    t.idleSince = -1;
                } else if (t.idleSince < 0) {
                    t.idleSince = nowMillis;
                } else if (nowMillis - t.idleSince >= TRASH_PERIOD_MILLIS) {
                    it.remove();
                }
            }
        }
    }

    /** A scheduler cache (lblc/lblcr) still points at this trashed destination: the kernel's refcount. */
    private boolean heldByScheduler(Destination d) {
        VirtualService s = services.get(d.service());
        if (s == null) {
            return false;
        }
        Scheduler sched = s.scheduler();
        return sched != null && sched.holds(s, d);
    }

    /** One 2-second estimator step over every service, destination and the total. */
    public void estimate() {
        if (tunables.runEstimation == 0) {
            return;
        }
        Estimator.estimate(totalStats);
        for (VirtualService s : published) {
            Estimator.estimate(s.stats());
            for (Destination d : s.destinations()) {
                Estimator.estimate(d.stats());
            }
        }
    }
}

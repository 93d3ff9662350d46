package org.jlvs.packet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.VirtualService;
import org.jlvs.core.table.IpvsTable;
import org.jlvs.packet.rules.Iptables;
import org.jlvs.packet.rules.QueueTarget;
import org.jlvs.packet.rules.RuleSet;
import org.jlvs.packet.rx.QueueWorker;
import org.jlvs.packet.xmit.Egress;
import org.jlvs.packet.xmit.EgressBuilder;
import org.jlvs.packet.xmit.EgressTable;
import org.jlvs.sys.libc.Interfaces;
import org.jlvs.sys.nfqueue.NfQueue;

/**
 * The packet data plane: true LVS-NAT, LVS-DR and LVS-TUN for the table, in userspace. iptables
 * rules in our own chains queue the table's traffic (NFQUEUE); one thread per queue rewrites
 * (NAT) or sends on (DR by AF_PACKET, TUN by raw socket) each packet, through the control
 * plane's connection table. {@link #sync()} follows the table after each change; stopping
 * removes every rule it added, and starting removes any that a killed director left.
 */
public final class PacketPlane {
    private static final Logger LOG = Logger.getLogger(PacketPlane.class.getName());
    /** Room in each queue, in packets, before the kernel fails open. */
    static final int QUEUE_MAXLEN = 16384;

    private final IpvsTable table;
    private final PacketPlaneConfig config;
    private final QueueTarget target;
    private final Iptables v4 = new Iptables(false);
    private final Iptables v6 = new Iptables(true);
    private final Counters counters = new Counters();
    private final EgressTable egress = new EgressTable();
    private final EgressBuilder egressBuilder;
    private final List<QueueWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    /** Masqueraded realservers removed from the table while connections to them still run. */
    private final java.util.Set<Destination> retiredNat = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private java.util.Set<Destination> lastNat = java.util.Set.of();
    private String lastRules4 = "";
    private String lastRules6 = "";
    private boolean stopped;

    private PacketPlane(IpvsTable table, PacketPlaneConfig config, int ifindex, int mtu) {
        this.table = table;
        this.config = config;
        this.target = new QueueTarget(config.firstQueue(), config.queueCount());
        this.egressBuilder = new EgressBuilder(ifindex);
        egress.setMtu(mtu);
    }

    /**
     * Starts the plane, or throws {@link IllegalStateException} saying why it cannot run here
     * (not root, no NFQUEUE, no iptables, a queue taken, no such interface); then nothing of it
     * is left behind.
     */
    public static PacketPlane start(IpvsTable table, PacketPlaneConfig config) {
        int ifindex = 0;
        int mtu = 1500;
        if (config.insideInterface() != null) {
            Interfaces.Info info = Interfaces.lookup(config.insideInterface());
            ifindex = info.index();
            mtu = info.mtu();
        }
        PacketPlane plane = new PacketPlane(table, config, ifindex, mtu);
        String why = plane.v4.problem();
        if (why != null) {
            throw new IllegalStateException(why);
        }
        List<NfQueue> queues = new ArrayList<>();
        try {
            // the queues first: while another director holds them, its rules are not ours to touch
            for (int q = config.firstQueue(); q < config.firstQueue() + config.queueCount(); q++) {
                // no fail-open: a full queue that let packets through would hand them to the local
                // stack, whose port unreachables and resets would end the clients' flows
                queues.add(NfQueue.open(q, config.batch(), QUEUE_MAXLEN, 0));
            }
        } catch (RuntimeException e) {
            queues.forEach(NfQueue::close);
            throw new IllegalStateException(e.getMessage(), e);
        }
        try {
            plane.cleanStale();
            plane.v4.install();
            if (plane.v6.problem() == null) {
                plane.v6.install();
            }
        } catch (RuntimeException | IOException e) {
            queues.forEach(NfQueue::close);
            plane.removeRules();
            throw new IllegalStateException(e.getMessage(), e);
        }
        for (NfQueue q : queues) {
            long[] counts = plane.counters.newWorker();
            Egress out = new Egress(plane.egress, counts, table.tunables(), config.batch());
            QueueWorker w = new QueueWorker(q, new PacketHandler(table, out, counts), out, counts);
            Thread t = Thread.ofPlatform().name("jlvs-queue-" + q.queueNumber()).daemon(true).unstarted(w);
            plane.workers.add(w);
            plane.threads.add(t);
            t.start();
        }
        LOG.info("packet plane: queue(s) " + config.firstQueue() + (config.queueCount() > 1
                ? "-" + (config.firstQueue() + config.queueCount() - 1) : "") + ", inside interface "
                + (config.insideInterface() == null ? "(any)" : config.insideInterface()) + ", MTU " + mtu);
        return plane;
    }

    private void cleanStale() throws IOException {
        v4.removeAll();
        if (v6.problem() == null) {
            v6.removeAll();
        }
    }

    /** Makes the rules and the DR/TUN egress match the table. Call after every change. */
    public synchronized void sync() {
        if (stopped) {
            return;
        }
        VirtualService[] services = table.services();
        java.util.Set<Destination> nat = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (VirtualService s : services) {
            for (Destination d : s.destinations()) {
                if (d.forwarding() == org.jlvs.core.model.Forwarding.MASQ) {
                    nat.add(d);
                }
            }
        }
        for (Destination d : lastNat) {
            if (!nat.contains(d)) {
                retiredNat.add(d);
            }
        }
        retiredNat.removeIf(d -> nat.contains(d) || d.totalConns() == 0);
        lastNat = nat;
        warnIfNotForwarding(nat);
        try {
            RuleSet r4 = new RuleSet(false, services, retiredNat, target);
            String t4 = r4.restoreText();
            if (!t4.equals(lastRules4)) {
                v4.apply(r4);
                lastRules4 = t4;
            }
            RuleSet r6 = new RuleSet(true, services, retiredNat, target);
            String t6 = r6.restoreText();
            if (!t6.equals(lastRules6) && (!r6.isEmpty() || !lastRules6.isEmpty())) {
                v6.apply(r6);
                lastRules6 = t6;
            }
        } catch (IOException e) {
            LOG.warning("packet plane: rules not updated: " + e.getMessage());
        }
        int missing = egressBuilder.refresh(services, egress, true);
        for (int i = 0; i < 10 && missing > 0; i++) {
            sleep(50);
            missing = egressBuilder.refresh(services, egress, false);
        }
        if (missing > 0) {
            LOG.info("packet plane: " + missing + " DR realserver(s) without a known MAC yet; retried");
        }
    }

    private boolean warnedForwarding;

    /** NAT packets leave by the kernel's forwarding path: say so once if it is off. */
    private void warnIfNotForwarding(java.util.Set<Destination> nat) {
        if (warnedForwarding || nat.isEmpty()) {
            return;
        }
        for (Destination d : nat) {
            String knob = d.address().isV6() ? "/proc/sys/net/ipv6/conf/all/forwarding" : "/proc/sys/net/ipv4/ip_forward";
            try {
                if (java.nio.file.Files.readString(java.nio.file.Path.of(knob)).strip().equals("0")) {
                    LOG.warning("packet plane: " + knob + " is 0: NAT packets to realservers will not be forwarded");
                    warnedForwarding = true;
                    return;
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Periodic: looks up MACs again (all of them every so often; at once when a packet missed one). */
    public synchronized void refresh() {
        if (!stopped) {
            readMtu();
            egressBuilder.refresh(table.services(), egress, true);
            if (retiredNat.stream().anyMatch(d -> d.totalConns() == 0)) {
                sync(); // the last connection to a removed realserver is gone: drop its reply rules
            }
        }
    }

    /** Whether a packet found a DR realserver without a MAC since the last refresh. */
    public boolean neighbourMissing() {
        return egress.neighbourMissing();
    }

    public Counters counters() {
        return counters;
    }

    public int mtu() {
        return egress.mtu();
    }

    /** The inside interface's MTU again, so a changed MTU is followed without a restart. */
    private void readMtu() {
        if (config.insideInterface() == null) {
            return;
        }
        try {
            int now = Interfaces.lookup(config.insideInterface()).mtu();
            if (now != egress.mtu()) {
                LOG.info("packet plane: " + config.insideInterface() + " MTU " + egress.mtu() + " -> " + now);
                egress.setMtu(now);
            }
        } catch (RuntimeException e) {
            LOG.warning("packet plane: " + e.getMessage());
        }
    }

    /** What status shows: queues, interface, counters by name. */
    public Map<String, String> status() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("packet queues", target.first() + (target.count() > 1 ? "-" + (target.first() + target.count() - 1) : ""));
        m.put("packet inside-if", config.insideInterface() == null ? "(any)" : config.insideInterface() + " mtu " + egress.mtu());
        counters.nonZero().forEach((k, v) -> m.put("packet " + k, Long.toString(v)));
        return m;
    }

    /**
     * Stops scheduling new connections, lets active ones run for up to {@code graceMillis},
     * then removes our rules and stops the queue threads.
     */
    public void shutdown(long graceMillis, Consumer<String> log) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        workers.forEach(w -> w.handler().drain());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        while (activeConnections() > 0 && System.nanoTime() < deadline) {
            sleep(100);
        }
        removeRules();
        workers.forEach(QueueWorker::stop);
        for (Thread t : threads) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.accept("packet plane stopped: " + counters.nonZero());
    }

    private int activeConnections() {
        int n = 0;
        for (VirtualService s : table.services()) {
            for (Destination d : s.destinations()) {
                n += d.activeConns();
            }
        }
        return n;
    }

    private void removeRules() {
        try {
            v4.removeAll();
            if (v6.problem() == null) {
                v6.removeAll();
            }
        } catch (IOException e) {
            LOG.warning("packet plane: could not remove rules: " + e.getMessage());
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.jlvs.core.model;

import java.util.concurrent.atomic.AtomicInteger;

import org.jlvs.core.conn.ConnFlags;
import org.jlvs.core.stats.Stats;
import org.jlvs.core.tunable.Tunables.Profile;

/**
 * A realserver of one virtual service (the kernel's {@code struct ip_vs_dest}). Its configuration is
 * written by the control thread; its connection counters and OVERLOAD flag move on data-plane
 * threads as connections are bound and unbound.
 */
public final class Destination {
    private final VirtualService svc;
    private final IpAddress address;
    private final int port;
    /** A data plane's own form of address:port, cached so that no connection builds it again. */
    private volatile Object planeAddress;
    private final Stats stats = new Stats();

    private volatile Forwarding forwarding;
    private volatile int weight;
    /** The last non-zero weight; mh builds its table from it. */
    private volatile int lastWeight;
    private volatile int upperThreshold;
    private volatile int lowerThreshold;
    private volatile TunnelType tunnelType = TunnelType.IPIP;
    private volatile int tunnelPort;
    private volatile int tunnelFlags;

    private final AtomicInteger activeConns = new AtomicInteger();
    private final AtomicInteger inactConns = new AtomicInteger();
    private final AtomicInteger persistConns = new AtomicInteger();
    private volatile boolean overloaded;

    /** Flips OVERLOAD; a flip tells the service, whose cached scheduler views depend on it. */
    private void overload(boolean v) {
        if (overloaded != v) {
            overloaded = v;
            svc.changed();
        }
    }
    /** Linked in its service (cleared on delete; lblc/lblcr caches may still point here). */
    private volatile boolean available;

    /** Tunnel checksum flags, as ipvsadm's --tun-nocsum/--tun-csum/--tun-remcsum set them. */
    public static final int TUN_F_NOCSUM = 0;
    public static final int TUN_F_CSUM = 1;
    public static final int TUN_F_REMCSUM = 2;

    public Destination(VirtualService svc, IpAddress address, int port) {
        this.svc = svc;
        this.address = address;
        this.port = port;
    }

    /** Applies an add or edit (the kernel's __ip_vs_update_dest), with its OVERLOAD rule. */
    public void configure(DestConfig c, boolean add, Profile profile) {
        int oldU = upperThreshold;
        int oldL = lowerThreshold;
        forwarding = c.forwarding();
        tunnelType = c.tunnelType();
        tunnelPort = c.tunnelPort();
        tunnelFlags = c.tunnelFlags();
        weight = c.weight();
        if (add || c.weight() != 0) {
            lastWeight = c.weight();
        }
        upperThreshold = c.upperThreshold();
        lowerThreshold = c.lowerThreshold();
        // adds run the rule too: a server revived from the trash keeps its flag and counters
        // (a new one has neither, so the rule changes nothing for it)
        if (profile == Profile.CLASSIC) {
            // edits only ever clear: a new upper threshold of 0 or one above the old
            if (c.upperThreshold() == 0 || c.upperThreshold() > oldU) {
                overload(false);
            }
        } else if (c.upperThreshold() != oldU || c.lowerThreshold() != oldL) {
            int u = c.upperThreshold();
            int total = totalConns();
            if (u == 0) {
                overload(false);
            } else if (total >= u) {
                overload(true);
            } else if (total < lowerLimit()) {
                overload(false);
            }
        }
    }

    /** The limit below which OVERLOAD clears: l_threshold, or ⌈3u/4⌉ when it is 0. */
    private int lowerLimit() {
        int l = lowerThreshold;
        int u = upperThreshold;
        return l != 0 ? l : u - (u >> 2);
    }

    /** A new connection is bound: counted inactive (or active, for synced ones), then the OVERLOAD set rule. */
    public void bindConn(boolean active, Profile profile) {
        (active ? activeConns : inactConns).incrementAndGet();
        int u = upperThreshold;
        if (u != 0) {
            int total = totalConns();
            if (profile == Profile.CLASSIC ? total >= u : total == u) {
                overload(true);
            }
        }
    }

    /** A connection ends: its counter drops, then the OVERLOAD clear rule. */
    public void unbindConn(boolean wasActive, Profile profile) {
        int totalBefore = totalConns();
        (wasActive ? activeConns : inactConns).decrementAndGet();
        int u = upperThreshold;
        int l = lowerThreshold;
        if (profile == Profile.CLASSIC) {
            int total = totalConns();
            if (l != 0) {
                if (total < l) {
                    overload(false);
                }
            } else if (u != 0) {
                if ((long) total * 4 < (long) u * 3) {
                    overload(false);
                }
            } else {
                overload(false);
            }
        } else if (totalBefore == lowerLimit()) {
            // 2026: cleared when the total drops through the lower limit (never while u and l are 0)
            overload(false);
        }
    }

    /** A connection moves between the active and inactive counts (a TCP state change). */
    public void activate(boolean nowActive) {
        if (nowActive) {
            inactConns.decrementAndGet();
            activeConns.incrementAndGet();
        } else {
            activeConns.decrementAndGet();
            inactConns.incrementAndGet();
        }
    }

    /**
     * The kernel's ip_vs_dest_conn_overhead: 256·active + inactive (classic) or
     * 256·active + total = 257·active + inactive (2026).
     */
    public int overhead(Profile profile) {
        int a = activeConns.get();
        int i = inactConns.get();
        return profile == Profile.CLASSIC ? (a << 8) + i : (a << 8) + a + i;
    }

    public ServiceKey service() {
        return svc.key();
    }

    public IpAddress address() {
        return address;
    }

    /** What a data plane made once from this destination's address (the socket plane's socket address), or null. */
    public Object planeAddress() {
        return planeAddress;
    }

    public void planeAddress(Object a) {
        planeAddress = a;
    }

    public int port() {
        return port;
    }

    public Stats stats() {
        return stats;
    }

    /** The stats of the service this destination belongs to (a packet counts in both). */
    public Stats serviceStats() {
        return svc.stats();
    }

    /**
     * The flags its new connections start with (the kernel's dest->conn_flags): the forwarding
     * method, INACTIVE, and NOOUTPUT unless replies come back through us (NAT).
     */
    public int connFlags() {
        Forwarding f = forwarding;
        int flags = f.kernelCode() | ConnFlags.INACTIVE;
        if (f != Forwarding.MASQ) {
            flags |= ConnFlags.NOOUTPUT;
        }
        return flags;
    }

    public Forwarding forwarding() {
        return forwarding;
    }

    public int weight() {
        return weight;
    }

    public int lastWeight() {
        return lastWeight;
    }

    public int upperThreshold() {
        return upperThreshold;
    }

    public int lowerThreshold() {
        return lowerThreshold;
    }

    public TunnelType tunnelType() {
        return tunnelType;
    }

    public int tunnelPort() {
        return tunnelPort;
    }

    public int tunnelFlags() {
        return tunnelFlags;
    }

    public int activeConns() {
        return activeConns.get();
    }

    public int inactConns() {
        return inactConns.get();
    }

    public int totalConns() {
        return activeConns.get() + inactConns.get();
    }

    public int persistConns() {
        return persistConns.get();
    }

    public void addPersistConn(int delta) {
        persistConns.addAndGet(delta);
    }

    public boolean overloaded() {
        return overloaded;
    }

    public boolean available() {
        return available;
    }

    /** Usable for a new connection by most schedulers: not OVERLOAD and weight above 0. */
    public boolean usable() {
        return !overloaded && weight > 0;
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }

    /** Test and replay hook: the counters as given, no OVERLOAD logic. */
    public void setCounters(int active, int inactive) {
        activeConns.set(active);
        inactConns.set(inactive);
    }

    /** Test and replay hook: in real use only the thresholds move this flag. */
    public void setOverloaded(boolean v) {
        overload(v);
    }

    /** The current configuration, as a command would restate it. */
    public DestConfig config() {
        return new DestConfig(address, port, forwarding, weight, upperThreshold, lowerThreshold,
                tunnelType, tunnelPort, tunnelFlags);
    }

    /** {@code addr:port} or {@code [addr]:port}. */
    public String endpoint() {
        return address.toUriString() + ":" + port;
    }

    @Override
    public String toString() {
        return endpoint();
    }
}

package org.jlvs.core.model;

import java.util.Objects;

/**
 * What an add or edit of a virtual service says (ipvsadm -A/-E, a keepalived virtual_server).
 *
 * @param scheduler   scheduler name ({@code none} for no scheduler)
 * @param flags       {@link SchedFlags} bits: PERSISTENT, ONEPACKET, SCHED1..3
 * @param timeout     persistence timeout in seconds (meaningful with PERSISTENT)
 * @param netmask     persistence granularity: an IPv4 mask as an int, or an IPv6 prefix length
 * @param pe          persistence engine name, or null
 */
public record ServiceConfig(ServiceKey key, String scheduler, int flags, int timeout, int netmask, String pe) {
    /** ipvsadm's -p with no value. */
    public static final int DEFAULT_PERSISTENCE_TIMEOUT = 360;
    public static final int V4_HOST_MASK = 0xFFFF_FFFF;
    public static final int V6_HOST_PREFIX = 128;

    public ServiceConfig {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(scheduler, "scheduler");
    }

    /** A plain service: scheduler only, no persistence. */
    public static ServiceConfig of(ServiceKey key, String scheduler) {
        return new ServiceConfig(key, scheduler, 0, 0, defaultNetmask(key.v6()), null);
    }

    public static int defaultNetmask(boolean v6) {
        return v6 ? V6_HOST_PREFIX : V4_HOST_MASK;
    }

    public boolean persistent() {
        return (flags & SchedFlags.PERSISTENT) != 0;
    }

    public boolean onePacket() {
        return (flags & SchedFlags.ONEPACKET) != 0;
    }

    public ServiceConfig withFlags(int f) {
        return new ServiceConfig(key, scheduler, f, timeout, netmask, pe);
    }

    public ServiceConfig withScheduler(String s) {
        return new ServiceConfig(key, s, flags, timeout, netmask, pe);
    }

    public ServiceConfig withPersistence(int timeoutSeconds, int mask) {
        return new ServiceConfig(key, scheduler, flags | SchedFlags.PERSISTENT, timeoutSeconds, mask, pe);
    }
}

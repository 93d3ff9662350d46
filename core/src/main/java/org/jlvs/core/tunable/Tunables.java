package org.jlvs.core.tunable;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code net.ipv4.vs.*} knobs that change the table's behaviour, with the kernel's names and
 * defaults ({@code ip_vs_ctl.c}, ipvs-sysctl.rst), plus JLVS's choice of kernel profile.
 * Written by the control thread, read by data-plane threads.
 */
public final class Tunables {

    /** Which kernel's connection-count rules to follow (see the schedulers' SEMANTICS §1.4–1.5). */
    public enum Profile {
        /** 2026 stable kernels: overhead 257·active + inactive; OVERLOAD by equality. */
        K2026,
        /** Kernels before the 2026 fixes: overhead 256·active + inactive. */
        CLASSIC
    }

    public volatile Profile profile = Profile.K2026;

    public volatile int connReuseMode = 1;
    public volatile int expireNodestConn = 0;
    public volatile int expireQuiescentTemplate = 0;
    public volatile int sloppyTcp = 0;
    public volatile int sloppySctp = 0;
    public volatile int conntrack = 0;
    public volatile int scheduleIcmp = 0;
    public volatile int ignoreTunneled = 0;
    public volatile int backupOnly = 0;
    public volatile int syncThreshold = 3;
    public volatile int syncPeriod = 50;
    public volatile int syncRefreshPeriod = 0;
    public volatile int syncRetries = 0;
    public volatile int syncVersion = 1;
    public volatile int syncPorts = 1;
    public volatile int syncPersistMode = 0;
    public volatile int syncSockSize = 0;
    public volatile int amemthresh = 1024;
    public volatile int dropEntry = 0;
    public volatile int dropPacket = 0;
    public volatile int amDroprate = 10;
    public volatile int secureTcp = 0;
    public volatile int cacheBypass = 0;
    public volatile int natIcmpSend = 0;
    public volatile int pmtuDisc = 1;
    public volatile int snatReroute = 1;
    public volatile int runEstimation = 1;
    /**
     * Kernel build options the hashing schedulers depend on (Kconfig, not sysctls: not listed or
     * settable by name). A scheduler reads them when it is bound to a service.
     * CONFIG_IP_VS_SH_TAB_BITS (4..20): sh's table has 2^bits slots.
     */
    public volatile int shTabBits = 8;
    /** CONFIG_IP_VS_MH_TAB_INDEX (8..17): mh's table size is the index-8th prime of its list. */
    public volatile int mhTabIndex = 12;
    /** A 32-bit kernel: hsiphash is HalfSipHash-1-3 with 32-bit keys, not SipHash-1-3 (mh). */
    public volatile boolean hsiphash32;

    /** Seconds an lblc entry may stay unused (sysctl lblc_expiration, kernel default 24 h). */
    public volatile int lblcExpiration = 24 * 60 * 60;
    /** Seconds an lblcr set may stay unmodified (sysctl lblcr_expiration, kernel default 24 h). */
    public volatile int lblcrExpiration = 24 * 60 * 60;

    /**
     * Every knob by its sysctl name (without {@code net.ipv4.vs.}) with its current value, in the
     * kernel's order. {@code sync_threshold} is two numbers.
     */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("amemthresh", Integer.toString(amemthresh));
        m.put("am_droprate", Integer.toString(amDroprate));
        m.put("drop_entry", Integer.toString(dropEntry));
        m.put("drop_packet", Integer.toString(dropPacket));
        m.put("conntrack", Integer.toString(conntrack));
        m.put("secure_tcp", Integer.toString(secureTcp));
        m.put("snat_reroute", Integer.toString(snatReroute));
        m.put("sync_version", Integer.toString(syncVersion));
        m.put("sync_ports", Integer.toString(syncPorts));
        m.put("sync_persist_mode", Integer.toString(syncPersistMode));
        m.put("sync_sock_size", Integer.toString(syncSockSize));
        m.put("cache_bypass", Integer.toString(cacheBypass));
        m.put("expire_nodest_conn", Integer.toString(expireNodestConn));
        m.put("sloppy_tcp", Integer.toString(sloppyTcp));
        m.put("sloppy_sctp", Integer.toString(sloppySctp));
        m.put("expire_quiescent_template", Integer.toString(expireQuiescentTemplate));
        m.put("sync_threshold", syncThreshold + "\t" + syncPeriod);
        m.put("sync_refresh_period", Integer.toString(syncRefreshPeriod));
        m.put("sync_retries", Integer.toString(syncRetries));
        m.put("nat_icmp_send", Integer.toString(natIcmpSend));
        m.put("pmtu_disc", Integer.toString(pmtuDisc));
        m.put("backup_only", Integer.toString(backupOnly));
        m.put("conn_reuse_mode", Integer.toString(connReuseMode));
        m.put("schedule_icmp", Integer.toString(scheduleIcmp));
        m.put("ignore_tunneled", Integer.toString(ignoreTunneled));
        m.put("run_estimation", Integer.toString(runEstimation));
        m.put("lblc_expiration", Integer.toString(lblcExpiration));
        m.put("lblcr_expiration", Integer.toString(lblcrExpiration));
        m.put("profile", profile == Profile.K2026 ? "2026" : "classic");
        return m;
    }

    /**
     * Sets one knob by its sysctl name, checking the value as the kernel's handler does.
     *
     * @throws IllegalArgumentException naming the knob and the accepted values
     */
    public void set(String name, String value) {
        String v = value.trim();
        switch (name) {
            case "profile" -> profile = switch (v) {
                case "2026" -> Profile.K2026;
                case "classic" -> Profile.CLASSIC;
                default -> throw new IllegalArgumentException("profile must be 2026 or classic");
            };
            case "sync_threshold" -> {
                String[] p = v.split("\\s+");
                if (p.length != 2) {
                    throw new IllegalArgumentException("sync_threshold takes two numbers: threshold period");
                }
                int t = parse(name, p[0], 0, Integer.MAX_VALUE);
                int per = parse(name, p[1], 0, Integer.MAX_VALUE);
                if (t < 0 || per < 0 || (per != 0 && t >= per)) {
                    throw new IllegalArgumentException("sync_threshold needs threshold < period");
                }
                syncThreshold = t;
                syncPeriod = per;
            }
            case "conn_reuse_mode" -> connReuseMode = parse(name, v, 0, 3);
            case "expire_nodest_conn" -> expireNodestConn = parse(name, v, 0, Integer.MAX_VALUE);
            case "expire_quiescent_template" -> expireQuiescentTemplate = parse(name, v, 0, Integer.MAX_VALUE);
            case "sloppy_tcp" -> sloppyTcp = parse(name, v, 0, Integer.MAX_VALUE);
            case "sloppy_sctp" -> sloppySctp = parse(name, v, 0, Integer.MAX_VALUE);
            case "conntrack" -> conntrack = parse(name, v, 0, Integer.MAX_VALUE);
            case "schedule_icmp" -> scheduleIcmp = parse(name, v, 0, Integer.MAX_VALUE);
            case "ignore_tunneled" -> ignoreTunneled = parse(name, v, 0, Integer.MAX_VALUE);
            case "backup_only" -> backupOnly = parse(name, v, 0, Integer.MAX_VALUE);
            case "sync_refresh_period" -> syncRefreshPeriod = parse(name, v, 0, Integer.MAX_VALUE);
            case "sync_retries" -> syncRetries = parse(name, v, 0, 3);
            case "sync_version" -> syncVersion = parse(name, v, 0, 1);
            case "sync_ports" -> syncPorts = parse(name, v, 1, 127);
            case "sync_persist_mode" -> syncPersistMode = parse(name, v, 0, 1);
            case "sync_sock_size" -> syncSockSize = parse(name, v, 0, Integer.MAX_VALUE);
            case "amemthresh" -> amemthresh = parse(name, v, 1, Integer.MAX_VALUE);
            case "drop_entry" -> dropEntry = parse(name, v, 0, 3);
            case "drop_packet" -> dropPacket = parse(name, v, 0, 3);
            case "am_droprate" -> amDroprate = parse(name, v, 1, Integer.MAX_VALUE);
            case "secure_tcp" -> secureTcp = parse(name, v, 0, 3);
            case "cache_bypass" -> cacheBypass = parse(name, v, 0, Integer.MAX_VALUE);
            case "nat_icmp_send" -> natIcmpSend = parse(name, v, 0, Integer.MAX_VALUE);
            case "pmtu_disc" -> pmtuDisc = parse(name, v, 0, Integer.MAX_VALUE);
            case "snat_reroute" -> snatReroute = parse(name, v, 0, Integer.MAX_VALUE);
            case "run_estimation" -> runEstimation = parse(name, v, 0, 1);
            case "lblc_expiration" -> lblcExpiration = parse(name, v, 0, Integer.MAX_VALUE);
            case "lblcr_expiration" -> lblcrExpiration = parse(name, v, 0, Integer.MAX_VALUE);
            default -> throw new IllegalArgumentException("unknown tunable: " + name);
        }
    }

    private static int parse(String name, String v, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number: " + v);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(name + " must be in " + min + ".." + max + ", got " + n);
        }
        return n;
    }
}

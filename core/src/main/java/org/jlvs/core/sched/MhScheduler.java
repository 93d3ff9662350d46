package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.SchedFlags;
import org.jlvs.core.model.VirtualService;

/**
 * Maglev hashing ({@code ip_vs_mh.c}; Eisenbud et al., NSDI 2016). Each destination walks its own
 * permutation of a prime-sized table (offset and skip from keyed hsiphash of its address and
 * port) and claims slots in proportion to its last non-zero weight; the client address (plus
 * port with mh-port) then picks a slot. The keys are the kernel's fixed constants, so directors
 * that add the same servers in the same order build the same table. With mh-fallback an unusable
 * slot is followed by re-hashing with increasing offsets.
 */
public final class MhScheduler implements Scheduler {
    /** CONFIG_IP_VS_MH_TAB_INDEX default 12: primes[12 - 8]. */
    static final int[] PRIMES = {251, 509, 1021, 2039, 4093, 8191, 16381, 32749, 65521, 131071};
    static final int DEFAULT_TAB_INDEX = 12;

    /** The kernel's generate_hash_secret: fixed, not random. */
    static final long KEY1 = 2654435761L;
    static final long KEY2 = 2654446892L;

    /** Table size and weight bits, from the kernel build option, fixed once bound. */
    private int size = PRIMES[DEFAULT_TAB_INDEX - 8];
    private int tabBits = DEFAULT_TAB_INDEX / 2;
    /** A 32-bit kernel's hsiphash (HalfSipHash, the keys cut to 32-bit words). */
    private boolean half;
    private volatile Destination[] lookup = new Destination[size];

    private int hashKey(int fold, int port, long key, int offset) {
        int v = offset + port + fold;
        return half ? HsipHash.hash4Half(v, (int) key, (int) key) : HsipHash.hash4(v, key, key);
    }

    @Override
    public void init(VirtualService svc) {
        var t = svc.context().tunables();
        size = PRIMES[t.mhTabIndex - 8];
        tabBits = t.mhTabIndex / 2;
        half = t.hsiphash32;
        lookup = new Destination[size];
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

    @Override
    public void updDest(VirtualService svc, Destination dest) {
        reassign(svc);
    }

    private void reassign(VirtualService svc) {
        Destination[] d = svc.destinations();
        if (d.length > size) {
            return; // the kernel refuses (-EINVAL) and keeps the old table
        }
        Destination[] table = new Destination[size];
        int gcd = 0;
        int maxW = 0;
        for (Destination x : d) {
            int w = x.lastWeight();
            if (w > 0) {
                gcd = gcd > 0 ? WrrScheduler.gcd(w, gcd) : w;
            }
            maxW = Math.max(maxW, w);
        }
        if (d.length == 0 || gcd < 1) {
            lookup = table;
            return;
        }
        int shift = Math.max(0, (32 - Integer.numberOfLeadingZeros(maxW / gcd)) - tabBits);
        int n = d.length;
        int[] turns = new int[n];
        int[] perm = new int[n];
        int[] skip = new int[n];
        for (int i = 0; i < n; i++) {
            Destination x = d[i];
            int lw = x.lastWeight();
            int t = (lw / gcd) >> shift;
            turns[i] = t != 0 ? t : (lw != 0 ? 1 : 0);
            int fold = foldAs(svc.key().v6(), x.address());
            perm[i] = Integer.remainderUnsigned(hashKey(fold, x.port(), KEY1, 0), size);
            skip[i] = Integer.remainderUnsigned(hashKey(fold, x.port(), KEY2, 0), size - 1) + 1;
        }
        boolean[] taken = new boolean[size];
        int claimed = 0;
        while (true) {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < turns[i]; k++) {
                    int c = perm[i];
                    while (taken[c]) {
                        perm[i] += skip[i];
                        if (perm[i] >= size) {
                            perm[i] -= size;
                        }
                        c = perm[i];
                    }
                    taken[c] = true;
                    table[c] = d[i];
                    if (++claimed == size) {
                        lookup = table;
                        return;
                    }
                }
            }
        }
    }

    /**
     * A server address folded the way the kernel folds it, with the service's family (svc->af):
     * an IPv6 tunnel server of an IPv4 service is read as its first 32-bit word only.
     */
    private static int foldAs(boolean svcV6, org.jlvs.core.model.IpAddress a) {
        return a.isV6() && !svcV6 ? (int) (a.hi() >>> 32) : a.fold();
    }

    private static boolean unusable(Destination d) {
        return d.weight() <= 0 || d.overloaded();
    }

    @Override
    public Destination schedule(VirtualService svc, Flow flow) {
        int flags = svc.flags();
        int port = (flags & SchedFlags.SCHED2) != 0 ? flow.hashPort() : 0;
        int fold = flow.srcFold();
        Destination[] t = lookup; // read first: init wrote size and the hash before it
        int size = t.length;
        int ihash = Integer.remainderUnsigned(hashKey(fold, port, KEY1, 0), size);
        Destination d = t[ihash];
        if (d == null) {
            return null;
        }
        if (!unusable(d)) {
            return d;
        }
        if ((flags & SchedFlags.SCHED1) == 0) {
            return null;
        }
        for (int offset = 0; offset < size; offset++) {
            int roffset = (offset + ihash) % size;
            d = t[Integer.remainderUnsigned(hashKey(fold, port, KEY1, roffset), size)];
            if (d == null) {
                return null;
            }
            if (!unusable(d)) {
                return d;
            }
        }
        return null;
    }
}

package org.jlvs.core.sched;

import org.jlvs.core.model.VirtualService;
import org.jlvs.core.tunable.Tunables.Profile;

/**
 * The cache lblc and lblcr keep per service: entries keyed by the packet's destination address
 * in 1024 buckets ({@code hash_32(fold(daddr), 10)}, newest entry first in its bucket), a 60 s
 * timer whose every 30th firing is a full expiry check, and partial sweeps of entries idle for
 * 6 minutes while the table holds more than 16384 entries.
 *
 * @param <E> the entry type (a destination for lblc, a destination set for lblcr)
 */
abstract class LocalityTable<E extends LocalityTable.Entry<E>> {
    static final int TAB_BITS = 10;
    static final int TAB_SIZE = 1 << TAB_BITS;
    static final int TAB_MASK = TAB_SIZE - 1;
    static final long CHECK_EXPIRE_INTERVAL = 60_000;
    static final int COUNT_FOR_FULL_EXPIRATION = 30;
    static final long ENTRY_TIMEOUT = 6 * 60_000;
    static final int MAX_SIZE = 16 * 1024;
    /** [2026] no new entries beyond 1.5 × the size (CVE-2026-98857). */
    static final int CAP = MAX_SIZE * 3 / 2;

    /** An entry: address (as primitives), last use, and the next entry in its bucket. */
    abstract static class Entry<E> {
        boolean v6;
        long hi;
        long lo;
        long lastuse;
        E next;
    }

    @SuppressWarnings("unchecked")
    final E[] buckets = (E[]) new Entry[TAB_SIZE];
    int entries;
    int rover;
    int counter = 1;
    long nextFire;

    void start(long now) {
        java.util.Arrays.fill(buckets, null);
        entries = 0;
        rover = 0;
        counter = 1;
        nextFire = now + CHECK_EXPIRE_INTERVAL;
    }

    static int bucket(Flow f) {
        return KernelHash.hash32(f.dstFold(), TAB_BITS);
    }

    E get(Flow f) {
        for (E e = buckets[bucket(f)]; e != null; e = e.next) {
            if (e.v6 == f.v6 && e.hi == f.dstHi && e.lo == f.dstLo) {
                return e;
            }
        }
        return null;
    }

    /** Links {@code e}, already filled with the flow's destination address, at the head of its bucket. */
    void hash(E e, Flow f) {
        e.v6 = f.v6;
        e.hi = f.dstHi;
        e.lo = f.dstLo;
        int b = bucket(f);
        e.next = buckets[b];
        buckets[b] = e;
        entries++;
    }

    /** Unlinks {@code e}; {@code count} says whether the entry count drops with it. */
    void unlink(E e, boolean count) {
        int b = KernelHash.hash32(org.jlvs.core.model.IpAddress.fold(e.v6, e.hi, e.lo), TAB_BITS);
        E prev = null;
        for (E x = buckets[b]; x != null; x = x.next) {
            if (x == e) {
                if (prev == null) {
                    buckets[b] = x.next;
                } else {
                    prev.next = x.next;
                }
                if (count) {
                    entries--;
                }
                return;
            }
            prev = x;
        }
    }

    /** Runs every timer firing due by {@code now}, each at its own time. */
    void tick(VirtualService svc, long now, long expirationMillis) {
        while (nextFire <= now) {
            fire(nextFire, expirationMillis);
            nextFire += CHECK_EXPIRE_INTERVAL;
        }
    }

    private void fire(long now, long expiration) {
        if (counter % COUNT_FOR_FULL_EXPIRATION == 0) {
            int j = rover;
            for (int i = 0; i < TAB_SIZE; i++) {
                j = (j + 1) & TAB_MASK;
                E prev = null;
                for (E e = buckets[j]; e != null; e = e.next) {
                    if (now < e.lastuse + expiration) {
                        prev = e;
                        continue;
                    }
                    if (prev == null) {
                        buckets[j] = e.next;
                    } else {
                        prev.next = e.next;
                    }
                    entries--;
                    released(e);
                }
            }
            rover = j;
            counter = 1;
            return;
        }
        if (entries <= MAX_SIZE) {
            counter++;
            return;
        }
        int goal = (entries - MAX_SIZE) * 4 / 3;
        if (goal > MAX_SIZE / 2) {
            goal = MAX_SIZE / 2;
        }
        int j = rover;
        for (int i = 0; i < TAB_SIZE; i++) {
            j = (j + 1) & TAB_MASK;
            E prev = null;
            for (E e = buckets[j]; e != null; e = e.next) {
                if (now < e.lastuse + ENTRY_TIMEOUT) {
                    prev = e;
                    continue;
                }
                if (prev == null) {
                    buckets[j] = e.next;
                } else {
                    prev.next = e.next;
                }
                entries--;
                released(e);
                goal--;
            }
            if (goal <= 0) {
                break;
            }
        }
        rover = j;
    }

    /** True when some entry satisfies {@code refers} (a scan: control thread, rare). */
    boolean any(java.util.function.Predicate<E> refers) {
        for (E head : buckets) {
            for (E e = head; e != null; e = e.next) {
                if (refers.test(e)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An entry left the table. */
    void released(E e) {
    }

    static boolean is2026(VirtualService svc) {
        return svc.context().tunables().profile == Profile.K2026;
    }
}

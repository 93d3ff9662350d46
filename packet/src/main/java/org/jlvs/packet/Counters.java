package org.jlvs.packet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counters with one array per worker thread: a worker adds with a plain store (it alone
 * writes its array), a reader sums all arrays. Nothing is allocated on the packet path.
 */
public final class Counters {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    private final List<long[]> perWorker = new CopyOnWriteArrayList<>();

    /** A fresh array for one worker thread. */
    public long[] newWorker() {
        long[] a = new long[Count.ALL.length];
        perWorker.add(a);
        return a;
    }

    /** Adds one (worker side). */
    public static void add(long[] worker, Count c) {
        SLOT.setOpaque(worker, c.ordinal(), (long) SLOT.getOpaque(worker, c.ordinal()) + 1);
    }

    public long get(Count c) {
        long sum = 0;
        for (long[] a : perWorker) {
            sum += (long) SLOT.getOpaque(a, c.ordinal());
        }
        return sum;
    }

    /** Every counter that is not zero, in declaration order. */
    public Map<String, Long> nonZero() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Count c : Count.ALL) {
            long v = get(c);
            if (v != 0) {
                m.put(c.label(), v);
            }
        }
        return m;
    }
}

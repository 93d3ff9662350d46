package org.jlvs.core.stats;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one service, one realserver, or the whole table: connections, packets and bytes in
 * and out, plus the kernel's rate estimator state. Data-plane threads add without allocating;
 * zeroing keeps a base, as the kernel's per-CPU counters do, so adders never race a reset.
 */
public final class Stats {
    private final LongAdder conns = new LongAdder();
    private final LongAdder inPkts = new LongAdder();
    private final LongAdder outPkts = new LongAdder();
    private final LongAdder inBytes = new LongAdder();
    private final LongAdder outBytes = new LongAdder();

    // values at the last zeroing
    private long conns0;
    private long inPkts0;
    private long outPkts0;
    private long inBytes0;
    private long outBytes0;

    /** Estimator state, owned by {@link Estimator} (the kernel's struct ip_vs_estimator). */
    final Estimator.State est = new Estimator.State();

    public void countConn() {
        conns.increment();
    }

    public void countIn(long bytes) {
        inPkts.increment();
        inBytes.add(bytes);
    }

    public void countOut(long bytes) {
        outPkts.increment();
        outBytes.add(bytes);
    }

    /** Adds several packets at once (the socket plane counts per read, not per segment). */
    public void countIn(long packets, long bytes) {
        inPkts.add(packets);
        inBytes.add(bytes);
    }

    public void countOut(long packets, long bytes) {
        outPkts.add(packets);
        outBytes.add(bytes);
    }

    public long conns() {
        return conns.sum() - conns0;
    }

    public long inPkts() {
        return inPkts.sum() - inPkts0;
    }

    public long outPkts() {
        return outPkts.sum() - outPkts0;
    }

    public long inBytes() {
        return inBytes.sum() - inBytes0;
    }

    public long outBytes() {
        return outBytes.sum() - outBytes0;
    }

    /** Counters and rates now, in one record. */
    public StatsSnapshot snapshot() {
        synchronized (est) {
            return new StatsSnapshot(conns(), inPkts(), outPkts(), inBytes(), outBytes(),
                    est.cps(), est.inpps(), est.outpps(), est.inbps(), est.outbps());
        }
    }

    /** ipvsadm -Z: counters and rates start again from zero (ip_vs_zero_stats). */
    public void zero() {
        synchronized (est) {
            conns0 = conns.sum();
            inPkts0 = inPkts.sum();
            outPkts0 = outPkts.sum();
            inBytes0 = inBytes.sum();
            outBytes0 = outBytes.sum();
            est.reset(this);
        }
    }
}

package org.jlvs.core.stats;

/** Totals since the last zeroing and the estimated rates (per second), as ipvsadm --stats/--rate show them. */
public record StatsSnapshot(long conns, long inPkts, long outPkts, long inBytes, long outBytes,
                            long cps, long inpps, long outpps, long inbps, long outbps) {
    public static final StatsSnapshot ZERO = new StatsSnapshot(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

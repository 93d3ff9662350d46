package org.jlvs.core.stats;

/**
 * The kernel's rate estimator ({@code ip_vs_est.c}): every 2 seconds each rate moves a quarter of
 * the way towards the rate of the last interval (an exponentially weighted average). Rates are
 * kept scaled: connections and packets by 2^10, bytes by 2^5, and read back rounded as the
 * kernel's {@code ip_vs_read_estimator} does.
 */
public final class Estimator {
    /** The kernel's estimation interval. */
    public static final long INTERVAL_MILLIS = 2000;

    private Estimator() {
    }

    /** One 2-second step for {@code s}. Called by whoever owns the timer (the daemon), never per packet. */
    public static void estimate(Stats s) {
        State e = s.est;
        synchronized (e) {
            long n;
            long rate;
            // (delta over 2 s) << 9 == delta/s scaled by 2^10
            n = s.conns();
            rate = (n - e.lastConns) << 9;
            e.lastConns = n;
            e.cps += (rate - e.cps) >> 2;

            n = s.inPkts();
            rate = (n - e.lastInPkts) << 9;
            e.lastInPkts = n;
            e.inpps += (rate - e.inpps) >> 2;

            n = s.outPkts();
            rate = (n - e.lastOutPkts) << 9;
            e.lastOutPkts = n;
            e.outpps += (rate - e.outpps) >> 2;

            // bytes: scaled by 2^5 (delta/2 s << 5 == delta << 4)
            n = s.inBytes();
            rate = (n - e.lastInBytes) << 4;
            e.lastInBytes = n;
            e.inbps += (rate - e.inbps) >> 2;

            n = s.outBytes();
            rate = (n - e.lastOutBytes) << 4;
            e.lastOutBytes = n;
            e.outbps += (rate - e.outbps) >> 2;
        }
    }

    /** The scaled averages and the counters seen at the last step. */
    static final class State {
        long lastConns;
        long lastInPkts;
        long lastOutPkts;
        long lastInBytes;
        long lastOutBytes;
        long cps;
        long inpps;
        long outpps;
        long inbps;
        long outbps;

        long cps() {
            return (cps + 0x1FF) >> 10;
        }

        long inpps() {
            return (inpps + 0x1FF) >> 10;
        }

        long outpps() {
            return (outpps + 0x1FF) >> 10;
        }

        long inbps() {
            return (inbps + 0xF) >> 5;
        }

        long outbps() {
            return (outbps + 0xF) >> 5;
        }

        /** After zeroing: the next interval starts from the zeroed counters, rates from 0. */
        void reset(Stats s) {
            lastConns = s.conns();
            lastInPkts = s.inPkts();
            lastOutPkts = s.outPkts();
            lastInBytes = s.inBytes();
            lastOutBytes = s.outBytes();
            cps = inpps = outpps = inbps = outbps = 0;
        }
    }
}

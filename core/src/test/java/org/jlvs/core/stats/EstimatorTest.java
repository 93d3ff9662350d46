package org.jlvs.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EstimatorTest {
    @Test
    void convergesToASteadyRate() {
        Stats s = new Stats();
        // 100 connections/s, 1000 packets/s of 1500 bytes in, for two minutes of 2 s steps (the average has settled)
        for (int i = 0; i < 60; i++) {
            for (int c = 0; c < 200; c++) {
                s.countConn();
            }
            s.countIn(2000, 2000 * 1500L);
            Estimator.estimate(s);
        }
        StatsSnapshot r = s.snapshot();
        assertEquals(100, r.cps());
        assertEquals(1000, r.inpps());
        assertEquals(1_500_000, r.inbps());
        assertEquals(0, r.outpps());
    }

    @Test
    void firstStepMovesAQuarterOfTheWay() {
        Stats s = new Stats();
        s.countIn(2000, 0); // 1000 packets/s over one interval
        Estimator.estimate(s);
        // avg += (rate - avg) / 4 -> 250 packets/s (scaled, then rounded as ip_vs_read_estimator)
        assertEquals(250, s.snapshot().inpps());
    }

    @Test
    void zeroingResetsCountersAndRates() {
        Stats s = new Stats();
        for (int i = 0; i < 5; i++) {
            s.countIn(1000, 64_000);
            Estimator.estimate(s);
        }
        assertTrue(s.snapshot().inpps() > 0);
        s.zero();
        StatsSnapshot z = s.snapshot();
        assertEquals(0, z.inPkts());
        assertEquals(0, z.inBytes());
        assertEquals(0, z.inpps());
        Estimator.estimate(s);
        assertEquals(0, s.snapshot().inpps(), "no traffic since zeroing");
    }
}

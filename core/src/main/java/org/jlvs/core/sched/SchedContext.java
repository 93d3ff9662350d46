package org.jlvs.core.sched;

import org.jlvs.core.time.Clock;
import org.jlvs.core.tunable.Tunables;

/** What schedulers read from outside their service: time, randomness and the table's tunables. */
public record SchedContext(Clock clock, RandomSource random, Tunables tunables) {
    public static SchedContext system(Tunables t) {
        return new SchedContext(Clock.SYSTEM, RandomSource.SYSTEM, t);
    }
}

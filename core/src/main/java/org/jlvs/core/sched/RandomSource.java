package org.jlvs.core.sched;

import java.util.concurrent.ThreadLocalRandom;

/** Where twos draws its numbers: the kernel's get_random_u32_below, injectable for tests. */
@FunctionalInterface
public interface RandomSource {
    /** A uniform value in [0, bound). */
    int below(int bound);

    RandomSource SYSTEM = bound -> ThreadLocalRandom.current().nextInt(bound);
}

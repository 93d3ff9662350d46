package org.jlvs.core.time;

/** Monotonic time in milliseconds, injectable so that tests and replays control it. */
@FunctionalInterface
public interface Clock {
    long millis();

    Clock SYSTEM = () -> System.nanoTime() / 1_000_000L;
}

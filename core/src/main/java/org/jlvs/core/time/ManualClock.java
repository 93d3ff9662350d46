package org.jlvs.core.time;

/** A clock that moves only when told: for tests, replays and simulations. */
public final class ManualClock implements Clock {
    private volatile long now;

    public ManualClock(long startMillis) {
        this.now = startMillis;
    }

    @Override
    public long millis() {
        return now;
    }

    public void set(long millis) {
        now = millis;
    }

    public void advance(long millis) {
        now += millis;
    }
}

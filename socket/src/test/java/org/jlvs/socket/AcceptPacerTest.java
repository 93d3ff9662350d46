package org.jlvs.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class AcceptPacerTest {
    private final AtomicLong now = new AtomicLong(5 * AcceptPacer.WINDOW_NANOS + 123);
    private final AcceptPacer pacer = new AcceptPacer(2, now::get);

    @Test
    void connectionsCountUntilTheySettle() {
        long[] tags = new long[64];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = pacer.opened();
        }
        assertEquals(64, pacer.opening());
        for (int i = 0; i < 10; i++) {
            pacer.settled(tags[i]);
        }
        assertEquals(54, pacer.opening());
    }

    @Test
    void aConnectionThatNeverSettlesStopsCountingAfterTwoWindows() {
        long old = pacer.opened();
        pacer.opened();
        now.addAndGet(AcceptPacer.WINDOW_NANOS);
        assertEquals(2, pacer.opening(), "the window before this one still counts");
        long recent = pacer.opened();
        assertEquals(3, pacer.opening());
        now.addAndGet(AcceptPacer.WINDOW_NANOS);
        assertEquals(1, pacer.opening(), "two windows back no longer counts");
        pacer.settled(old);
        assertEquals(1, pacer.opening(), "settling an aged-out connection takes nothing from the others");
        pacer.settled(recent);
        assertEquals(0, pacer.opening());
        pacer.settled(recent);
        assertEquals(0, pacer.opening(), "never below zero");
    }

    @Test
    void aWindowsSlotIsReusedAfterItAgedOut() {
        pacer.opened();
        pacer.opened();
        now.addAndGet(2 * AcceptPacer.WINDOW_NANOS);   // same parity, two windows on
        pacer.opened();
        assertEquals(1, pacer.opening());
    }
}

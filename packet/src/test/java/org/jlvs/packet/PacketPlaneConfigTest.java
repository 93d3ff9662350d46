package org.jlvs.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PacketPlaneConfigTest {
    @Test
    void aQueueOrARange() {
        PacketPlaneConfig one = PacketPlaneConfig.parse("3", "eth1");
        assertEquals(3, one.firstQueue());
        assertEquals(1, one.queueCount());
        assertEquals("eth1", one.insideInterface());
        PacketPlaneConfig range = PacketPlaneConfig.parse("4-7", null);
        assertEquals(4, range.firstQueue());
        assertEquals(4, range.queueCount());
    }

    @Test
    void badQueuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PacketPlaneConfig.parse("7-4", null));
        assertThrows(IllegalArgumentException.class, () -> PacketPlaneConfig.parse("x", null));
        assertThrows(IllegalArgumentException.class, () -> PacketPlaneConfig.parse("65536", null));
        assertThrows(IllegalArgumentException.class, () -> PacketPlaneConfig.parse("-1", null));
    }
}

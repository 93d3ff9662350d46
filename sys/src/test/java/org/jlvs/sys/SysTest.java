package org.jlvs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jlvs.sys.libc.Errno;
import org.jlvs.sys.libc.Interfaces;
import org.jlvs.sys.libc.Sockets;
import org.jlvs.sys.netlink.NlAttrs;
import org.jlvs.sys.netlink.NlMsg;
import org.junit.jupiter.api.Test;

class SysTest {
    @Test
    void loopbackHasAnIndexAndAnMtu() {
        Interfaces.Info lo = Interfaces.lookup("lo");
        assertTrue(lo.index() > 0);
        assertTrue(lo.mtu() >= 1280, "mtu " + lo.mtu());
    }

    @Test
    void unknownInterfaceSaysWhy() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Interfaces.lookup("nosuchif0"));
        assertTrue(e.getMessage().contains("ENODEV"), e.getMessage());
    }

    @Test
    void failedCallsReturnMinusErrno() {
        assertEquals(-9, Sockets.close(-1)); // EBADF
        assertEquals(-97, Sockets.socket(12345, Sockets.SOCK_DGRAM, 0)); // EAFNOSUPPORT
        assertTrue(Errno.describe(-97).startsWith("EAFNOSUPPORT"));
    }

    @Test
    void messagesAndAttributesRoundTrip() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment m = a.allocate(128, 8);
            NlMsg w = new NlMsg(m);
            w.begin(0, 0x302, NlMsg.NLM_F_REQUEST, 7).nfgen(0, 5);
            w.attrBe32(3, 0x01020304);
            long end = w.end();
            assertEquals(16 + 4 + 8, end);
            assertEquals(end, NlAttrs.messageLength(m, 0, end));
            assertEquals(0x302, NlAttrs.messageType(m, 0));
            assertEquals(8, NlAttrs.attrLength(m, 20, end));
            assertEquals(3, NlAttrs.attrType(m, 20));
            // a length that points past the end is refused, not followed
            assertEquals(-1, NlAttrs.messageLength(m, 0, end - 1));
            assertEquals(-1, NlAttrs.attrLength(m, 20, 27));
        }
    }
}

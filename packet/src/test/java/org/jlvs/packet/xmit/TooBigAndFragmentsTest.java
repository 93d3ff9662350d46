package org.jlvs.packet.xmit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jlvs.core.model.IpAddress;
import org.jlvs.packet.Packets;
import org.jlvs.packet.hdr.Be;
import org.jlvs.packet.hdr.IpPacket;
import org.junit.jupiter.api.Test;

class TooBigAndFragmentsTest {
    static final IpAddress CIP = IpAddress.parse("203.0.113.10");
    static final IpAddress VIP = IpAddress.parse("192.0.2.100");
    static final IpAddress CIP6 = IpAddress.parse("2001:db8:113::10");
    static final IpAddress VIP6 = IpAddress.parse("2001:db8:2::100");

    @Test
    void fragmentationNeededComesFromTheVipWithTheMtuAndTheQuote() {
        MemorySegment big = Packets.transport(Packets.TCP, CIP, 40000, VIP, 80, 0x10, 1460);
        IpPacket p = new IpPacket();
        assertNull(p.parse(big, 0, (int) big.byteSize(), false));
        MemorySegment out = Arena.ofAuto().allocate(2048);
        int n = IcmpTooBig.build(p, 1480, out);
        MemorySegment err = out.asSlice(0, n);
        assertTrue(Packets.checksumsOk(err));
        IpPacket e = new IpPacket();
        assertNull(e.parse(err, 0, n, false));
        assertEquals(VIP.lo(), e.srcLo);
        assertEquals(CIP.lo(), e.dstLo);
        assertEquals(3, e.icmpType);
        assertEquals(4, e.icmpCode);
        assertEquals(1480, Be.u16(err, 26));
        IpPacket q = new IpPacket();
        assertNull(q.parse(err, 28, n - 28, true));
        assertEquals(40000, q.srcPort);
        assertTrue(n <= 576);
    }

    @Test
    void packetTooBigForIpv6() {
        MemorySegment big = Packets.transport(Packets.UDP, CIP6, 5000, VIP6, 53, 0, 1452);
        IpPacket p = new IpPacket();
        assertNull(p.parse(big, 0, (int) big.byteSize(), false));
        MemorySegment out = Arena.ofAuto().allocate(2048);
        int n = IcmpTooBig.build(p, 1460, out);
        MemorySegment err = out.asSlice(0, n);
        assertTrue(Packets.checksumsOk(err));
        assertEquals(2, Be.u8(err, 40));
        assertEquals(1460, Be.i32(err, 44));
        assertTrue(n <= 1280);
    }

    @Test
    void fragmentsFitAndAddUpToThePacket() {
        for (IpAddress[] cv : new IpAddress[][] {{CIP, VIP}, {CIP6, VIP6}}) {
            MemorySegment big = Packets.transport(Packets.UDP, cv[0], 5000, cv[1], 53, 0, 3000);
            if (!cv[0].isV6()) {
                Be.u16(big, 6, 0); // no DF
                Be.u16(big, 10, 0);
                IpPacket tmp = new IpPacket();
                tmp.parse(big, 0, (int) big.byteSize(), false);
                tmp.ip4.computeChecksum();
            }
            IpPacket p = new IpPacket();
            assertNull(p.parse(big, 0, (int) big.byteSize(), false));
            Fragmenter f = new Fragmenter(Arena.ofAuto().allocate(65536), 64);
            assertTrue(f.fragment(p, 1500));
            assertEquals(3, f.count());
            int data = 0;
            for (int i = 0; i < f.count(); i++) {
                assertTrue(f.length(i) <= 1500);
                MemorySegment frag = f.buffer().asSlice(f.offset(i), f.length(i));
                if (!cv[0].isV6()) {
                    IpPacket fp = new IpPacket();
                    fp.parse(frag, 0, f.length(i), true);
                    assertTrue(fp.ip4.checksumValid());
                    data += f.length(i) - 20;
                    assertEquals(i < 2, (Be.u16(frag, 6) & 0x2000) != 0);
                } else {
                    assertEquals(44, Be.u8(frag, 6));
                    data += f.length(i) - 48;
                    assertEquals(i < 2, (Be.u16(frag, 42) & 1) != 0);
                }
            }
            assertEquals(p.length - (cv[0].isV6() ? 40 : 20), data);
        }
    }
}

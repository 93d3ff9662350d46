package org.jlvs.packet.xmit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;

import org.jlvs.core.model.IpAddress;
import org.jlvs.packet.Packets;
import org.jlvs.packet.hdr.Be;
import org.jlvs.packet.hdr.IpPacket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MasqTest {
    static final IpAddress CIP4 = IpAddress.parse("203.0.113.10");
    static final IpAddress VIP4 = IpAddress.parse("192.0.2.100");
    static final IpAddress RIP4 = IpAddress.parse("198.51.100.11");
    static final IpAddress CIP6 = IpAddress.parse("2001:db8:113::10");
    static final IpAddress VIP6 = IpAddress.parse("2001:db8:2::100");
    static final IpAddress RIP6 = IpAddress.parse("2001:db8:100::11");

    @ParameterizedTest
    @CsvSource({"6,false", "17,false", "6,true", "17,true"})
    void bothWaysKeepChecksumsRight(int proto, boolean v6) {
        IpAddress c = v6 ? CIP6 : CIP4;
        IpAddress v = v6 ? VIP6 : VIP4;
        IpAddress r = v6 ? RIP6 : RIP4;
        MemorySegment in = Packets.transport(proto, c, 40000, v, 80, 0x02, 33);
        IpPacket p = new IpPacket();
        assertNull(p.parse(in, 0, (int) in.byteSize(), false));
        Masq.toRealserver(p, r.hi(), r.lo(), 8080);
        assertTrue(Packets.checksumsOk(in));
        assertNull(p.parse(in, 0, (int) in.byteSize(), false));
        assertEquals(r.lo(), p.dstLo);
        assertEquals(8080, p.dstPort);
        assertEquals(40000, p.srcPort);

        MemorySegment out = Packets.transport(proto, r, 8080, c, 40000, 0x12, 7);
        assertNull(p.parse(out, 0, (int) out.byteSize(), false));
        Masq.toClient(p, v.hi(), v.lo(), 80);
        assertTrue(Packets.checksumsOk(out));
        assertNull(p.parse(out, 0, (int) out.byteSize(), false));
        assertEquals(v.hi(), p.srcHi);
        assertEquals(v.lo(), p.srcLo);
        assertEquals(80, p.srcPort);
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void realserverErrorsComeFromTheVip(boolean v6) {
        IpAddress c = v6 ? CIP6 : CIP4;
        IpAddress v = v6 ? VIP6 : VIP4;
        IpAddress r = v6 ? RIP6 : RIP4;
        // what the realserver got (after NAT) and answered with port unreachable
        MemorySegment got = Packets.transport(Packets.UDP, c, 40000, r, 9, 0, 20);
        MemorySegment err = Packets.icmpError(r, c, v6 ? 1 : 3, v6 ? 4 : 3, got);
        IpPacket p = new IpPacket();
        IpPacket q = new IpPacket();
        assertNull(p.parse(err, 0, (int) err.byteSize(), false));
        assertTrue(p.isIcmpError());
        assertNull(q.parse(err, p.l4() + 8, p.l4Length() - 8, true));
        Masq.icmpToClient(p, q, v.hi(), v.lo(), 9);
        assertTrue(Packets.checksumsOk(err));
        assertNull(q.parse(err, p.l4() + 8, p.l4Length() - 8, true));
        assertEquals(v.lo(), q.dstLo);
        assertEquals(9, q.dstPort);
        assertEquals(c.lo(), q.srcLo);
        if (!v6) {
            assertTrue(q.ip4.checksumValid(), "the quoted header's checksum follows the change");
        }
        int outerSrc = v6 ? 0 : Be.i32(err, 12);
        if (!v6) {
            assertEquals(v.v4(), outerSrc);
        }
    }

    @ParameterizedTest
    @CsvSource({"false", "true"})
    void udpWithoutChecksumStaysWithout(boolean v6) {
        if (v6) {
            return; // IPv6 UDP always has one
        }
        MemorySegment in = Packets.transport(Packets.UDP, CIP4, 5000, VIP4, 53, 0, 10);
        Be.u16(in, 26, 0);
        IpPacket p = new IpPacket();
        assertNull(p.parse(in, 0, (int) in.byteSize(), false));
        Masq.toRealserver(p, RIP4.hi(), RIP4.lo(), 53);
        assertEquals(0, Be.u16(in, 26));
    }
}

package org.jlvs.packet.xmit;

import java.lang.foreign.MemorySegment;

import org.jlvs.packet.csum.Checksum;
import org.jlvs.packet.hdr.Be;
import org.jlvs.packet.hdr.IpPacket;

/**
 * Builds the error IPVS sends for a packet too big for the way to its realserver: ICMP
 * fragmentation-needed (type 3 code 4) with the next-hop MTU, or ICMPv6 packet-too-big, from
 * the address the client sent to, quoting the client's packet as far as the minimum MTU allows.
 */
public final class IcmpTooBig {
    static final int V4_MAX = 576;
    static final int V6_MAX = 1280;

    private IcmpTooBig() {
    }

    /** Writes the error for {@code p} into {@code out} at 0 and returns its length. */
    public static int build(IpPacket p, int mtu, MemorySegment out) {
        return p.v6 ? v6(p, mtu, out) : v4(p, mtu, out);
    }

    private static int v4(IpPacket p, int mtu, MemorySegment out) {
        int quote = Math.min(p.length, V4_MAX - 28);
        int total = 28 + quote;
        Be.u8(out, 0, 0x45);
        Be.u8(out, 1, 0xC0); // precedence "internetwork control", as icmp_send
        Be.u16(out, 2, total);
        Be.i32(out, 4, 0);
        Be.u8(out, 8, 64);
        Be.u8(out, 9, IpPacket.ICMP);
        Be.u16(out, 10, 0);
        Be.i32(out, 12, (int) p.dstLo);
        Be.i32(out, 16, (int) p.srcLo);
        Be.u16(out, 10, Checksum.finish(Checksum.sum(out, 0, 20, 0)));
        Be.u8(out, 20, 3);
        Be.u8(out, 21, 4);
        Be.u16(out, 22, 0);
        Be.u16(out, 24, 0);
        Be.u16(out, 26, mtu);
        MemorySegment.copy(p.seg, p.base, out, 28, quote);
        Be.u16(out, 22, Checksum.finish(Checksum.sum(out, 20, 8 + quote, 0)));
        return total;
    }

    private static int v6(IpPacket p, int mtu, MemorySegment out) {
        int quote = Math.min(p.length, V6_MAX - 48);
        int icmpLen = 8 + quote;
        Be.i32(out, 0, 0x6000_0000);
        Be.u16(out, 4, icmpLen);
        Be.u8(out, 6, IpPacket.ICMPV6);
        Be.u8(out, 7, 64);
        Be.i64(out, 8, p.dstHi);
        Be.i64(out, 16, p.dstLo);
        Be.i64(out, 24, p.srcHi);
        Be.i64(out, 32, p.srcLo);
        Be.u8(out, 40, 2);
        Be.u8(out, 41, 0);
        Be.u16(out, 42, 0);
        Be.i32(out, 44, mtu);
        MemorySegment.copy(p.seg, p.base, out, 48, quote);
        long sum = Checksum.sum(out, 40, icmpLen, 0);
        sum = Checksum.addAddress(sum, p.dstHi, p.dstLo);
        sum = Checksum.addAddress(sum, p.srcHi, p.srcLo);
        sum += icmpLen + IpPacket.ICMPV6;
        Be.u16(out, 42, Checksum.finish(sum));
        return 40 + icmpLen;
    }
}

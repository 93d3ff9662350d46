package org.jlvs.packet;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jlvs.core.model.IpAddress;
import org.jlvs.packet.csum.Checksum;
import org.jlvs.packet.hdr.Be;

/** Test packets with correct checksums, and checks that a packet's checksums are right. */
public final class Packets {
    public static final int TCP = 6;
    public static final int UDP = 17;

    private Packets() {
    }

    /** A TCP or UDP packet from src:sport to dst:dport with {@code payload} bytes of data. */
    public static MemorySegment transport(int proto, IpAddress src, int sport, IpAddress dst, int dport, int tcpFlags, int payload) {
        boolean v6 = src.isV6();
        int ipLen = v6 ? 40 : 20;
        int l4Len = (proto == TCP ? 20 : 8) + payload;
        MemorySegment s = Arena.ofAuto().allocate(ipLen + l4Len + 64);
        ip(s, v6, proto, src, dst, l4Len);
        long l4 = ipLen;
        Be.u16(s, l4, sport);
        Be.u16(s, l4 + 2, dport);
        if (proto == TCP) {
            Be.i32(s, l4 + 4, 1000);
            Be.i32(s, l4 + 8, 0);
            Be.u8(s, l4 + 12, 5 << 4);
            Be.u8(s, l4 + 13, tcpFlags);
            Be.u16(s, l4 + 14, 65535);
        } else {
            Be.u16(s, l4 + 4, l4Len);
        }
        for (int i = 0; i < payload; i++) {
            Be.u8(s, l4 + (proto == TCP ? 20 : 8) + i, i * 7 + 3);
        }
        int at = proto == TCP ? 16 : 6;
        Be.u16(s, l4 + at, 0);
        Be.u16(s, l4 + at, transportChecksum(s, v6, proto, src, dst, l4, l4Len));
        return s.asSlice(0, ipLen + l4Len);
    }

    /** An ICMP(v6) error from {@code src} to {@code dst} quoting {@code quoted}. */
    public static MemorySegment icmpError(IpAddress src, IpAddress dst, int type, int code, MemorySegment quoted) {
        boolean v6 = src.isV6();
        int ipLen = v6 ? 40 : 20;
        int l4Len = 8 + (int) quoted.byteSize();
        int proto = v6 ? 58 : 1;
        MemorySegment s = Arena.ofAuto().allocate(ipLen + l4Len);
        ip(s, v6, proto, src, dst, l4Len);
        Be.u8(s, ipLen, type);
        Be.u8(s, ipLen + 1, code);
        MemorySegment.copy(quoted, 0, s, ipLen + 8, quoted.byteSize());
        long sum = Checksum.sum(s, ipLen, l4Len, 0);
        if (v6) {
            sum = pseudo(sum, src, dst, proto, l4Len);
        }
        Be.u16(s, ipLen + 2, Checksum.finish(sum));
        return s;
    }

    private static void ip(MemorySegment s, boolean v6, int proto, IpAddress src, IpAddress dst, int l4Len) {
        if (v6) {
            Be.i32(s, 0, 0x6000_0000);
            Be.u16(s, 4, l4Len);
            Be.u8(s, 6, proto);
            Be.u8(s, 7, 64);
            Be.i64(s, 8, src.hi());
            Be.i64(s, 16, src.lo());
            Be.i64(s, 24, dst.hi());
            Be.i64(s, 32, dst.lo());
        } else {
            Be.u8(s, 0, 0x45);
            Be.u16(s, 2, 20 + l4Len);
            Be.u16(s, 6, 0x4000);
            Be.u8(s, 8, 64);
            Be.u8(s, 9, proto);
            Be.i32(s, 12, src.v4());
            Be.i32(s, 16, dst.v4());
            Be.u16(s, 10, Checksum.finish(Checksum.sum(s, 0, 20, 0)));
        }
    }

    private static long pseudo(long sum, IpAddress src, IpAddress dst, int proto, int len) {
        sum = Checksum.addAddress(sum, src.hi(), src.lo());
        sum = Checksum.addAddress(sum, dst.hi(), dst.lo());
        return sum + proto + len;
    }

    static int transportChecksum(MemorySegment s, boolean v6, int proto, IpAddress src, IpAddress dst, long l4, int len) {
        long sum = pseudo(Checksum.sum(s, l4, len, 0), src, dst, proto, len);
        int c = Checksum.finish(sum);
        return proto == UDP && c == 0 ? 0xFFFF : c;
    }

    /** True when the IPv4 header (if any) and the TCP/UDP/ICMP checksum verify. */
    public static boolean checksumsOk(MemorySegment s) {
        boolean v6 = (Be.u8(s, 0) >>> 4) == 6;
        int ipLen = v6 ? 40 : (Be.u8(s, 0) & 15) * 4;
        int total = v6 ? 40 + Be.u16(s, 4) : Be.u16(s, 2);
        if (!v6 && Checksum.fold(Checksum.sum(s, 0, ipLen, 0)) != 0xFFFF) {
            return false;
        }
        int proto = Be.u8(s, v6 ? 6 : 9);
        int l4Len = total - ipLen;
        long sum = Checksum.sum(s, ipLen, l4Len, 0);
        if (proto != 1) {
            IpAddress src = v6 ? IpAddress.ofV6(Be.i64(s, 8), Be.i64(s, 16)) : IpAddress.ofV4(Be.i32(s, 12));
            IpAddress dst = v6 ? IpAddress.ofV6(Be.i64(s, 24), Be.i64(s, 32)) : IpAddress.ofV4(Be.i32(s, 16));
            sum = pseudo(sum, src, dst, proto, l4Len);
        }
        return Checksum.fold(sum) == 0xFFFF;
    }
}

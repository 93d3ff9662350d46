package org.jlvs.packet.csum;

import java.lang.foreign.MemorySegment;

import org.jlvs.packet.hdr.Be;

/**
 * The Internet checksum: full sums over bytes, and incremental updates for a changed word
 * (RFC 1624, equation 3: HC' = ~(~HC + ~m + m')), so rewriting an address or a port costs a few
 * additions whatever the packet's length.
 */
public final class Checksum {
    private Checksum() {
    }

    /** The one's-complement sum of {@code len} bytes (not folded, not inverted), added to {@code sum}. */
    public static long sum(MemorySegment s, long off, int len, long sum) {
        long p = off;
        long end = off + len;
        while (p + 4 <= end) {
            sum += Be.i32(s, p) & 0xFFFF_FFFFL;
            p += 4;
        }
        if (p + 2 <= end) {
            sum += Be.u16(s, p);
            p += 2;
        }
        if (p < end) {
            sum += Be.u8(s, p) << 8;
        }
        return sum;
    }

    /** Folds a sum to 16 bits. */
    public static int fold(long sum) {
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int) sum;
    }

    /** The checksum field value for data whose sum (field zeroed) is {@code sum}. */
    public static int finish(long sum) {
        return ~fold(sum) & 0xFFFF;
    }

    /** Adds a 128-bit address (as two longs) to a sum. */
    public static long addAddress(long sum, long hi, long lo) {
        return sum + (hi >>> 32) + (hi & 0xFFFF_FFFFL) + (lo >>> 32) + (lo & 0xFFFF_FFFFL);
    }

    /** The checksum after a 16-bit word changed from {@code from} to {@code to}. */
    public static int update16(int csum, int from, int to) {
        long s = (~csum & 0xFFFF) + (~from & 0xFFFF) + (to & 0xFFFF);
        return ~fold(s) & 0xFFFF;
    }

    /** The checksum after a 32-bit word changed. */
    public static int update32(int csum, int from, int to) {
        long s = (~csum & 0xFFFF) + (~(from >>> 16) & 0xFFFF) + (~from & 0xFFFF) + ((to >>> 16) & 0xFFFF) + (to & 0xFFFF);
        return ~fold(s) & 0xFFFF;
    }

    /** The checksum after a 64-bit value (half of an IPv6 address) changed. */
    public static int update64(int csum, long from, long to) {
        return update32(update32(csum, (int) (from >>> 32), (int) (to >>> 32)), (int) from, (int) to);
    }

    /** Updates the 16-bit checksum stored at {@code at} for a 32-bit change. */
    public static void patch32(MemorySegment s, long at, int from, int to) {
        Be.u16(s, at, update32(Be.u16(s, at), from, to));
    }

    public static void patch16(MemorySegment s, long at, int from, int to) {
        Be.u16(s, at, update16(Be.u16(s, at), from, to));
    }

    public static void patch128(MemorySegment s, long at, long fromHi, long fromLo, long toHi, long toLo) {
        Be.u16(s, at, update64(update64(Be.u16(s, at), fromHi, toHi), fromLo, toLo));
    }
}

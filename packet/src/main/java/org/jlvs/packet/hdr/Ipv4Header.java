package org.jlvs.packet.hdr;

import java.lang.foreign.MemorySegment;

import org.jlvs.packet.csum.Checksum;

/**
 * An IPv4 header in place. {@link #wrap} checks version, header length and total length against
 * the bytes there before any field is read; a header that fails is never used.
 */
public final class Ipv4Header {
    public static final int MIN_LENGTH = 20;
    public static final int FLAG_DF = 0x4000;
    public static final int FLAG_MF = 0x2000;
    public static final int OFFSET_MASK = 0x1FFF;

    private MemorySegment s;
    private long off;

    /**
     * Wraps the header at {@code off}; {@code avail} bytes are there. With {@code quoted}, the
     * total length may exceed them (an ICMP error quotes only the start of a packet).
     */
    public boolean wrap(MemorySegment seg, long offset, int avail, boolean quoted) {
        if (avail < MIN_LENGTH) {
            return false;
        }
        int vihl = Be.u8(seg, offset);
        int ihl = (vihl & 0x0F) * 4;
        if ((vihl >>> 4) != 4 || ihl < MIN_LENGTH || ihl > avail) {
            return false;
        }
        int total = Be.u16(seg, offset + 2);
        if (total < ihl || (!quoted && total > avail)) {
            return false;
        }
        this.s = seg;
        this.off = offset;
        return true;
    }

    public int headerLength() {
        return (Be.u8(s, off) & 0x0F) * 4;
    }

    public int totalLength() {
        return Be.u16(s, off + 2);
    }

    public int fragmentField() {
        return Be.u16(s, off + 6);
    }

    public boolean dontFragment() {
        return (fragmentField() & FLAG_DF) != 0;
    }

    /** A piece of a fragmented datagram (more fragments follow, or not the first). */
    public boolean isFragment() {
        return (fragmentField() & (FLAG_MF | OFFSET_MASK)) != 0;
    }

    public int ttl() {
        return Be.u8(s, off + 8);
    }

    public int protocol() {
        return Be.u8(s, off + 9);
    }

    public int source() {
        return Be.i32(s, off + 12);
    }

    public int destination() {
        return Be.i32(s, off + 16);
    }

    /** Sets the source and keeps the header checksum right (incrementally). */
    public void setSource(int addr) {
        Checksum.patch32(s, off + 10, source(), addr);
        Be.i32(s, off + 12, addr);
    }

    public void setDestination(int addr) {
        Checksum.patch32(s, off + 10, destination(), addr);
        Be.i32(s, off + 16, addr);
    }

    /** Recomputes the header checksum from scratch. */
    public void computeChecksum() {
        Be.u16(s, off + 10, 0);
        Be.u16(s, off + 10, Checksum.finish(Checksum.sum(s, off, headerLength(), 0)));
    }

    public boolean checksumValid() {
        return Checksum.fold(Checksum.sum(s, off, headerLength(), 0)) == 0xFFFF;
    }
}

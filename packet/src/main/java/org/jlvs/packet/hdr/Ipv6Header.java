package org.jlvs.packet.hdr;

import java.lang.foreign.MemorySegment;

/**
 * An IPv6 header in place, with the walk over extension headers (hop-by-hop, routing,
 * destination options, fragment) to the upper-layer protocol. Every extension header's length
 * is checked against the bytes there before it is skipped.
 */
public final class Ipv6Header {
    public static final int LENGTH = 40;
    static final int HOP_BY_HOP = 0;
    static final int ROUTING = 43;
    static final int FRAGMENT = 44;
    static final int DEST_OPTS = 60;
    static final int MAX_EXTENSIONS = 8;

    private MemorySegment s;
    private long off;
    private int upperProtocol;
    private int upperOffset;
    private boolean fragment;

    /** Wraps and walks the header at {@code off}; {@code quoted} allows a payload length past the bytes there. */
    public boolean wrap(MemorySegment seg, long offset, int avail, boolean quoted) {
        if (avail < LENGTH || (Be.u8(seg, offset) >>> 4) != 6) {
            return false;
        }
        int payload = Be.u16(seg, offset + 4);
        if (!quoted && LENGTH + payload > avail) {
            return false;
        }
        int end = quoted ? avail : LENGTH + payload;
        int next = Be.u8(seg, offset + 6);
        int pos = LENGTH;
        boolean frag = false;
        for (int n = 0; n < MAX_EXTENSIONS; n++) {
            if (next == HOP_BY_HOP || next == ROUTING || next == DEST_OPTS) {
                if (pos + 8 > end) {
                    return false;
                }
                int len = (Be.u8(seg, offset + pos + 1) + 1) * 8;
                next = Be.u8(seg, offset + pos);
                pos += len;
                if (pos > end) {
                    return false;
                }
            } else if (next == FRAGMENT) {
                if (pos + 8 > end) {
                    return false;
                }
                int fo = Be.u16(seg, offset + pos + 2);
                // an atomic fragment (offset 0, no more) is a whole packet
                frag |= (fo & 0xFFF9) != 0;
                next = Be.u8(seg, offset + pos);
                pos += 8;
            } else {
                break;
            }
        }
        this.s = seg;
        this.off = offset;
        this.upperProtocol = next;
        this.upperOffset = pos;
        this.fragment = frag;
        return true;
    }

    public int payloadLength() {
        return Be.u16(s, off + 4);
    }

    public int totalLength() {
        return LENGTH + payloadLength();
    }

    public int hopLimit() {
        return Be.u8(s, off + 7);
    }

    /** The protocol after the extension headers. */
    public int upperProtocol() {
        return upperProtocol;
    }

    /** Where the upper-layer header starts, from the start of this header. */
    public int upperOffset() {
        return upperOffset;
    }

    public boolean isFragment() {
        return fragment;
    }

    public long sourceHi() {
        return Be.i64(s, off + 8);
    }

    public long sourceLo() {
        return Be.i64(s, off + 16);
    }

    public long destinationHi() {
        return Be.i64(s, off + 24);
    }

    public long destinationLo() {
        return Be.i64(s, off + 32);
    }

    public void setSource(long hi, long lo) {
        Be.i64(s, off + 8, hi);
        Be.i64(s, off + 16, lo);
    }

    public void setDestination(long hi, long lo) {
        Be.i64(s, off + 24, hi);
        Be.i64(s, off + 32, lo);
    }
}

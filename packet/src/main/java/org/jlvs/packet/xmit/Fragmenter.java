package org.jlvs.packet.xmit;

import java.lang.foreign.MemorySegment;

import org.jlvs.packet.csum.Checksum;
import org.jlvs.packet.hdr.Be;
import org.jlvs.packet.hdr.IpPacket;

/**
 * Splits a packet that may be fragmented into pieces that fit an MTU, written one after another
 * into a scratch buffer (for senders that never fragment: AF_PACKET). IPv4 copies the header
 * (with its options) into each piece; IPv6 puts a fragment header after the fixed header.
 */
public final class Fragmenter {
    private final MemorySegment out;
    private final long[] offsets;
    private final int[] lengths;
    private int count;
    private int nextId = (int) System.nanoTime();

    public Fragmenter(MemorySegment out, int maxPieces) {
        this.out = out;
        this.offsets = new long[maxPieces];
        this.lengths = new int[maxPieces];
    }

    /** Fragments {@code p} for {@code mtu}; false when it cannot (too many pieces, MTU too small). */
    public boolean fragment(IpPacket p, int mtu) {
        count = 0;
        return p.v6 ? v6(p, mtu) : v4(p, mtu);
    }

    public int count() {
        return count;
    }

    public MemorySegment buffer() {
        return out;
    }

    public long offset(int i) {
        return offsets[i];
    }

    public int length(int i) {
        return lengths[i];
    }

    private boolean v4(IpPacket p, int mtu) {
        int hl = p.l4Offset;
        int chunk = ((mtu - hl) / 8) * 8;
        int data = p.length - hl;
        if (chunk < 8 || (data + chunk - 1) / chunk > offsets.length || p.length * 2L > out.byteSize()) {
            return false;
        }
        int origFrag = Be.u16(p.seg, p.base + 6);
        long at = 0;
        for (int done = 0; done < data; done += chunk) {
            int n = Math.min(chunk, data - done);
            boolean more = done + n < data || (origFrag & 0x2000) != 0;
            MemorySegment.copy(p.seg, p.base, out, at, hl);
            MemorySegment.copy(p.seg, p.base + hl + done, out, at + hl, n);
            Be.u16(out, at + 2, hl + n);
            int off = (origFrag & 0x1FFF) + done / 8;
            Be.u16(out, at + 6, off | (more ? 0x2000 : 0));
            Be.u16(out, at + 10, 0);
            Be.u16(out, at + 10, Checksum.finish(Checksum.sum(out, at, hl, 0)));
            offsets[count] = at;
            lengths[count] = hl + n;
            count++;
            at += hl + n;
        }
        return true;
    }

    private boolean v6(IpPacket p, int mtu) {
        int chunk = ((mtu - 48) / 8) * 8;
        int data = p.length - 40;
        if (chunk < 8 || (data + chunk - 1) / chunk > offsets.length || p.length * 2L > out.byteSize()) {
            return false;
        }
        int next = Be.u8(p.seg, p.base + 6);
        int id = nextId++;
        long at = 0;
        for (int done = 0; done < data; done += chunk) {
            int n = Math.min(chunk, data - done);
            boolean more = done + n < data;
            MemorySegment.copy(p.seg, p.base, out, at, 40);
            Be.u16(out, at + 4, 8 + n);
            Be.u8(out, at + 6, 44);
            Be.u8(out, at + 40, next);
            Be.u8(out, at + 41, 0);
            Be.u16(out, at + 42, (done / 8) << 3 | (more ? 1 : 0));
            Be.i32(out, at + 44, id);
            MemorySegment.copy(p.seg, p.base + 40 + done, out, at + 48, n);
            offsets[count] = at;
            lengths[count] = 48 + n;
            count++;
            at += 48 + n;
        }
        return true;
    }
}

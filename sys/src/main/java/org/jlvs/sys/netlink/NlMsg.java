package org.jlvs.sys.netlink;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Writes netlink messages into a segment: {@code nlmsghdr} (host order), an optional family
 * header, and attributes ({@code nlattr}, 4-byte aligned). Reusable: {@link #begin} starts over
 * at an offset, so one buffer can hold many messages.
 */
public final class NlMsg {
    public static final int NLM_F_REQUEST = 0x01;
    public static final int NLM_F_ACK = 0x04;
    public static final int NLM_F_DUMP = 0x300;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int HDRLEN = 16;

    static final ValueLayout.OfShort BE16 = JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt BE32 = JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final MemorySegment buf;
    private long start;
    private long pos;

    public NlMsg(MemorySegment buf) {
        this.buf = buf;
    }

    public static long align(long n) {
        return (n + 3) & ~3L;
    }

    /** Starts a message at {@code offset}. */
    public NlMsg begin(long offset, int type, int flags, int seq) {
        start = offset;
        buf.set(JAVA_SHORT_UNALIGNED, offset + 4, (short) type);
        buf.set(JAVA_SHORT_UNALIGNED, offset + 6, (short) flags);
        buf.set(JAVA_INT_UNALIGNED, offset + 8, seq);
        buf.set(JAVA_INT_UNALIGNED, offset + 12, 0);
        pos = offset + HDRLEN;
        return this;
    }

    /** The nfnetlink family header: family, version 0, resource id (big-endian). */
    public NlMsg nfgen(int family, int resId) {
        buf.set(JAVA_BYTE, pos, (byte) family);
        buf.set(JAVA_BYTE, pos + 1, (byte) 0);
        buf.set(BE16, pos + 2, (short) resId);
        pos += 4;
        return this;
    }

    /** Raw bytes of a family header (zeroed), e.g. rtnetlink's ndmsg; returns its offset. */
    public long header(int len) {
        long at = pos;
        buf.asSlice(pos, align(len)).fill((byte) 0);
        pos += align(len);
        return at;
    }

    /** Starts an attribute of {@code len} payload bytes and returns the payload offset. */
    public long attr(int type, int len) {
        buf.set(JAVA_SHORT_UNALIGNED, pos, (short) (4 + len));
        buf.set(JAVA_SHORT_UNALIGNED, pos + 2, (short) type);
        long at = pos + 4;
        long end = pos + align(4 + len);
        for (long p = at + len; p < end; p++) {
            buf.set(JAVA_BYTE, p, (byte) 0);
        }
        pos = end;
        return at;
    }

    public NlMsg attrBe32(int type, int value) {
        buf.set(BE32, attr(type, 4), value);
        return this;
    }

    /** An attribute header whose payload the caller supplies elsewhere (gathered by iovec). */
    public NlMsg attrHeaderOnly(int type, int len) {
        buf.set(JAVA_SHORT_UNALIGNED, pos, (short) (4 + len));
        buf.set(JAVA_SHORT_UNALIGNED, pos + 2, (short) type);
        pos += 4;
        return this;
    }

    /** Closes the message with {@code extra} bytes that follow it elsewhere; returns its end here. */
    public long end(int extra) {
        buf.set(JAVA_INT_UNALIGNED, start, (int) (pos - start + extra));
        return pos;
    }

    public long end() {
        return end(0);
    }

    public MemorySegment buffer() {
        return buf;
    }

    public long position() {
        return pos;
    }
}

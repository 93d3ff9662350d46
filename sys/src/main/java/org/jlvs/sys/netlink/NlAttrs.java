package org.jlvs.sys.netlink;

import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemorySegment;

/**
 * Reads netlink messages and attributes in place, checking every length against the bytes
 * that are there: a short or lying header ends the walk instead of reading past it.
 */
public final class NlAttrs {
    private NlAttrs() {
    }

    /** Length of the message at {@code off}, or -1 when it does not fit in {@code limit}. */
    public static int messageLength(MemorySegment buf, long off, long limit) {
        if (off + NlMsg.HDRLEN > limit) {
            return -1;
        }
        int len = buf.get(JAVA_INT_UNALIGNED, off);
        if (len < NlMsg.HDRLEN || off + len > limit) {
            return -1;
        }
        return len;
    }

    public static int messageType(MemorySegment buf, long off) {
        return buf.get(JAVA_SHORT_UNALIGNED, off + 4) & 0xFFFF;
    }

    /** The error code of an NLMSG_ERROR message (0 for an ack, else -errno). */
    public static int errorCode(MemorySegment buf, long off, int len) {
        return len >= NlMsg.HDRLEN + 4 ? buf.get(JAVA_INT_UNALIGNED, off + NlMsg.HDRLEN) : -1;
    }

    /** Length of the attribute at {@code off} (header included), or -1 when malformed. */
    public static int attrLength(MemorySegment buf, long off, long limit) {
        if (off + 4 > limit) {
            return -1;
        }
        int len = buf.get(JAVA_SHORT_UNALIGNED, off) & 0xFFFF;
        if (len < 4 || off + len > limit) {
            return -1;
        }
        return len;
    }

    /** The attribute type without the nested and byte-order flags. */
    public static int attrType(MemorySegment buf, long off) {
        return buf.get(JAVA_SHORT_UNALIGNED, off + 2) & 0x3FFF;
    }
}

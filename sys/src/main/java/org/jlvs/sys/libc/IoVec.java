package org.jlvs.sys.libc;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One {@code struct msghdr} with many iovecs: a datagram gathered from pieces of memory, so
 * several netlink messages (verdict headers and the packets they carry) go out in one sendmsg
 * without copying the packets.
 */
public final class IoVec {
    private static final long MSGHDR = 56;
    private final MemorySegment msg;
    private final MemorySegment iovs;
    private final int capacity;
    private int count;
    private long bytes;

    public IoVec(Arena arena, int capacity) {
        this.capacity = capacity;
        this.msg = arena.allocate(MSGHDR, 8);
        this.iovs = arena.allocate(16L * capacity, 8);
        msg.set(ADDRESS, MsgVec.OFF_IOV, iovs);
    }

    /** Room for {@code n} more pieces. */
    public boolean hasRoom(int n) {
        return count + n <= capacity;
    }

    public int count() {
        return count;
    }

    /** Bytes gathered so far. */
    public long bytes() {
        return bytes;
    }

    /** Adds {@code len} bytes at {@code offset} in {@code data}, which must stay put until sent. */
    public void add(MemorySegment data, long offset, long len) {
        iovs.set(JAVA_LONG, count * 16L, data.address() + offset);
        iovs.set(JAVA_LONG, count * 16L + 8, len);
        count++;
        bytes += len;
    }

    /** Sends the gathered datagram and starts over; the result of sendmsg. */
    public int send(int fd) {
        if (count == 0) {
            return 0;
        }
        msg.set(JAVA_LONG, MsgVec.OFF_IOVLEN, count);
        int r = Sockets.sendmsg(fd, msg, 0);
        count = 0;
        bytes = 0;
        return r;
    }
}

package org.jlvs.sys.libc;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An array of {@code struct mmsghdr}, one iovec each, for recvmmsg and sendmmsg: allocated once,
 * then refilled for every batch. For receiving, each message owns a buffer; for sending, each
 * points at caller memory (a packet in a receive buffer) and a destination address, optionally
 * behind a small header of its own (a second iovec, so the packet is not copied).
 */
public final class MsgVec {
    /** sizeof(struct mmsghdr) on x86_64/aarch64: msghdr (56) + msg_len + padding. */
    static final long MMSGHDR = 64;
    static final long IOVEC = 16;
    static final long OFF_NAME = 0;
    static final long OFF_NAMELEN = 8;
    static final long OFF_IOV = 16;
    static final long OFF_IOVLEN = 24;
    static final long OFF_FLAGS = 48;
    static final long OFF_LEN = 56;

    private final MemorySegment hdrs;
    private final MemorySegment iovs;
    private final MemorySegment[] buffers;
    /** Per message, the header before its data (send vectors made with {@link #forSendWithHeader}). */
    private final MemorySegment headers;
    private final long headerSize;
    /** iovecs per message: 1, or 2 with a header. */
    private final int iovPer;
    private final int capacity;
    private int count;

    private MsgVec(Arena arena, int capacity, long bufferSize) {
        this(arena, capacity, bufferSize, 0);
    }

    private MsgVec(Arena arena, int capacity, long bufferSize, long headerSize) {
        this.capacity = capacity;
        this.headerSize = headerSize;
        this.iovPer = headerSize > 0 ? 2 : 1;
        this.hdrs = arena.allocate(MMSGHDR * capacity, 8);
        this.iovs = arena.allocate(IOVEC * iovPer * capacity, 8);
        this.headers = headerSize > 0 ? arena.allocate(headerSize * capacity, 8) : null;
        this.buffers = new MemorySegment[bufferSize > 0 ? capacity : 0];
        for (int i = 0; i < capacity; i++) {
            MemorySegment h = hdrs.asSlice(i * MMSGHDR, MMSGHDR);
            h.set(ADDRESS, OFF_IOV, iovs.asSlice(i * IOVEC * iovPer, IOVEC * iovPer));
            h.set(JAVA_LONG, OFF_IOVLEN, iovPer);
            if (headers != null) {
                iovs.set(ADDRESS, i * IOVEC * iovPer, headers.asSlice(i * headerSize, headerSize));
            }
            if (bufferSize > 0) {
                buffers[i] = arena.allocate(bufferSize, 16);
                iovs.set(ADDRESS, i * IOVEC, buffers[i]);
                iovs.set(JAVA_LONG, i * IOVEC + 8, bufferSize);
            }
        }
    }

    /** {@code capacity} receive slots of {@code bufferSize} bytes each. */
    public static MsgVec forReceive(Arena arena, int capacity, long bufferSize) {
        return new MsgVec(arena, capacity, bufferSize);
    }

    /** {@code capacity} send slots that point at caller memory. */
    public static MsgVec forSend(Arena arena, int capacity) {
        return new MsgVec(arena, capacity, 0);
    }

    /**
     * {@code capacity} send slots that each send a header of up to {@code headerSize} bytes
     * (written into {@link #nextHeader}) and then caller memory.
     */
    public static MsgVec forSendWithHeader(Arena arena, int capacity, long headerSize) {
        return new MsgVec(arena, capacity, 0, headerSize);
    }

    /** Where the next message's header goes; {@link #add(MemorySegment, long, MemorySegment, long, long)} sends it. */
    public MemorySegment nextHeader() {
        return headers.asSlice(count * headerSize, headerSize);
    }

    public int capacity() {
        return capacity;
    }

    public MemorySegment buffer(int i) {
        return buffers[i];
    }

    /** Bytes the kernel put in message {@code i} by the last recvmmsg. */
    public int length(int i) {
        return hdrs.get(JAVA_INT, i * MMSGHDR + OFF_LEN);
    }

    /** Receives up to {@code capacity} datagrams, blocking for the first only. */
    public int receive(int fd) {
        for (int i = 0; i < capacity; i++) {
            hdrs.set(JAVA_INT, i * MMSGHDR + OFF_FLAGS, 0);
        }
        return Sockets.recvmmsg(fd, hdrs, capacity, Sockets.MSG_WAITFORONE);
    }

    // ---- sending

    public int count() {
        return count;
    }

    public boolean full() {
        return count == capacity;
    }

    /**
     * Queues {@code len} bytes at {@code offset} in {@code data} for {@code addr}; false when the
     * vector is full. The memory must stay put until {@link #flush}.
     */
    public boolean add(MemorySegment addr, MemorySegment data, long offset, long len) {
        return add(addr, 0, data, offset, len);
    }

    /**
     * The same, behind the first {@code headerLen} bytes of {@link #nextHeader} (a vector made
     * with {@link #forSendWithHeader}; 0 for none).
     */
    public boolean add(MemorySegment addr, long headerLen, MemorySegment data, long offset, long len) {
        if (count == capacity) {
            return false;
        }
        long h = count * MMSGHDR;
        hdrs.set(ADDRESS, h + OFF_NAME, addr);
        hdrs.set(JAVA_INT, h + OFF_NAMELEN, (int) addr.byteSize());
        long iov = count * IOVEC * iovPer;
        if (iovPer == 2) {
            iovs.set(JAVA_LONG, iov + 8, headerLen);
            iov += IOVEC;
        }
        // a raw address rather than a slice: nothing allocated per packet
        iovs.set(JAVA_LONG, iov, data.address() + offset);
        iovs.set(JAVA_LONG, iov + 8, len);
        count++;
        return true;
    }

    /**
     * Sends what was queued, retrying after a partial send; returns the number of messages the
     * kernel refused (each skipped after its error, so one bad packet never blocks the rest).
     */
    public int flush(int fd) {
        int failed = 0;
        int done = 0;
        while (done < count) {
            MemorySegment from = done == 0 ? hdrs : hdrs.asSlice(done * MMSGHDR);
            int n = Sockets.sendmmsg(fd, from, count - done, 0);
            if (n > 0) {
                done += n;
            } else {
                failed++;
                done++;
            }
        }
        count = 0;
        return failed;
    }
}

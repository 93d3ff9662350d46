package org.jlvs.sys.libc;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * An epoll instance and its event array: which of many descriptors are ready, for one thread
 * that waits on all of them. Each descriptor is registered with its own number as the event's
 * data. Methods return {@code -errno} on failure.
 */
public final class Epoll implements AutoCloseable {
    public static final int EPOLLIN = 0x1;
    public static final int EPOLLERR = 0x8;
    public static final int EPOLLHUP = 0x10;
    private static final int EPOLL_CLOEXEC = 0x80000;
    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLL_CTL_DEL = 2;
    /** struct epoll_event is packed on x86_64 (12 bytes), naturally aligned elsewhere (16). */
    private static final boolean PACKED = System.getProperty("os.arch").matches("amd64|x86_64");
    private static final long EVENT = PACKED ? 12 : 16;
    private static final long DATA = PACKED ? 4 : 8;

    private static final MethodHandle CREATE = Errno.bind("epoll_create1", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle CTL = Errno.bind("epoll_ctl",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle WAIT = Errno.bind("epoll_wait",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment events;
    private final int capacity;

    private Epoll(int fd, int capacity) {
        this.fd = fd;
        this.capacity = capacity;
        this.events = arena.allocate(EVENT * capacity, 8);
    }


    /** A new instance reporting up to {@code capacity} ready descriptors per wait. */
    public static Epoll open(int capacity) {
        MemorySegment st = Errno.state();
        int fd;
        try {
            fd = Errno.result((int) CREATE.invokeExact(st, EPOLL_CLOEXEC), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        if (fd < 0) {
            throw new IllegalStateException("epoll_create1: " + Errno.describe(fd));
        }
        return new Epoll(fd, capacity);
    }

    /** Watches {@code watched} for {@code mask} (EPOLLIN...; errors and hang-ups always count). */
    public int add(int watched, int mask) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment ev = a.allocate(16, 8);
            ev.set(JAVA_INT_UNALIGNED, 0, mask);
            ev.set(JAVA_LONG_UNALIGNED, DATA, watched);
            return ctl(EPOLL_CTL_ADD, watched, ev);
        }
    }

    public int remove(int watched) {
        return ctl(EPOLL_CTL_DEL, watched, MemorySegment.NULL);
    }

    private int ctl(int op, int watched, MemorySegment ev) {
        MemorySegment st = Errno.state();
        try {
            return Errno.result((int) CTL.invokeExact(st, fd, op, watched, ev), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for ready descriptors; returns how many (read them with
     * {@link #readyFd} and {@link #readyEvents}), 0 on timeout, or {@code -errno} (EINTR too).
     * One thread only.
     */
    public int await(int timeoutMillis) {
        MemorySegment st = Errno.state();
        try {
            return Errno.result((int) WAIT.invokeExact(st, fd, events, capacity, timeoutMillis), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    public int readyFd(int i) {
        return (int) events.get(JAVA_LONG_UNALIGNED, i * EVENT + DATA);
    }

    public int readyEvents(int i) {
        return events.get(JAVA_INT_UNALIGNED, i * EVENT);
    }

    /** After the waiting thread is done with it. */
    @Override
    public void close() {
        Sockets.close(fd);
        arena.close();
    }
}

package org.jlvs.sys.libc;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A non-blocking inotify instance: directories watched for files written and closed, deleted
 * or moved, as keepalived watches its track files. Methods return {@code -errno} on failure.
 */
public final class Inotify implements AutoCloseable {
    public static final int IN_CLOSE_WRITE = 0x8;
    public static final int IN_MOVED_FROM = 0x40;
    public static final int IN_MOVED_TO = 0x80;
    public static final int IN_DELETE = 0x200;
    public static final int IN_ISDIR = 0x40000000;
    private static final int IN_NONBLOCK = 0x800;
    private static final int IN_CLOEXEC = 0x80000;
    /** struct inotify_event: int wd, u32 mask, u32 cookie, u32 len, then the name. */
    private static final int EVENT = 16;

    private static final MethodHandle INIT = Errno.bind("inotify_init1", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle ADD = Errno.bind("inotify_add_watch", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RM = Errno.bind("inotify_rm_watch", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle READ = Errno.bind("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));

    /** One event: the watch it came from, what happened, and the file's name in the directory. */
    public record Event(int wd, int mask, String name) {
    }

    private final int fd;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buffer = arena.allocate(16 * 1024, 8);

    private Inotify(int fd) {
        this.fd = fd;
    }


    public static Inotify open() {
        MemorySegment st = Errno.state();
        int fd;
        try {
            fd = Errno.result((int) INIT.invokeExact(st, IN_NONBLOCK | IN_CLOEXEC), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        if (fd < 0) {
            throw new IllegalStateException("inotify_init1: " + Errno.describe(fd));
        }
        return new Inotify(fd);
    }

    public int fd() {
        return fd;
    }

    /** Watches {@code path} for {@code mask}; the watch descriptor (the same one for the same path). */
    public int watch(String path, int mask) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment st = Errno.state();
            return Errno.result((int) ADD.invokeExact(st, fd, a.allocateFrom(path), mask), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    public int unwatch(int wd) {
        MemorySegment st = Errno.state();
        try {
            return Errno.result((int) RM.invokeExact(st, fd, wd), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Hands every event waiting to {@code each}; returns how many, or -errno (-EAGAIN: none). One thread only. */
    public int drain(Consumer<Event> each) {
        int count = 0;
        while (true) {
            MemorySegment st = Errno.state();
            int n;
            try {
                n = Errno.result((long) READ.invokeExact(st, fd, buffer, buffer.byteSize()), st);
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
            if (n < 0) {
                return count > 0 && n == -Errno.EAGAIN ? count : n;
            }
            for (int off = 0; off + EVENT <= n; ) {
                int len = buffer.get(JAVA_INT, off + 12);
                String name = "";
                if (len > 0) {
                    byte[] b = buffer.asSlice(off + EVENT, len).toArray(JAVA_BYTE);
                    int end = 0;
                    while (end < b.length && b[end] != 0) {
                        end++;
                    }
                    name = new String(b, 0, end, StandardCharsets.UTF_8);
                }
                each.accept(new Event(buffer.get(JAVA_INT, off), buffer.get(JAVA_INT, off + 4), name));
                count++;
                off += EVENT + len;
            }
        }
    }

    @Override
    public void close() {
        Sockets.close(fd);
        arena.close();
    }
}

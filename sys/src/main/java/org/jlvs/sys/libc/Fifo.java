package org.jlvs.sys.libc;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * A named pipe written without ever blocking: made with mkfifo when missing, opened read-write
 * and non-blocking (so opening needs no reader, and a full pipe drops the write instead of
 * waiting), as keepalived opens its notify fifos. Every call returns its result, or
 * {@code -errno}.
 */
public final class Fifo {
    private static final int O_RDWR = 02;
    private static final int O_NONBLOCK = 04000;
    private static final int O_NOFOLLOW = 0400000;
    private static final int O_CLOEXEC = 02000000;

    private static final MethodHandle MKFIFO = Errno.bind("mkfifo", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle OPEN = Errno.bind("open",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle WRITE = Errno.bind("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle UNLINK = Errno.bind("unlink", FunctionDescriptor.of(JAVA_INT, ADDRESS));

    private Fifo() {
    }


    /** mkfifo(path, mode): 0, or -errno (-EEXIST when something is there already). */
    public static int make(String path, int mode) {
        MemorySegment st = Errno.state();
        try (Arena a = Arena.ofConfined()) {
            return Errno.result((int) MKFIFO.invokeExact(st, a.allocateFrom(path), mode), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Opens for writing without blocking, not following a symbolic link: the descriptor, or -errno. */
    public static int open(String path) {
        MemorySegment st = Errno.state();
        try (Arena a = Arena.ofConfined()) {
            return Errno.result((int) OPEN.invokeExact(st, a.allocateFrom(path),
                    O_RDWR | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC, 0), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Writes one line in one write (a pipe keeps writes of up to 4 KiB whole): bytes written, or -errno. */
    public static long write(int fd, String line) {
        MemorySegment st = Errno.state();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment buf = a.allocateFrom(line);   // UTF-8, and a NUL that is not written
            return Errno.result((long) WRITE.invokeExact(st, fd, buf, buf.byteSize() - 1), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** close(fd): 0, or -errno. */
    public static int close(int fd) {
        return Sockets.close(fd);
    }

    /** unlink(path): 0, or -errno. */
    public static int unlink(String path) {
        MemorySegment st = Errno.state();
        try (Arena a = Arena.ofConfined()) {
            return Errno.result((int) UNLINK.invokeExact(st, a.allocateFrom(path)), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }
}

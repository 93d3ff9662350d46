package org.jlvs.sys.libc;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * errno as the linker captures it right after a call ({@code Linker.Option.captureCallState}),
 * into a segment owned by the calling thread, so a failed call costs no allocation. Calls in
 * this module return {@code -errno} on failure, as the kernel's own interfaces do.
 */
public final class Errno {
    public static final int EINTR = 4;
    public static final int EEXIST = 17;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ENOBUFS = 105;
    public static final int EMSGSIZE = 90;
    public static final int EINVAL = 22;
    public static final int EACCES = 13;
    public static final int ECONNREFUSED = 111;
    public static final int EHOSTUNREACH = 113;

    static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final ThreadLocal<MemorySegment> STATE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(LAYOUT));

    private Errno() {
    }

    /**
     * A C library function bound with errno captured: each call takes {@link #state()} as its
     * first argument. {@code more} adds linker options (e.g. where a variadic list starts).
     */
    static MethodHandle bind(String name, FunctionDescriptor fd, Linker.Option... more) {
        MemorySegment f = LINKER.defaultLookup().find(name).orElseThrow(() -> new UnsatisfiedLinkError(name));
        Linker.Option[] options = java.util.Arrays.copyOf(more, more.length + 1);
        options[more.length] = CAPTURE;
        return LINKER.downcallHandle(f, fd, options);
    }

    /** This thread's capture segment (pass it as a capturing call's first argument). */
    static MemorySegment state() {
        return STATE.get();
    }

    /** {@code r} when it is not negative, else minus the errno just captured in {@code state}. */
    static int result(long r, MemorySegment state) {
        return r >= 0 ? (int) r : -(int) ERRNO.get(state, 0L);
    }

    /** A short text for a negative result, for messages (never on the hot path). */
    public static String describe(int negErrno) {
        return switch (-negErrno) {
            case EPERM -> "EPERM (operation not permitted)";
            case ENOENT -> "ENOENT (no such file or directory)";
            case EINTR -> "EINTR";
            case EAGAIN -> "EAGAIN (timed out)";
            case ENOMEM -> "ENOMEM";
            case EINVAL -> "EINVAL (invalid argument)";
            case EACCES -> "EACCES (permission denied)";
            case ECONNREFUSED -> "ECONNREFUSED (connection refused)";
            case EHOSTUNREACH -> "EHOSTUNREACH (no route to host)";
            case 19 -> "ENODEV (no such device)";
            case 93 -> "EPROTONOSUPPORT (protocol not supported)";
            case 97 -> "EAFNOSUPPORT (address family not supported)";
            case EMSGSIZE -> "EMSGSIZE (message too long)";
            case ENOBUFS -> "ENOBUFS (no buffer space)";
            case 16 -> "EBUSY (queue already bound by another process)";
            default -> "errno " + (-negErrno);
        };
    }
}

package org.jlvs.sys.libc;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The socket system calls, bound once. Every method returns the call's result, or
 * {@code -errno} when it failed; none allocates.
 */
public final class Sockets {
    public static final int AF_UNSPEC = 0;
    public static final int AF_UNIX = 1;
    public static final int AF_INET = 2;
    public static final int AF_INET6 = 10;
    public static final int AF_NETLINK = 16;
    public static final int AF_PACKET = 17;

    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_RAW = 3;
    public static final int SOCK_NONBLOCK = 0x800;
    public static final int SOCK_CLOEXEC = 0x80000;

    public static final int SOL_SOCKET = 1;
    public static final int SO_SNDBUF = 7;
    public static final int SO_RCVBUF = 8;
    public static final int SO_RCVTIMEO = 20;
    public static final int SO_SNDBUFFORCE = 32;
    public static final int SO_RCVBUFFORCE = 33;

    public static final int IPPROTO_IP = 0;
    public static final int IPPROTO_ICMP = 1;
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;
    public static final int IPPROTO_IPV6 = 41;
    public static final int IPPROTO_ICMPV6 = 58;
    public static final int IP_RECVERR = 11;
    public static final int IPV6_RECVERR = 25;
    public static final int IP_MTU_DISCOVER = 10;
    public static final int IP_PMTUDISC_DONT = 0;
    public static final int IPV6_MTU_DISCOVER = 23;
    public static final int IPV6_PMTUDISC_DONT = 0;
    public static final int TCP_CORK = 3;

    public static final int MSG_PEEK = 0x2;
    public static final int MSG_DONTWAIT = 0x40;
    public static final int MSG_ERRQUEUE = 0x2000;
    public static final int MSG_WAITFORONE = 0x10000;

    private static final MethodHandle SOCKET = Errno.bind("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
    private static final MethodHandle BIND = Errno.bind("bind", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SETSOCKOPT = Errno.bind("setsockopt",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle CLOSE = Errno.bind("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
    private static final MethodHandle SENDTO = Errno.bind("sendto",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RECV = Errno.bind("recv", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle RECVFROM = Errno.bind("recvfrom",
            FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle RECVMSG = Errno.bind("recvmsg", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle CONNECT = Errno.bind("connect", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SENDMSG = Errno.bind("sendmsg", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle RECVMMSG = Errno.bind("recvmmsg",
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));
    private static final MethodHandle SENDMMSG = Errno.bind("sendmmsg", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));

    private Sockets() {
    }


    public static int socket(int domain, int type, int protocol) {
        MemorySegment st = Errno.state();
        try {
            return Errno.result((int) SOCKET.invokeExact(st, domain, type | SOCK_CLOEXEC, protocol), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    public static int bind(int fd, MemorySegment addr) {
        MemorySegment st = Errno.state();
        try {
            return Errno.result((int) BIND.invokeExact(st, fd, addr, (int) addr.byteSize()), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    public static int connect(int fd, MemorySegment addr) {
        MemorySegment st = Errno.state();
        try {
            return Errno.result((int) CONNECT.invokeExact(st, fd, addr, (int) addr.byteSize()), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    public static int setsockopt(int fd, int level, int name, MemorySegment value) {
        MemorySegment st = Errno.state();
        try {
            return Errno.result((int) SETSOCKOPT.invokeExact(st, fd, level, name, value, (int) value.byteSize()), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** setsockopt with an int value (boot time: allocates its argument). */
    public static int setsockopt(int fd, int level, int name, int value) {
        try (Arena a = Arena.ofConfined()) {
            return setsockopt(fd, level, name, a.allocateFrom(JAVA_INT, value));
        }
    }

    /** A receive timeout, so a blocking receive comes back to look at a stop flag. */
    public static int receiveTimeout(int fd, long millis) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment tv = a.allocate(16);
            tv.set(JAVA_LONG, 0, millis / 1000);
            tv.set(JAVA_LONG, 8, (millis % 1000) * 1000);
            return setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, tv);
        }
    }

    public static int close(int fd) {
        MemorySegment st = Errno.state();
        try {
            return Errno.result((int) CLOSE.invokeExact(st, fd), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** sendto; {@code addr} may be {@link MemorySegment#NULL} for a bound or connected socket. */
    public static int sendto(int fd, MemorySegment buf, long len, int flags, MemorySegment addr) {
        MemorySegment st = Errno.state();
        int alen = addr.equals(MemorySegment.NULL) ? 0 : (int) addr.byteSize();
        try {
            return Errno.result((long) SENDTO.invokeExact(st, fd, buf, len, flags, addr, alen), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    public static int recv(int fd, MemorySegment buf, long len, int flags) {
        MemorySegment st = Errno.state();
        try {
            return Errno.result((long) RECV.invokeExact(st, fd, buf, len, flags), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /**
     * recvfrom; the sender's address goes to {@code from} (a sockaddr_storage-sized segment) and
     * its length to {@code fromLen}, an int the caller sets to the segment's size.
     */
    public static int recvfrom(int fd, MemorySegment buf, long len, int flags, MemorySegment from, MemorySegment fromLen) {
        MemorySegment st = Errno.state();
        try {
            return Errno.result((long) RECVFROM.invokeExact(st, fd, buf, len, flags, from, fromLen), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    public static int recvmsg(int fd, MemorySegment msghdr, int flags) {
        MemorySegment st = Errno.state();
        try {
            return Errno.result((long) RECVMSG.invokeExact(st, fd, msghdr, flags), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    public static int sendmsg(int fd, MemorySegment msghdr, int flags) {
        MemorySegment st = Errno.state();
        try {
            return Errno.result((long) SENDMSG.invokeExact(st, fd, msghdr, flags), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** recvmmsg without a timeout (SO_RCVTIMEO bounds the wait for the first message). */
    public static int recvmmsg(int fd, MemorySegment msgvec, int vlen, int flags) {
        MemorySegment st = Errno.state();
        try {
            return Errno.result((int) RECVMMSG.invokeExact(st, fd, msgvec, vlen, flags, MemorySegment.NULL), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    public static int sendmmsg(int fd, MemorySegment msgvec, int vlen, int flags) {
        MemorySegment st = Errno.state();
        try {
            return Errno.result((int) SENDMMSG.invokeExact(st, fd, msgvec, vlen, flags), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }
}

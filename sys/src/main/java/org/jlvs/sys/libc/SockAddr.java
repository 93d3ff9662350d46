package org.jlvs.sys.libc;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/** Socket addresses (sockaddr_in, sockaddr_in6, sockaddr_ll, sockaddr_nl, sockaddr_un) laid out in memory. */
public final class SockAddr {
    private static final ValueLayout.OfShort BE16 = JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt BE32 = JAVA_INT.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong BE64 = JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private SockAddr() {
    }

    /** sockaddr_un for a path (at most 107 bytes), sized to the path as the kernel takes it. */
    public static MemorySegment unix(Arena arena, String path) {
        byte[] p = path.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (p.length > 107) {
            throw new IllegalArgumentException("a Unix socket path longer than 107 bytes: " + path);
        }
        MemorySegment s = arena.allocate(2 + p.length + 1, 2);
        s.set(JAVA_SHORT, 0, (short) Sockets.AF_UNIX);
        MemorySegment.copy(p, 0, s, JAVA_BYTE, 2, p.length);
        return s;
    }

    /** sockaddr_in for an IPv4 address held as an int (network order read as a number). */
    public static MemorySegment inet4(Arena arena, int addr, int port) {
        MemorySegment s = arena.allocate(16, 4);
        s.set(JAVA_SHORT, 0, (short) Sockets.AF_INET);
        s.set(BE16, 2, (short) port);
        s.set(BE32, 4, addr);
        return s;
    }

    /** sockaddr_in6 for an IPv6 address held as two big-endian longs. */
    public static MemorySegment inet6(Arena arena, long hi, long lo, int port) {
        MemorySegment s = arena.allocate(28, 4);
        s.set(JAVA_SHORT, 0, (short) Sockets.AF_INET6);
        s.set(BE16, 2, (short) port);
        s.set(BE64, 8, hi);
        s.set(BE64, 16, lo);
        return s;
    }

    /** sockaddr_in or sockaddr_in6 for a Java socket address. */
    public static MemorySegment of(Arena arena, java.net.InetSocketAddress a) {
        java.nio.ByteBuffer ip = java.nio.ByteBuffer.wrap(a.getAddress().getAddress());  // big-endian
        if (ip.capacity() == 4) {
            return inet4(arena, ip.getInt(0), a.getPort());
        }
        return inet6(arena, ip.getLong(0), ip.getLong(8), a.getPort());
    }

    /** The address in a sockaddr_in or sockaddr_in6 the kernel filled in; null for another family. */
    public static java.net.InetAddress address(MemorySegment s) {
        byte[] b;
        int family = s.get(JAVA_SHORT, 0);
        if (family == Sockets.AF_INET) {
            b = s.asSlice(4, 4).toArray(JAVA_BYTE);
        } else if (family == Sockets.AF_INET6) {
            b = s.asSlice(8, 16).toArray(JAVA_BYTE);
        } else {
            return null;
        }
        try {
            return java.net.InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);  // 4 or 16 bytes
        }
    }

    /** sockaddr_ll: a frame of {@code ethertype} out of {@code ifindex} to {@code mac}. */
    public static MemorySegment link(Arena arena, int ifindex, int ethertype, byte[] mac) {
        MemorySegment s = arena.allocate(20, 4);
        s.set(JAVA_SHORT, 0, (short) Sockets.AF_PACKET);
        s.set(BE16, 2, (short) ethertype);
        s.set(JAVA_INT, 4, ifindex);
        s.set(JAVA_BYTE, 11, (byte) (mac == null ? 0 : mac.length));
        if (mac != null) {
            MemorySegment.copy(mac, 0, s, JAVA_BYTE, 12, Math.min(8, mac.length));
        }
        return s;
    }

    /** sockaddr_nl: the kernel (pid 0) or a bound local port. */
    public static MemorySegment netlink(Arena arena, int pid, int groups) {
        MemorySegment s = arena.allocate(12, 4);
        s.set(JAVA_SHORT, 0, (short) Sockets.AF_NETLINK);
        s.set(JAVA_INT, 4, pid);
        s.set(JAVA_INT, 8, groups);
        return s;
    }

    /** Fills a 16-byte segment as sockaddr_in (reused on a hot path: nothing allocated). */
    public static void setInet4(MemorySegment s, int addr, int port) {
        s.set(JAVA_SHORT, 0, (short) Sockets.AF_INET);
        s.set(BE16, 2, (short) port);
        s.set(BE32, 4, addr);
        s.set(JAVA_LONG_UNALIGNED, 8, 0L);
    }

    /** Fills a 28-byte segment as sockaddr_in6. */
    public static void setInet6(MemorySegment s, long hi, long lo, int port) {
        s.set(JAVA_SHORT, 0, (short) Sockets.AF_INET6);
        s.set(BE16, 2, (short) port);
        s.set(JAVA_INT, 4, 0);
        s.set(BE64, 8, hi);
        s.set(BE64, 16, lo);
        s.set(JAVA_INT, 24, 0);
    }
}

package org.jlvs.sys.probe;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.jlvs.sys.libc.Errno;
import org.jlvs.sys.libc.SockAddr;
import org.jlvs.sys.libc.Sockets;

/**
 * A non-blocking socket that sends ICMP (ICMPv6) echo requests and receives the replies, of one
 * of two kinds:
 * <ul>
 *   <li>{@link Kind#RAW}: SOCK_RAW, which needs CAP_NET_RAW. The caller writes the whole ICMP
 *       message, checksum included for ICMP (the kernel computes ICMPv6's); received IPv4
 *       packets come with their IP header. A filter lets only echo replies in.</li>
 *   <li>{@link Kind#DATAGRAM}: Linux's ping socket (SOCK_DGRAM, IPPROTO_ICMP), open to users
 *       whose group is in net.ipv4.ping_group_range. The kernel sets the identifier and the
 *       checksum, and hands over only the replies to this socket's own requests, without the IP
 *       header.</li>
 * </ul>
 */
public final class IcmpEchoSocket implements AutoCloseable {
    /** Which socket type carries the echoes. */
    public enum Kind { RAW, DATAGRAM }

    private static final int SOL_RAW = 255;
    private static final int ICMP_FILTER = 1;
    private static final int ICMP6_FILTER = 1;
    private static final int ICMP_ECHOREPLY = 0;
    private static final int ICMP6_ECHO_REPLY = 129;
    private static final int MAX_PACKET = 2048;

    private final int fd;
    private final boolean v6;
    private final Kind kind;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buffer = arena.allocate(MAX_PACKET, 8);
    private final MemorySegment from = arena.allocate(128, 8);
    private final MemorySegment fromLen = arena.allocate(JAVA_INT);

    private IcmpEchoSocket(int fd, boolean v6, Kind kind) {
        this.fd = fd;
        this.v6 = v6;
        this.kind = kind;
    }

    /** A socket of {@code kind}; an IllegalStateException naming the errno when the kernel refuses it. */
    public static IcmpEchoSocket open(boolean v6, Kind kind) {
        int type = (kind == Kind.RAW ? Sockets.SOCK_RAW : Sockets.SOCK_DGRAM) | Sockets.SOCK_NONBLOCK;
        int fd = Sockets.socket(v6 ? Sockets.AF_INET6 : Sockets.AF_INET, type,
                v6 ? Sockets.IPPROTO_ICMPV6 : Sockets.IPPROTO_ICMP);
        if (fd < 0) {
            throw new IllegalStateException(Errno.describe(fd));
        }
        IcmpEchoSocket s = new IcmpEchoSocket(fd, v6, kind);
        if (kind == Kind.RAW) {
            s.onlyEchoReplies();
        }
        return s;
    }

    /** A raw socket sees every ICMP message the host gets: keep the echo replies only. */
    private void onlyEchoReplies() {
        try (Arena a = Arena.ofConfined()) {
            if (v6) {
                // struct icmp6_filter: 256 bits, a set bit blocks its type
                MemorySegment f = a.allocate(32, 4);
                f.fill((byte) 0xff);
                int word = ICMP6_ECHO_REPLY >> 5;
                f.set(JAVA_INT, word * 4L, f.get(JAVA_INT, word * 4L) & ~(1 << (ICMP6_ECHO_REPLY & 31)));
                Sockets.setsockopt(fd, Sockets.IPPROTO_ICMPV6, ICMP6_FILTER, f);
            } else {
                // ICMP_FILTER: a 32-bit mask of the types to block
                Sockets.setsockopt(fd, SOL_RAW, ICMP_FILTER, ~(1 << ICMP_ECHOREPLY));
            }
        }
    }

    public Kind kind() {
        return kind;
    }

    public boolean v6() {
        return v6;
    }

    public int fd() {
        return fd;
    }

    /** Sends one ICMP message (header first) to {@code to}. */
    public int send(InetAddress to, byte[] message) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment d = a.allocate(message.length);
            MemorySegment.copy(message, 0, d, JAVA_BYTE, 0, message.length);
            return Sockets.sendto(fd, d, message.length, 0, SockAddr.of(a, new InetSocketAddress(to, 0)));
        }
    }

    /**
     * The next packet waiting (RAW IPv4: with its IP header), copied into {@code into}; its
     * sender in {@code sender[0]}. Returns the length, or -EAGAIN when none waits.
     * One thread only.
     */
    public int receive(byte[] into, InetAddress[] sender) {
        fromLen.set(JAVA_INT, 0, (int) from.byteSize());
        int n = Sockets.recvfrom(fd, buffer, buffer.byteSize(), Sockets.MSG_DONTWAIT, from, fromLen);
        if (n >= 0) {
            int len = Math.min(n, into.length);
            MemorySegment.copy(buffer, JAVA_BYTE, 0, into, 0, len);
            sender[0] = SockAddr.address(from);
            return len;
        }
        return n;
    }

    @Override
    public void close() {
        Sockets.close(fd);
        arena.close();
    }
}

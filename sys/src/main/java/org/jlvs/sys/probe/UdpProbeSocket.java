package org.jlvs.sys.probe;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;

import org.jlvs.sys.libc.Errno;
import org.jlvs.sys.libc.SockAddr;
import org.jlvs.sys.libc.Sockets;

/**
 * A non-blocking UDP socket connected to one peer, with IP_RECVERR (IPV6_RECVERR) on, so the
 * ICMP errors its datagrams draw (port or host unreachable, even a neighbour that never
 * answered ARP) are readable from its error queue, as keepalived's UDP_CHECK reads them.
 * Methods return {@code -errno} on failure.
 */
public final class UdpProbeSocket implements AutoCloseable {
    private static final int SO_EE_ORIGIN_ICMP = 2;
    private static final int SO_EE_ORIGIN_ICMP6 = 3;
    private static final long MSGHDR = 56;
    private static final int CONTROL = 512;

    private final int fd;
    private final boolean v6;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buffer;

    private UdpProbeSocket(int fd, boolean v6, int bufferSize) {
        this.fd = fd;
        this.v6 = v6;
        this.buffer = arena.allocate(Math.max(1, bufferSize), 8);
    }

    /** A socket for {@code v6} or IPv4 peers, receiving replies of up to {@code bufferSize} bytes. */
    public static UdpProbeSocket open(boolean v6, int bufferSize) {
        int fd = Sockets.socket(v6 ? Sockets.AF_INET6 : Sockets.AF_INET, Sockets.SOCK_DGRAM | Sockets.SOCK_NONBLOCK,
                Sockets.IPPROTO_UDP);
        if (fd < 0) {
            throw new IllegalStateException("UDP socket: " + Errno.describe(fd));
        }
        UdpProbeSocket s = new UdpProbeSocket(fd, v6, bufferSize);
        int r = v6 ? Sockets.setsockopt(fd, Sockets.IPPROTO_IPV6, Sockets.IPV6_RECVERR, 1)
                : Sockets.setsockopt(fd, Sockets.IPPROTO_IP, Sockets.IP_RECVERR, 1);
        if (r < 0) {
            s.close();
            throw new IllegalStateException("IP_RECVERR: " + Errno.describe(r));
        }
        return s;
    }

    public int fd() {
        return fd;
    }

    public int bind(InetSocketAddress local) {
        try (Arena a = Arena.ofConfined()) {
            return Sockets.bind(fd, SockAddr.of(a, local));
        }
    }

    public int connect(InetSocketAddress peer) {
        try (Arena a = Arena.ofConfined()) {
            return Sockets.connect(fd, SockAddr.of(a, peer));
        }
    }

    public int send(byte[] data) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment d = a.allocate(Math.max(1, data.length));
            MemorySegment.copy(data, 0, d, JAVA_BYTE, 0, data.length);
            return Sockets.sendto(fd, d, data.length, 0, MemorySegment.NULL);
        }
    }

    /** The next datagram (truncated to the buffer), its length, or -EAGAIN when none waits. */
    public int receive(byte[] into) {
        int n = Sockets.recv(fd, buffer, Math.min(into.length, buffer.byteSize()), Sockets.MSG_DONTWAIT);
        if (n > 0) {
            MemorySegment.copy(buffer, JAVA_BYTE, 0, into, 0, n);
        }
        return n;
    }

    /**
     * Takes the oldest error off the error queue: the ICMP message it came from, or null when the
     * queue held nothing or an error that is not an ICMP one.
     */
    public IcmpError readError() {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment msg = a.allocate(MSGHDR, 8);
            MemorySegment iov = a.allocate(16, 8);
            MemorySegment data = a.allocate(64, 8);
            MemorySegment control = a.allocate(CONTROL, 8);
            iov.set(ADDRESS, 0, data);
            iov.set(JAVA_LONG, 8, data.byteSize());
            msg.set(ADDRESS, 16, iov);
            msg.set(JAVA_LONG, 24, 1);
            msg.set(ADDRESS, 32, control);
            msg.set(JAVA_LONG, 40, CONTROL);
            if (Sockets.recvmsg(fd, msg, Sockets.MSG_ERRQUEUE | Sockets.MSG_DONTWAIT) < 0) {
                return null;
            }
            long controlLen = msg.get(JAVA_LONG, 40);
            int level = v6 ? Sockets.IPPROTO_IPV6 : Sockets.IPPROTO_IP;
            int type = v6 ? Sockets.IPV6_RECVERR : Sockets.IP_RECVERR;
            // struct cmsghdr: size_t len, int level, int type, then the data, 8-byte aligned
            for (long off = 0; off + 16 <= controlLen; ) {
                long len = control.get(JAVA_LONG, off);
                if (len < 16 || off + len > controlLen) {
                    break;
                }
                if (control.get(JAVA_INT, off + 8) == level && control.get(JAVA_INT, off + 12) == type && len >= 16 + 8) {
                    // struct sock_extended_err: u32 errno, u8 origin, u8 type, u8 code, u8 pad, ...
                    int origin = Byte.toUnsignedInt(control.get(JAVA_BYTE, off + 20));
                    if (origin == SO_EE_ORIGIN_ICMP || origin == SO_EE_ORIGIN_ICMP6) {
                        return new IcmpError(origin == SO_EE_ORIGIN_ICMP6,
                                Byte.toUnsignedInt(control.get(JAVA_BYTE, off + 21)),
                                Byte.toUnsignedInt(control.get(JAVA_BYTE, off + 22)));
                    }
                }
                off += (len + 7) & ~7L;
            }
            return null;
        }
    }

    @Override
    public void close() {
        Sockets.close(fd);
        arena.close();
    }
}

package org.jlvs.sys.netlink;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jlvs.sys.libc.Errno;
import org.jlvs.sys.libc.SockAddr;
import org.jlvs.sys.libc.Sockets;

/** A netlink socket of one protocol (NETLINK_ROUTE, NETLINK_NETFILTER), bound to a port the kernel picks. */
public final class NetlinkSocket implements AutoCloseable {
    public static final int NETLINK_ROUTE = 0;
    public static final int NETLINK_NETFILTER = 12;
    static final int SOL_NETLINK = 270;
    static final int NETLINK_NO_ENOBUFS = 5;

    private final int fd;
    private volatile boolean closed;

    private NetlinkSocket(int fd) {
        this.fd = fd;
    }

    /** Opens and binds a socket of {@code protocol}; throws with the reason when the system refuses. */
    public static NetlinkSocket open(int protocol) {
        int fd = Sockets.socket(Sockets.AF_NETLINK, Sockets.SOCK_RAW, protocol);
        if (fd < 0) {
            throw new IllegalStateException("netlink socket: " + Errno.describe(fd));
        }
        try (Arena a = Arena.ofConfined()) {
            int r = Sockets.bind(fd, SockAddr.netlink(a, 0, 0));
            if (r < 0) {
                Sockets.close(fd);
                throw new IllegalStateException("netlink bind: " + Errno.describe(r));
            }
        }
        return new NetlinkSocket(fd);
    }

    public int fd() {
        return fd;
    }

    /** Asks for larger kernel buffers (root may go past rmem_max) and no ENOBUFS on overrun. */
    public void tune(int rcvBuf, int sndBuf) {
        if (Sockets.setsockopt(fd, Sockets.SOL_SOCKET, Sockets.SO_RCVBUFFORCE, rcvBuf) < 0) {
            Sockets.setsockopt(fd, Sockets.SOL_SOCKET, Sockets.SO_RCVBUF, rcvBuf);
        }
        if (Sockets.setsockopt(fd, Sockets.SOL_SOCKET, Sockets.SO_SNDBUFFORCE, sndBuf) < 0) {
            Sockets.setsockopt(fd, Sockets.SOL_SOCKET, Sockets.SO_SNDBUF, sndBuf);
        }
        Sockets.setsockopt(fd, SOL_NETLINK, NETLINK_NO_ENOBUFS, 1);
    }

    /** Sends {@code len} bytes of {@code msg} to the kernel; the result of send. */
    public int send(MemorySegment msg, long len) {
        return Sockets.sendto(fd, msg, len, 0, MemorySegment.NULL);
    }

    public int receive(MemorySegment buf) {
        return Sockets.recv(fd, buf, buf.byteSize(), 0);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Sockets.close(fd);
        }
    }
}

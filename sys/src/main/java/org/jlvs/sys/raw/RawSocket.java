package org.jlvs.sys.raw;

import java.lang.foreign.MemorySegment;

import org.jlvs.sys.libc.Errno;
import org.jlvs.sys.libc.MsgVec;
import org.jlvs.sys.libc.Sockets;

/**
 * A raw IP socket. {@link #headerIncluded} sockets (IPPROTO_RAW) send packets whose IP header
 * the caller wrote, unfragmented. {@link #ofProtocol} sockets (e.g. 4 for IPIP, 41 for IPv6 in
 * IP) get their outer header from the kernel, which also fragments what is over the path MTU.
 */
public final class RawSocket implements AutoCloseable {
    public static final int IPPROTO_IPIP = 4;
    public static final int IPPROTO_IPV6 = 41;
    public static final int IPPROTO_RAW = 255;

    private final int fd;

    private RawSocket(int fd) {
        this.fd = fd;
    }

    /** IPv4 or IPv6 IPPROTO_RAW: the caller writes the whole packet, header included. */
    public static RawSocket headerIncluded(boolean v6) {
        return open(v6, IPPROTO_RAW);
    }

    /**
     * A socket of {@code protocol} without IP_HDRINCL; path MTU discovery off, so the kernel
     * fragments an outer packet that is too big rather than refusing it.
     */
    public static RawSocket ofProtocol(boolean v6, int protocol) {
        RawSocket s = open(v6, protocol);
        if (v6) {
            Sockets.setsockopt(s.fd, Sockets.IPPROTO_IPV6, Sockets.IPV6_MTU_DISCOVER, Sockets.IPV6_PMTUDISC_DONT);
        } else {
            Sockets.setsockopt(s.fd, Sockets.IPPROTO_IP, Sockets.IP_MTU_DISCOVER, Sockets.IP_PMTUDISC_DONT);
        }
        return s;
    }

    private static RawSocket open(boolean v6, int protocol) {
        int fd = Sockets.socket(v6 ? Sockets.AF_INET6 : Sockets.AF_INET, Sockets.SOCK_RAW, protocol);
        if (fd < 0) {
            throw new IllegalStateException("raw socket (protocol " + protocol + "): " + Errno.describe(fd));
        }
        Sockets.setsockopt(fd, Sockets.SOL_SOCKET, Sockets.SO_SNDBUF, 4 << 20);
        // a send-only socket: shrink what it could queue of received copies
        Sockets.setsockopt(fd, Sockets.SOL_SOCKET, Sockets.SO_RCVBUF, 0);
        return new RawSocket(fd);
    }

    /** Sends {@code len} bytes at {@code offset} of {@code buf} to {@code addr} (a sockaddr_in/in6). */
    public int send(MemorySegment addr, MemorySegment buf, long offset, long len) {
        MemorySegment from = offset == 0 ? buf : buf.asSlice(offset);
        return Sockets.sendto(fd, from, len, 0, addr);
    }

    public int flush(MsgVec vec) {
        return vec.flush(fd);
    }

    @Override
    public void close() {
        Sockets.close(fd);
    }
}

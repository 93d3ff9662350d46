package org.jlvs.sys.packet;

import java.lang.foreign.MemorySegment;

import org.jlvs.sys.libc.Errno;
import org.jlvs.sys.libc.MsgVec;
import org.jlvs.sys.libc.Sockets;

/**
 * An AF_PACKET datagram socket for sending IP packets in Ethernet frames: the kernel writes the
 * Ethernet header from the destination's {@code sockaddr_ll} (interface, ethertype, MAC). It
 * never fragments: a packet over the interface MTU fails with EMSGSIZE.
 */
public final class PacketSocket implements AutoCloseable {
    public static final int ETH_P_IP = 0x0800;
    public static final int ETH_P_IPV6 = 0x86DD;

    private final int fd;

    private PacketSocket(int fd) {
        this.fd = fd;
    }

    /** A send-only socket (protocol 0: it receives nothing). */
    public static PacketSocket open() {
        int fd = Sockets.socket(Sockets.AF_PACKET, Sockets.SOCK_DGRAM, 0);
        if (fd < 0) {
            throw new IllegalStateException("AF_PACKET socket: " + Errno.describe(fd));
        }
        Sockets.setsockopt(fd, Sockets.SOL_SOCKET, Sockets.SO_SNDBUF, 4 << 20);
        return new PacketSocket(fd);
    }

    /** Sends one packet to a {@code sockaddr_ll} (see SockAddr.link); the result of sendto. */
    public int send(MemorySegment linkAddr, MemorySegment buf, long offset, long len) {
        MemorySegment from = offset == 0 ? buf : buf.asSlice(offset);
        return Sockets.sendto(fd, from, len, 0, linkAddr);
    }

    /** Sends every packet queued in {@code vec}; returns how many the kernel refused. */
    public int flush(MsgVec vec) {
        return vec.flush(fd);
    }

    @Override
    public void close() {
        Sockets.close(fd);
    }
}

package org.jlvs.packet.hdr;

import java.lang.foreign.MemorySegment;

/**
 * The transport headers the director rewrites: TCP, UDP, ICMP and ICMPv6 — where their ports
 * and checksums are, and whether their checksum covers the IP addresses (pseudo-header).
 */
public final class Transport {
    private Transport() {
    }

    /** Offset of the checksum within the header, or -1 for a protocol we do not rewrite. */
    public static int checksumOffset(int protocol) {
        return switch (protocol) {
            case IpPacket.TCP -> 16;
            case IpPacket.UDP -> 6;
            case IpPacket.ICMP, IpPacket.ICMPV6 -> 2;
            default -> -1;
        };
    }

    /** Whether the checksum covers the addresses (all but ICMPv4). */
    public static boolean coversAddresses(int protocol) {
        return protocol == IpPacket.TCP || protocol == IpPacket.UDP || protocol == IpPacket.ICMPV6;
    }

    /** UDP over IPv4 may carry no checksum (0): then none is kept. */
    public static boolean checksumAbsent(MemorySegment s, long l4, int protocol, boolean v6) {
        return protocol == IpPacket.UDP && !v6 && Be.u16(s, l4 + 6) == 0;
    }

    public static void setSourcePort(MemorySegment s, long l4, int port) {
        Be.u16(s, l4, port);
    }

    public static void setDestinationPort(MemorySegment s, long l4, int port) {
        Be.u16(s, l4 + 2, port);
    }
}

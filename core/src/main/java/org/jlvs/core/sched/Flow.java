package org.jlvs.core.sched;

import org.jlvs.core.model.IpAddress;

/**
 * What a scheduler sees of a new connection's first packet: protocol, source (the client) and
 * destination, as primitives. Mutable and reused by each data-plane thread so that scheduling
 * allocates nothing.
 */
public final class Flow {
    public static final int IPPROTO_ICMP = 1;
    public static final int IPPROTO_TCP = 6;
    public static final int IPPROTO_UDP = 17;
    public static final int IPPROTO_ICMPV6 = 58;
    public static final int IPPROTO_SCTP = 132;

    /** IP protocol number of the packet (tcp, udp, sctp, or icmp for ICMP-driven scheduling). */
    public int protocol = IPPROTO_TCP;
    public boolean v6;
    public long srcHi;
    public long srcLo;
    public int srcPort;
    public long dstHi;
    public long dstLo;
    public int dstPort;

    public Flow set(int protocol, IpAddress src, int srcPort, IpAddress dst, int dstPort) {
        this.protocol = protocol;
        this.v6 = src.isV6();
        this.srcHi = src.hi();
        this.srcLo = src.lo();
        this.srcPort = srcPort;
        this.dstHi = dst.hi();
        this.dstLo = dst.lo();
        this.dstPort = dstPort;
        return this;
    }

    /** The client address folded to 32 bits. */
    public int srcFold() {
        return IpAddress.fold(v6, srcHi, srcLo);
    }

    /** The packet's destination address folded to 32 bits. */
    public int dstFold() {
        return IpAddress.fold(v6, dstHi, dstLo);
    }

    /** The client port as sh-port/mh-port hash it: the source port for TCP, UDP and SCTP, else 0. */
    public int hashPort() {
        return switch (protocol) {
            case IPPROTO_TCP, IPPROTO_UDP, IPPROTO_SCTP -> srcPort;
            default -> 0;
        };
    }

    public IpAddress src() {
        return IpAddress.of(v6, srcHi, srcLo);
    }

    public IpAddress dst() {
        return IpAddress.of(v6, dstHi, dstLo);
    }
}

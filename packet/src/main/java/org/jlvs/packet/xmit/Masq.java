package org.jlvs.packet.xmit;

import java.lang.foreign.MemorySegment;

import org.jlvs.packet.csum.Checksum;
import org.jlvs.packet.hdr.Be;
import org.jlvs.packet.hdr.IpPacket;
import org.jlvs.packet.hdr.Transport;

/**
 * LVS-NAT rewrites in place (as ip_vs_nat_xmit and ip_vs_nat_icmp): the destination of a
 * client's packet becomes RIP:rport, the source of a realserver's reply becomes VIP:vport, and
 * ICMP errors get the same change in their outer header and in the packet they quote. Checksums
 * are updated incrementally; an ICMP message's is summed again, since its quote changed.
 */
public final class Masq {
    private Masq() {
    }

    /** Client to realserver: destination VIP:vport becomes RIP:rport. */
    public static void toRealserver(IpPacket p, long rHi, long rLo, int rport) {
        setAddress(p, false, rHi, rLo);
        setPort(p, false, rport);
    }

    /** Realserver to client: source RIP:rport becomes VIP:vport. */
    public static void toClient(IpPacket p, long vHi, long vLo, int vport) {
        setAddress(p, true, vHi, vLo);
        setPort(p, true, vport);
    }

    /**
     * An ICMP error about a reply (it quotes VIP:vport to the client) sent to the VIP: it goes
     * to RIP, quoting RIP:rport as the source.
     */
    public static void icmpToRealserver(IpPacket outer, IpPacket quote, long rHi, long rLo, int rport) {
        setAddress(outer, false, rHi, rLo);
        setQuoted(quote, true, rHi, rLo, rport);
        resumIcmp(outer);
    }

    /** A realserver's ICMP error about a client's packet: from the VIP, quoting VIP:vport as the destination. */
    public static void icmpToClient(IpPacket outer, IpPacket quote, long vHi, long vLo, int vport) {
        setAddress(outer, true, vHi, vLo);
        setQuoted(quote, false, vHi, vLo, vport);
        resumIcmp(outer);
    }

    private static void setAddress(IpPacket p, boolean source, long hi, long lo) {
        MemorySegment s = p.seg;
        long l4 = p.l4();
        int csumOff = Transport.checksumOffset(p.protocol);
        boolean fixL4 = csumOff >= 0 && Transport.coversAddresses(p.protocol)
                && !Transport.checksumAbsent(s, l4, p.protocol, p.v6);
        long at = l4 + csumOff;
        if (!p.v6) {
            int from = (int) (source ? p.srcLo : p.dstLo);
            int to = (int) lo;
            if (source) {
                p.ip4.setSource(to);
            } else {
                p.ip4.setDestination(to);
            }
            if (fixL4) {
                Checksum.patch32(s, at, from, to);
                keepUdpNonZero(p, at);
            }
        } else {
            long fromHi = source ? p.srcHi : p.dstHi;
            long fromLo = source ? p.srcLo : p.dstLo;
            if (source) {
                p.ip6.setSource(hi, lo);
            } else {
                p.ip6.setDestination(hi, lo);
            }
            if (fixL4) {
                Checksum.patch128(s, at, fromHi, fromLo, hi, lo);
                keepUdpNonZero(p, at);
            }
        }
        if (source) {
            p.srcHi = hi;
            p.srcLo = lo;
        } else {
            p.dstHi = hi;
            p.dstLo = lo;
        }
    }

    private static void setPort(IpPacket p, boolean source, int port) {
        if (p.protocol != IpPacket.TCP && p.protocol != IpPacket.UDP) {
            return;
        }
        MemorySegment s = p.seg;
        long l4 = p.l4();
        int from = source ? p.srcPort : p.dstPort;
        if (from == port) {
            return;
        }
        if (!Transport.checksumAbsent(s, l4, p.protocol, p.v6)) {
            long at = l4 + Transport.checksumOffset(p.protocol);
            Checksum.patch16(s, at, from, port);
            keepUdpNonZero(p, at);
        }
        if (source) {
            Transport.setSourcePort(s, l4, port);
            p.srcPort = port;
        } else {
            Transport.setDestinationPort(s, l4, port);
            p.dstPort = port;
        }
    }

    /** A UDP checksum that comes out 0 is sent as 0xFFFF (0 means "none"). */
    private static void keepUdpNonZero(IpPacket p, long at) {
        if (p.protocol == IpPacket.UDP && Be.u16(p.seg, at) == 0) {
            Be.u16(p.seg, at, 0xFFFF);
        }
    }

    /** The quoted packet's address and port (its transport checksum, possibly cut off, is left as IPVS does). */
    private static void setQuoted(IpPacket q, boolean source, long hi, long lo, int port) {
        if (!q.v6) {
            if (source) {
                q.ip4.setSource((int) lo);
            } else {
                q.ip4.setDestination((int) lo);
            }
        } else if (source) {
            q.ip6.setSource(hi, lo);
        } else {
            q.ip6.setDestination(hi, lo);
        }
        if (q.protocol == IpPacket.TCP || q.protocol == IpPacket.UDP) {
            if (source) {
                Transport.setSourcePort(q.seg, q.l4(), port);
            } else {
                Transport.setDestinationPort(q.seg, q.l4(), port);
            }
        }
    }

    /** Sums an ICMP or ICMPv6 message again (with the IPv6 pseudo-header). */
    static void resumIcmp(IpPacket p) {
        MemorySegment s = p.seg;
        long l4 = p.l4();
        int len = p.l4Length();
        Be.u16(s, l4 + 2, 0);
        long sum = Checksum.sum(s, l4, len, 0);
        if (p.v6) {
            sum = Checksum.addAddress(sum, p.srcHi, p.srcLo);
            sum = Checksum.addAddress(sum, p.dstHi, p.dstLo);
            sum += len + IpPacket.ICMPV6;
        }
        Be.u16(s, l4 + 2, Checksum.finish(sum));
    }
}

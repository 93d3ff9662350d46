package org.jlvs.packet.hdr;

import java.lang.foreign.MemorySegment;

import org.jlvs.packet.Count;

/**
 * A packet parsed in place: family, addresses, protocol, where the transport header starts and,
 * for TCP, UDP and ICMP, the fields the director needs. {@link #parse} checks every length before
 * it reads a field and says why a packet is unusable; the fields are valid only after it
 * returned null. One instance per worker thread, reused for every packet.
 */
public final class IpPacket {
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMP = 1;
    public static final int ICMPV6 = 58;

    public final Ipv4Header ip4 = new Ipv4Header();
    public final Ipv6Header ip6 = new Ipv6Header();

    public MemorySegment seg;
    /** Where the IP header starts in {@link #seg}. */
    public long base;
    /** The IP packet's length (its total length; for a quote, the bytes there). */
    public int length;
    public boolean v6;
    public long srcHi;
    public long srcLo;
    public long dstHi;
    public long dstLo;
    public int protocol;
    /** Offset of the transport header from {@link #base}. */
    public int l4Offset;
    public boolean fragment;
    public boolean dontFragment;
    public int srcPort;
    public int dstPort;
    public int tcpFlags;
    public int icmpType;
    public int icmpCode;

    /**
     * Parses the packet of {@code avail} bytes at {@code off}. A {@code quoted} packet (inside an
     * ICMP error) may be cut short; only its first 8 transport bytes are needed. Returns null when
     * usable, else the reason to drop it.
     */
    public Count parse(MemorySegment s, long off, int avail, boolean quoted) {
        this.seg = s;
        this.base = off;
        if (avail < 1) {
            return Count.DROP_TRUNCATED_IP;
        }
        int version = Be.u8(s, off) >>> 4;
        if (version == 4) {
            if (!ip4.wrap(s, off, avail, quoted)) {
                return avail < Ipv4Header.MIN_LENGTH ? Count.DROP_TRUNCATED_IP : Count.DROP_BAD_IP_HEADER;
            }
            v6 = false;
            srcHi = 0;
            srcLo = ip4.source() & 0xFFFF_FFFFL;
            dstHi = 0;
            dstLo = ip4.destination() & 0xFFFF_FFFFL;
            protocol = ip4.protocol();
            l4Offset = ip4.headerLength();
            length = quoted ? avail : ip4.totalLength();
            fragment = ip4.isFragment();
            dontFragment = ip4.dontFragment();
        } else if (version == 6) {
            if (!ip6.wrap(s, off, avail, quoted)) {
                return avail < Ipv6Header.LENGTH ? Count.DROP_TRUNCATED_IP : Count.DROP_BAD_IP_HEADER;
            }
            v6 = true;
            srcHi = ip6.sourceHi();
            srcLo = ip6.sourceLo();
            dstHi = ip6.destinationHi();
            dstLo = ip6.destinationLo();
            protocol = ip6.upperProtocol();
            l4Offset = ip6.upperOffset();
            length = quoted ? avail : ip6.totalLength();
            fragment = ip6.isFragment();
            dontFragment = true; // IPv6 routers never fragment
        } else {
            return Count.DROP_BAD_IP_HEADER;
        }
        srcPort = 0;
        dstPort = 0;
        tcpFlags = 0;
        icmpType = -1;
        icmpCode = -1;
        if (fragment && (!v6 && (ip4.fragmentField() & Ipv4Header.OFFSET_MASK) != 0 || !quoted)) {
            return Count.DROP_STRAY_FRAGMENT;
        }
        int l4len = length - l4Offset;
        long l4 = off + l4Offset;
        switch (protocol) {
            case TCP -> {
                if (l4len < (quoted ? 8 : 20)) {
                    return Count.DROP_TRUNCATED_L4;
                }
                srcPort = Be.u16(s, l4);
                dstPort = Be.u16(s, l4 + 2);
                if (!quoted) {
                    int doff = (Be.u8(s, l4 + 12) >>> 4) * 4;
                    if (doff < 20 || doff > l4len) {
                        return Count.DROP_BAD_L4_HEADER;
                    }
                    tcpFlags = Be.u8(s, l4 + 13);
                }
            }
            case UDP -> {
                if (l4len < 8) {
                    return Count.DROP_TRUNCATED_L4;
                }
                srcPort = Be.u16(s, l4);
                dstPort = Be.u16(s, l4 + 2);
                int ulen = Be.u16(s, l4 + 4);
                if (!quoted && (ulen < 8 || ulen > l4len)) {
                    return Count.DROP_BAD_L4_HEADER;
                }
            }
            case ICMP, ICMPV6 -> {
                if (l4len < 8) {
                    return Count.DROP_TRUNCATED_L4;
                }
                icmpType = Be.u8(s, l4);
                icmpCode = Be.u8(s, l4 + 1);
            }
            default -> {
            }
        }
        return null;
    }

    /** Absolute offset of the transport header in {@link #seg}. */
    public long l4() {
        return base + l4Offset;
    }

    /** Bytes from the transport header to the end of the packet. */
    public int l4Length() {
        return length - l4Offset;
    }

    /** An ICMP or ICMPv6 error (it quotes the packet that caused it). */
    public boolean isIcmpError() {
        if (protocol == ICMP && !v6) {
            return icmpType == 3 || icmpType == 4 || icmpType == 11 || icmpType == 12;
        }
        return protocol == ICMPV6 && v6 && icmpType >= 1 && icmpType <= 4;
    }

    public boolean isSyn() {
        return (tcpFlags & 0x02) != 0 && (tcpFlags & 0x04) == 0;
    }
}

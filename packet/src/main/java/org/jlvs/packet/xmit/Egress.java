package org.jlvs.packet.xmit;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.TunnelType;
import org.jlvs.core.tunable.Tunables;
import org.jlvs.packet.Count;
import org.jlvs.packet.Counters;
import org.jlvs.packet.csum.Checksum;
import org.jlvs.packet.hdr.Be;
import org.jlvs.packet.hdr.IpPacket;
import org.jlvs.sys.libc.MsgVec;
import org.jlvs.sys.libc.SockAddr;
import org.jlvs.sys.libc.Sockets;
import org.jlvs.sys.packet.PacketSocket;
import org.jlvs.sys.raw.RawSocket;

/**
 * One worker's ways out for LVS-DR and LVS-TUN (as ip_vs_dr_xmit and ip_vs_tunnel_xmit): the
 * unchanged packet in a frame to the realserver's MAC (AF_PACKET), or inside an outer header to
 * its address (raw sockets of protocol 4 or 41, one per outer and inner family; GRE through a
 * raw socket of protocol 47 and GUE through UDP sockets, their header a second iovec). Sends are
 * queued and go out in one sendmmsg per socket per batch. A packet too big for the inside MTU
 * gets fragmentation-needed / packet-too-big when it may not be fragmented, else is fragmented
 * (DR) or left for the tunnel socket to fragment (TUN).
 */
public final class Egress implements AutoCloseable {
    private static final int IPPROTO_GRE = 47;
    private static final int ETH_P_IP = 0x0800;
    private static final int ETH_P_IPV6 = 0x86DD;
    private static final int SO_NO_CHECK = 11;
    private static final int UDP_NO_CHECK6_TX = 101;
    /** The longest GRE or GUE header written before a packet. */
    private static final int MAX_ENCAP = 16;

    private final EgressTable table;
    private final long[] counts;
    private final Tunables tunables;
    private final Arena arena = Arena.ofShared();
    private final PacketSocket frames;
    private final MsgVec frameBatch;
    /** Tunnel sockets by [outer v6][inner v6]. */
    private final RawSocket[][] tunnels = new RawSocket[2][2];
    private final MsgVec[][] tunnelBatches = new MsgVec[2][2];
    /** GRE tunnels by outer v6: the kernel writes the outer header, we the GRE header. */
    private final RawSocket[] gre = new RawSocket[2];
    private final MsgVec[] greBatches = new MsgVec[2];
    /** GUE tunnels by [outer v6][with UDP checksum]: UDP sockets, we write the GUE header. */
    private final int[][] gue = new int[2][2];
    private final MsgVec[][] gueBatches = new MsgVec[2][2];
    private final RawSocket icmp4;
    private final RawSocket icmp6;
    private final MemorySegment scratch;
    private final MemorySegment client4;
    private final MemorySegment client6;
    private final Fragmenter fragmenter;

    public Egress(EgressTable table, long[] counts, Tunables tunables, int batch) {
        this.table = table;
        this.counts = counts;
        this.tunables = tunables;
        this.frames = PacketSocket.open();
        this.frameBatch = MsgVec.forSend(arena, batch);
        for (int outer = 0; outer < 2; outer++) {
            for (int inner = 0; inner < 2; inner++) {
                tunnels[outer][inner] = RawSocket.ofProtocol(outer == 1, inner == 1 ? RawSocket.IPPROTO_IPV6 : RawSocket.IPPROTO_IPIP);
                tunnelBatches[outer][inner] = MsgVec.forSend(arena, batch);
            }
        }
        for (int outer = 0; outer < 2; outer++) {
            gre[outer] = RawSocket.ofProtocol(outer == 1, IPPROTO_GRE);
            greBatches[outer] = MsgVec.forSendWithHeader(arena, batch, MAX_ENCAP);
            for (int csum = 0; csum < 2; csum++) {
                gue[outer][csum] = udpSocket(outer == 1, csum == 1);
                gueBatches[outer][csum] = MsgVec.forSendWithHeader(arena, batch, MAX_ENCAP);
            }
        }
        this.icmp4 = RawSocket.headerIncluded(false);
        this.icmp6 = RawSocket.headerIncluded(true);
        this.scratch = arena.allocate(256 * 1024, 16);
        this.client4 = arena.allocate(16, 8);
        this.client6 = arena.allocate(28, 8);
        this.fragmenter = new Fragmenter(scratch.asSlice(128 * 1024), 128);
    }

    /** LVS-DR: the packet, unchanged, to the realserver's MAC. Returns true when it went (or will go) out. */
    public boolean route(IpPacket p, Destination d) {
        EgressTable.Route r = table.get(d);
        if (r == null || !r.hasLink()) {
            table.missedNeighbour();
            Counters.add(counts, Count.DROP_NO_NEIGHBOUR);
            return false;
        }
        int mtu = table.mtu();
        if (p.length > mtu) {
            if (!p.v6 && p.dontFragment && tunables.pmtuDisc != 0) {
                tooBig(p, mtu);
                return false;
            }
            if (!fragmenter.fragment(p, mtu)) {
                Counters.add(counts, Count.DROP_TOO_BIG);
                return false;
            }
            for (int i = 0; i < fragmenter.count(); i++) {
                if (frames.send(r.link, fragmenter.buffer(), fragmenter.offset(i), fragmenter.length(i)) < 0) {
                    Counters.add(counts, Count.DROP_SEND_FAILED);
                }
            }
            Counters.add(counts, Count.FRAGMENTED);
            Counters.add(counts, Count.DR);
            return true;
        }
        frameBatch.add(r.link, p.seg, p.base, p.length);
        Counters.add(counts, Count.DR);
        return true;
    }

    /**
     * LVS-TUN: the packet inside an outer header from us to the realserver: IPIP (or IPv6 in
     * IPv6), or as the destination's --tun-type asks, GRE or GUE (ip_vs_tunnel_xmit's
     * ipvs_gre_encap and ipvs_gue_encap).
     */
    public boolean tunnel(IpPacket p, Destination d) {
        EgressTable.Route r = table.get(d);
        if (r == null) {
            Counters.add(counts, Count.DROP_NO_NEIGHBOUR);
            return false;
        }
        TunnelType type = d.tunnelType();
        // the kernel checksums GRE for csum, GUE's UDP for csum or remcsum (whose option it adds
        // only to packets with a partial checksum, which forwarded packets do not have)
        int flags = d.tunnelFlags();
        boolean csum = (flags & Destination.TUN_F_CSUM) != 0
                || (type == TunnelType.GUE && (flags & Destination.TUN_F_REMCSUM) != 0);
        int encapLen = switch (type) {
            case GRE -> csum ? 8 : 4;
            case GUE -> r.gue == null ? 0 : 8 + 4;
            default -> 0;
        };
        int overhead = (r.v6 ? 40 : 20) + encapLen;
        int mtu = table.mtu();
        if (p.length + overhead > mtu) {
            // IPv4 with DF, or an IPv6 packet that came whole over a link like ours: the client
            // must send smaller; a reassembled datagram is left to the tunnel socket to fragment
            boolean mustNotFragment = p.v6 ? p.length <= mtu : p.dontFragment && tunables.pmtuDisc != 0;
            if (mustNotFragment) {
                tooBig(p, Math.max(p.v6 ? 1280 : 68, mtu - overhead));
                return false;
            }
        }
        if (type == TunnelType.GRE) {
            queueGre(r, p, csum);
        } else if (type == TunnelType.GUE && r.gue != null) {
            queueGue(r, p, csum);
        } else {
            tunnelBatches[r.v6 ? 1 : 0][p.v6 ? 1 : 0].add(r.inet, p.seg, p.base, p.length);
        }
        Counters.add(counts, Count.TUN);
        return true;
    }

    /** GRE (RFC 2784): flags and version 0, or the C bit and a checksum over header and packet; then the packet. */
    private void queueGre(EgressTable.Route r, IpPacket p, boolean csum) {
        MsgVec batch = greBatches[r.v6 ? 1 : 0];
        MemorySegment h = batch.nextHeader();
        int hl = csum ? 8 : 4;
        Be.u16(h, 0, csum ? 0x8000 : 0);
        Be.u16(h, 2, p.v6 ? ETH_P_IPV6 : ETH_P_IP);
        if (csum) {
            Be.i32(h, 4, 0);
            // the header's 8 bytes are 16-bit aligned, so the two sums simply add
            long sum = Checksum.sum(h, 0, hl, Checksum.sum(p.seg, p.base, p.length, 0));
            Be.u16(h, 4, Checksum.finish(sum));
        }
        batch.add(r.inet, hl, p.seg, p.base, p.length);
    }

    /**
     * GUE (draft-ietf-intarea-gue): a 4-byte header, version 0, no options, the inner protocol
     * (4 or 41) in proto/ctype, in a UDP datagram to the destination's tunnel port; the UDP
     * checksum only with --tun-csum, as the kernel sends it.
     */
    private void queueGue(EgressTable.Route r, IpPacket p, boolean csum) {
        MsgVec batch = gueBatches[r.v6 ? 1 : 0][csum ? 1 : 0];
        MemorySegment h = batch.nextHeader();
        Be.i32(h, 0, 0);
        Be.u8(h, 1, p.v6 ? RawSocket.IPPROTO_IPV6 : RawSocket.IPPROTO_IPIP);
        batch.add(r.gue, 4, p.seg, p.base, p.length);
    }

    private static int udpSocket(boolean v6, boolean checksum) {
        int fd = Sockets.socket(v6 ? Sockets.AF_INET6 : Sockets.AF_INET, Sockets.SOCK_DGRAM | Sockets.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new IllegalStateException("udp socket: " + org.jlvs.sys.libc.Errno.describe(fd));
        }
        Sockets.setsockopt(fd, Sockets.SOL_SOCKET, Sockets.SO_SNDBUF, 4 << 20);
        if (v6) {
            Sockets.setsockopt(fd, Sockets.IPPROTO_IPV6, Sockets.IPV6_MTU_DISCOVER, Sockets.IPV6_PMTUDISC_DONT);
            if (!checksum) {
                Sockets.setsockopt(fd, Sockets.IPPROTO_UDP, UDP_NO_CHECK6_TX, 1);
            }
        } else {
            Sockets.setsockopt(fd, Sockets.IPPROTO_IP, Sockets.IP_MTU_DISCOVER, Sockets.IP_PMTUDISC_DONT);
            if (!checksum) {
                Sockets.setsockopt(fd, Sockets.SOL_SOCKET, SO_NO_CHECK, 1);
            }
        }
        return fd;
    }

    private void tooBig(IpPacket p, int nextHopMtu) {
        int len = IcmpTooBig.build(p, nextHopMtu, scratch);
        int rc;
        if (p.v6) {
            SockAddr.setInet6(client6, p.srcHi, p.srcLo, 0);
            rc = icmp6.send(client6, scratch, 0, len);
        } else {
            SockAddr.setInet4(client4, (int) p.srcLo, 0);
            rc = icmp4.send(client4, scratch, 0, len);
        }
        Counters.add(counts, rc < 0 ? Count.DROP_SEND_FAILED : Count.FRAG_NEEDED_SENT);
    }

    /** Sends every queued packet (before the batch's verdicts, which free their buffers). */
    public void flush() {
        int failed = 0;
        if (frameBatch.count() > 0) {
            failed += frames.flush(frameBatch);
        }
        for (int outer = 0; outer < 2; outer++) {
            for (int inner = 0; inner < 2; inner++) {
                if (tunnelBatches[outer][inner].count() > 0) {
                    failed += tunnels[outer][inner].flush(tunnelBatches[outer][inner]);
                }
            }
            if (greBatches[outer].count() > 0) {
                failed += gre[outer].flush(greBatches[outer]);
            }
            for (int csum = 0; csum < 2; csum++) {
                if (gueBatches[outer][csum].count() > 0) {
                    failed += gueBatches[outer][csum].flush(gue[outer][csum]);
                }
            }
        }
        for (int i = 0; i < failed; i++) {
            Counters.add(counts, Count.DROP_SEND_FAILED);
        }
    }

    @Override
    public void close() {
        frames.close();
        for (int outer = 0; outer < 2; outer++) {
            gre[outer].close();
            for (int fd : gue[outer]) {
                Sockets.close(fd);
            }
        }
        for (RawSocket[] row : tunnels) {
            for (RawSocket s : row) {
                s.close();
            }
        }
        icmp4.close();
        icmp6.close();
        arena.close();
    }
}

package org.jlvs.packet.xmit;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.jlvs.core.model.Destination;
import org.jlvs.core.tunable.Tunables;
import org.jlvs.packet.Count;
import org.jlvs.packet.Counters;
import org.jlvs.packet.hdr.IpPacket;
import org.jlvs.sys.libc.MsgVec;
import org.jlvs.sys.libc.SockAddr;
import org.jlvs.sys.packet.PacketSocket;
import org.jlvs.sys.raw.RawSocket;

/**
 * One worker's ways out for LVS-DR and LVS-TUN (as ip_vs_dr_xmit and ip_vs_tunnel_xmit): the
 * unchanged packet in a frame to the realserver's MAC (AF_PACKET), or inside an outer header to
 * its address (raw sockets of protocol 4 or 41, one per outer and inner family). Sends are
 * queued and go out in one sendmmsg per socket per batch. A packet too big for the inside MTU
 * gets fragmentation-needed / packet-too-big when it may not be fragmented, else is fragmented
 * (DR) or left for the tunnel socket to fragment (TUN).
 */
public final class Egress implements AutoCloseable {
    private final EgressTable table;
    private final long[] counts;
    private final Tunables tunables;
    private final Arena arena = Arena.ofShared();
    private final PacketSocket frames;
    private final MsgVec frameBatch;
    /** Tunnel sockets by [outer v6][inner v6]. */
    private final RawSocket[][] tunnels = new RawSocket[2][2];
    private final MsgVec[][] tunnelBatches = new MsgVec[2][2];
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

    /** LVS-TUN: the packet inside an outer header from us to the realserver. */
    public boolean tunnel(IpPacket p, Destination d) {
        EgressTable.Route r = table.get(d);
        if (r == null) {
            Counters.add(counts, Count.DROP_NO_NEIGHBOUR);
            return false;
        }
        int overhead = r.v6 ? 40 : 20;
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
        tunnelBatches[r.v6 ? 1 : 0][p.v6 ? 1 : 0].add(r.inet, p.seg, p.base, p.length);
        Counters.add(counts, Count.TUN);
        return true;
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
        }
        for (int i = 0; i < failed; i++) {
            Counters.add(counts, Count.DROP_SEND_FAILED);
        }
    }

    @Override
    public void close() {
        frames.close();
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

package org.jlvs.packet;

import java.lang.foreign.MemorySegment;

import org.jlvs.core.conn.Conn;
import org.jlvs.core.conn.ConnFlags;
import org.jlvs.core.conn.ConnScheduler;
import org.jlvs.core.conn.ConnTable;
import org.jlvs.core.conn.TcpState;
import org.jlvs.core.conn.TcpTransitions;
import org.jlvs.core.model.Destination;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.VirtualService;
import org.jlvs.core.sched.Flow;
import org.jlvs.core.table.IpvsTable;
import org.jlvs.core.tunable.Tunables;
import org.jlvs.packet.hdr.IpPacket;
import org.jlvs.packet.xmit.Egress;
import org.jlvs.packet.xmit.Masq;

/**
 * What the director does with one queued packet, as the kernel's ip_vs_in / ip_vs_out: a
 * client's packet to a virtual service finds its connection or, if it is a SYN (any UDP
 * datagram), gets one from persistence and the scheduler; it then goes out by the connection's
 * method. A NAT realserver's reply gets its source rewritten back. ICMP errors follow the
 * connection of the packet they quote. Everything else is passed on or dropped, and counted.
 * One per worker thread; allocates only the connection entries it creates.
 */
public final class PacketHandler {
    /** Accept the packet as it came. */
    public static final int ACCEPT = -1;
    /** Drop it (a bad packet, or one we sent on ourselves). */
    public static final int DROP = -2;

    static final int FWD_MASQ = 0;
    static final int FWD_LOCAL = 1;
    static final int FWD_TUNNEL = 2;
    static final int FWD_ROUTE = 3;

    private final IpvsTable table;
    private final ConnTable conns;
    private final Tunables tunables;
    private final ConnScheduler scheduler;
    private final Egress egress;
    private final long[] counts;
    private final Flow flow = new Flow();
    private final IpPacket pkt = new IpPacket();
    private final IpPacket quote = new IpPacket();
    private volatile boolean draining;

    public PacketHandler(IpvsTable table, Egress egress, long[] counts) {
        this.table = table;
        this.conns = table.conns();
        this.tunables = table.tunables();
        this.scheduler = new ConnScheduler(conns);
        this.egress = egress;
        this.counts = counts;
    }

    /** From now on new connections are not scheduled (stopping: existing ones finish). */
    public void drain() {
        draining = true;
    }

    /**
     * Handles {@code len} bytes at {@code off}; {@code reply} for NAT return traffic (queued
     * after routing). Returns {@link #ACCEPT}, {@link #DROP}, or the length of the packet as
     * rewritten in place, to be accepted.
     */
    public int handle(MemorySegment buf, long off, int len, boolean reply, int mark) {
        Counters.add(counts, Count.RECEIVED);
        Count bad = pkt.parse(buf, off, len, false);
        if (bad != null) {
            return count(bad, DROP);
        }
        return reply ? outbound() : inbound(mark);
    }

    private int count(Count c, int verdict) {
        Counters.add(counts, c);
        return verdict;
    }

    // ------------------------------------------------------------------ client to director

    private int inbound(int mark) {
        switch (pkt.protocol) {
            case IpPacket.TCP, IpPacket.UDP -> {
                return inboundTransport(mark);
            }
            case IpPacket.ICMP, IpPacket.ICMPV6 -> {
                return pkt.isIcmpError() ? inboundIcmp() : count(Count.PASSED_ICMP_INFO, ACCEPT);
            }
            default -> {
                return count(Count.PASSED_OTHER_PROTOCOL, ACCEPT);
            }
        }
    }

    private int inboundTransport(int mark) {
        IpPacket p = pkt;
        Conn c = conns.lookupIn(p.protocol, p.v6, p.srcHi, p.srcLo, p.srcPort, p.dstHi, p.dstLo, p.dstPort);
        if (c != null && p.protocol == IpPacket.TCP && p.isSyn() && (p.tcpFlags & 0x10) == 0 && reusable(c)) {
            // conn_reuse_mode: a new SYN on a closing entry starts a new connection
            conns.expireNow(c);
            c = null;
        }
        if (c != null) {
            Destination d = c.dest();
            if (!d.available()) {
                if (tunables.expireNodestConn != 0) {
                    conns.expireNow(c);
                }
                return count(Count.DROP_DEST_GONE, DROP);
            }
        } else {
            VirtualService svc = mark != 0 ? table.lookupFwmark(mark, p.v6) : null;
            if (svc == null) {
                svc = table.lookup(p.protocol, p.v6, p.dstHi, p.dstLo, p.dstPort);
            }
            if (svc == null) {
                return count(Count.PASSED_NOT_OURS, ACCEPT);
            }
            if (p.protocol == IpPacket.TCP && !p.isSyn() && tunables.sloppyTcp == 0) {
                // as the kernel: the local stack answers it (a RST), nothing is scheduled
                return count(Count.PASSED_NOT_SYN, ACCEPT);
            }
            if (draining) {
                return count(Count.DROP_NO_DEST, DROP);
            }
            fillFlow(p);
            c = scheduler.schedule(svc, flow);
            if (c == null) {
                return count(Count.DROP_NO_DEST, DROP);
            }
            Counters.add(counts, Count.SCHEDULED);
        }
        if (!conns.packet(c, TcpTransitions.DIR_INPUT, p.tcpFlags, p.length)) {
            return count(Count.DROP_CONN_EXPIRED, DROP);
        }
        int verdict = forward(c, p, false);
        if (c.isOnePacket()) {
            conns.expireNow(c);
        }
        return verdict;
    }

    private boolean reusable(Conn c) {
        if (tunables.connReuseMode == 0) {
            return false;
        }
        int s = c.state();
        return s == TcpState.TIME_WAIT.ordinal() || s == TcpState.CLOSE.ordinal()
                || ((tunables.connReuseMode & 2) != 0 && s == TcpState.FIN_WAIT.ordinal()
                && (c.flags() & ConnFlags.FWD_MASK) != FWD_MASQ);
    }

    private void fillFlow(IpPacket p) {
        flow.protocol = p.protocol;
        flow.v6 = p.v6;
        flow.srcHi = p.srcHi;
        flow.srcLo = p.srcLo;
        flow.srcPort = p.srcPort;
        flow.dstHi = p.dstHi;
        flow.dstLo = p.dstLo;
        flow.dstPort = p.dstPort;
    }

    /** Sends {@code p} (or the ICMP error quoting {@code q}) on by {@code c}'s method. */
    private int forward(Conn c, IpPacket p, boolean icmp) {
        Destination d = c.dest();
        if (d == null) {
            return count(Count.DROP_NO_DEST, DROP);
        }
        switch (c.flags() & ConnFlags.FWD_MASK) {
            case FWD_MASQ -> {
                IpAddress r = d.address();
                if (r.isV6() != p.v6) {
                    return count(Count.DROP_NO_DEST, DROP);
                }
                if (icmp) {
                    Masq.icmpToRealserver(p, quote, r.hi(), r.lo(), c.destPort());
                    Counters.add(counts, Count.ICMP_IN);
                } else {
                    Masq.toRealserver(p, r.hi(), r.lo(), c.destPort());
                    Counters.add(counts, Count.NAT_IN);
                }
                return p.length;
            }
            case FWD_ROUTE -> {
                egress.route(p, d);
                return DROP;
            }
            case FWD_TUNNEL -> {
                egress.tunnel(p, d);
                return DROP;
            }
            default -> {
                return ACCEPT; // the director itself serves it
            }
        }
    }

    /** An ICMP error to a VIP about a reply (it quotes VIP:vport to the client). */
    private int inboundIcmp() {
        IpPacket p = pkt;
        Count bad = quote.parse(p.seg, p.l4() + 8, p.l4Length() - 8, true);
        if (bad != null || quote.v6 != p.v6) {
            return count(Count.DROP_ICMP_BAD_QUOTE, DROP);
        }
        if (quote.protocol != IpPacket.TCP && quote.protocol != IpPacket.UDP) {
            return count(Count.PASSED_ICMP_NO_CONN, ACCEPT);
        }
        Conn c = conns.lookupIn(quote.protocol, quote.v6, quote.dstHi, quote.dstLo, quote.dstPort,
                quote.srcHi, quote.srcLo, quote.srcPort);
        if (c == null || c.isDead()) {
            return count(Count.PASSED_ICMP_NO_CONN, ACCEPT);
        }
        conns.traffic(c, true, 1, p.length);
        return forward(c, p, true);
    }

    // ------------------------------------------------------------------ realserver to client (NAT)

    private int outbound() {
        IpPacket p = pkt;
        if (p.protocol == IpPacket.TCP || p.protocol == IpPacket.UDP) {
            Conn c = conns.lookupOut(p.protocol, p.v6, p.srcHi, p.srcLo, p.srcPort, p.dstHi, p.dstLo, p.dstPort);
            if (c == null || (c.flags() & ConnFlags.FWD_MASK) != FWD_MASQ) {
                return count(Count.PASSED_REPLY_NO_CONN, ACCEPT);
            }
            if (!conns.packet(c, TcpTransitions.DIR_OUTPUT, p.tcpFlags, p.length)) {
                return count(Count.PASSED_REPLY_NO_CONN, ACCEPT);
            }
            Masq.toClient(p, c.virtualHi(), c.virtualLo(), c.virtualPort());
            Counters.add(counts, Count.NAT_OUT);
            return p.length;
        }
        if ((p.protocol == IpPacket.ICMP || p.protocol == IpPacket.ICMPV6) && p.isIcmpError()) {
            Count bad = quote.parse(p.seg, p.l4() + 8, p.l4Length() - 8, true);
            if (bad != null || quote.v6 != p.v6) {
                return count(Count.DROP_ICMP_BAD_QUOTE, DROP);
            }
            if (quote.protocol != IpPacket.TCP && quote.protocol != IpPacket.UDP) {
                return count(Count.PASSED_ICMP_NO_CONN, ACCEPT);
            }
            // the quote is the client's packet as the realserver got it: CIP:cport to RIP:rport
            Conn c = conns.lookupOut(quote.protocol, quote.v6, quote.dstHi, quote.dstLo, quote.dstPort,
                    quote.srcHi, quote.srcLo, quote.srcPort);
            if (c == null || (c.flags() & ConnFlags.FWD_MASK) != FWD_MASQ) {
                return count(Count.PASSED_ICMP_NO_CONN, ACCEPT);
            }
            conns.traffic(c, false, 1, p.length);
            Masq.icmpToClient(p, quote, c.virtualHi(), c.virtualLo(), c.virtualPort());
            Counters.add(counts, Count.ICMP_OUT);
            return p.length;
        }
        return count(Count.PASSED_OTHER_PROTOCOL, ACCEPT);
    }
}

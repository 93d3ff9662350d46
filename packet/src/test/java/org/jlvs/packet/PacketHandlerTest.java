package org.jlvs.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jlvs.core.conn.Conn;
import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.table.IpvsTable;
import org.jlvs.packet.hdr.Be;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packet path without the kernel: NAT decisions through the real connection table, a
 * parser fuzz (random and mutated packets: nothing may escape, every verdict must be sane),
 * and the allocation rule (an established flow allocates nothing per packet).
 */
class PacketHandlerTest {
    static final IpAddress CIP = IpAddress.parse("203.0.113.10");
    static final IpAddress VIP = IpAddress.parse("192.0.2.100");
    static final IpAddress RIP = IpAddress.parse("198.51.100.11");
    static final IpAddress CIP6 = IpAddress.parse("2001:db8:113::10");
    static final IpAddress VIP6 = IpAddress.parse("2001:db8:2::100");
    static final IpAddress RIP6 = IpAddress.parse("2001:db8:100::11");

    IpvsTable table;
    Counters counters;
    long[] counts;
    PacketHandler handler;
    MemorySegment buf = Arena.ofAuto().allocate(65536);

    @BeforeEach
    void setUp() throws Exception {
        table = new IpvsTable();
        for (IpAddress[] vr : new IpAddress[][] {{VIP, RIP}, {VIP6, RIP6}}) {
            for (Protocol proto : new Protocol[] {Protocol.TCP, Protocol.UDP}) {
                ServiceKey k = ServiceKey.of(proto, vr[0], proto == Protocol.TCP ? 80 : 53);
                table.addService(ServiceConfig.of(k, "rr"));
                table.addDest(k, DestConfig.of(vr[1], proto == Protocol.TCP ? 8080 : 53, Forwarding.MASQ, 1));
            }
        }
        counters = new Counters();
        counts = counters.newWorker();
        handler = new PacketHandler(table, null, counts);
    }

    int handle(MemorySegment pkt, boolean reply) {
        MemorySegment.copy(pkt, 0, buf, 0, pkt.byteSize());
        return handler.handle(buf, 0, (int) pkt.byteSize(), reply, 0);
    }

    @Test
    void onlyASynSchedulesAndRepliesFindTheirConnection() {
        MemorySegment ack = Packets.transport(Packets.TCP, CIP, 40000, VIP, 80, 0x10, 0);
        assertEquals(PacketHandler.ACCEPT, handle(ack, false), "an ACK with no connection goes to the local stack");
        assertEquals(0, table.conns().size());

        MemorySegment syn = Packets.transport(Packets.TCP, CIP, 40000, VIP, 80, 0x02, 0);
        int n = handle(syn, false);
        assertEquals(syn.byteSize(), n);
        assertEquals(RIP.v4(), Be.i32(buf, 16), "rewritten to the realserver");
        assertEquals(8080, Be.u16(buf, 22));
        assertTrue(Packets.checksumsOk(buf.asSlice(0, n)));
        Conn c = table.conns().lookupIn(6, false, 0, CIP.lo(), 40000, 0, VIP.lo(), 80);
        assertEquals("SYN_RECV", c.stateName());

        MemorySegment synAck = Packets.transport(Packets.TCP, RIP, 8080, CIP, 40000, 0x12, 0);
        n = handle(synAck, true);
        assertEquals(VIP.v4(), Be.i32(buf, 12), "the reply comes from the VIP");
        assertEquals(80, Be.u16(buf, 20));
        assertTrue(Packets.checksumsOk(buf.asSlice(0, n)));
        handle(ack, false);
        assertEquals("ESTABLISHED", c.stateName());
        assertEquals(1, table.services()[0].destinations()[0].activeConns());

        MemorySegment stranger = Packets.transport(Packets.TCP, RIP, 8080, CIP, 40001, 0x12, 0);
        assertEquals(PacketHandler.ACCEPT, handle(stranger, true));
        assertEquals(1, counters.get(Count.PASSED_REPLY_NO_CONN));
    }

    @Test
    void udpSchedulesEachNewClientPortAndIcmpFollowsIt() {
        MemorySegment q = Packets.transport(Packets.UDP, CIP6, 5353, VIP6, 53, 0, 12);
        assertTrue(handle(q, false) > 0);
        Conn c = table.conns().lookupIn(17, true, CIP6.hi(), CIP6.lo(), 5353, VIP6.hi(), VIP6.lo(), 53);
        assertEquals("UDP", c.stateName());
        // the realserver's port unreachable about what it got
        MemorySegment got = Packets.transport(Packets.UDP, CIP6, 5353, RIP6, 53, 0, 12);
        MemorySegment err = Packets.icmpError(RIP6, CIP6, 1, 4, got);
        int n = handle(err, true);
        assertTrue(n > 0);
        assertEquals(VIP6.lo(), Be.i64(buf, 16), "the error comes from the VIP");
        assertTrue(Packets.checksumsOk(buf.asSlice(0, n)));
        assertEquals(1, counters.get(Count.ICMP_OUT));
    }

    @Test
    void fuzzedPacketsNeverEscape() {
        Random rnd = new Random(6);
        List<MemorySegment> seeds = new ArrayList<>();
        for (IpAddress[] cv : new IpAddress[][] {{CIP, VIP, RIP}, {CIP6, VIP6, RIP6}}) {
            seeds.add(Packets.transport(Packets.TCP, cv[0], 1234, cv[1], 80, 0x02, 20));
            seeds.add(Packets.transport(Packets.UDP, cv[0], 1234, cv[1], 53, 0, 30));
            seeds.add(Packets.transport(Packets.TCP, cv[2], 8080, cv[0], 1234, 0x12, 0));
            MemorySegment got = Packets.transport(Packets.UDP, cv[0], 1234, cv[2], 53, 0, 8);
            seeds.add(Packets.icmpError(cv[2], cv[0], cv[0].isV6() ? 1 : 3, 3, got));
            MemorySegment sent = Packets.transport(Packets.TCP, cv[1], 80, cv[0], 1234, 0x10, 8);
            seeds.add(Packets.icmpError(IpAddress.parse(cv[0].isV6() ? "2001:db8:2::1" : "192.0.2.1"), cv[1],
                    cv[0].isV6() ? 2 : 3, 4, sent));
        }
        for (int i = 0; i < 300_000; i++) {
            int len;
            if (i % 10 == 0) {
                len = rnd.nextInt(200);
                for (int j = 0; j < len; j++) {
                    Be.u8(buf, j, rnd.nextInt(256));
                }
                if (len > 0) {
                    Be.u8(buf, 0, (rnd.nextBoolean() ? 0x40 : 0x60) | (Be.u8(buf, 0) & 15));
                }
            } else {
                MemorySegment s = seeds.get(rnd.nextInt(seeds.size()));
                MemorySegment.copy(s, 0, buf, 0, s.byteSize());
                len = (int) s.byteSize();
                for (int m = rnd.nextInt(4); m >= 0; m--) {
                    switch (rnd.nextInt(4)) {
                        case 0 -> Be.u8(buf, rnd.nextInt(Math.max(1, len)), rnd.nextInt(256));
                        case 1 -> len = rnd.nextInt(len + 1);
                        case 2 -> Be.u16(buf, rnd.nextInt(Math.max(1, len - 1)), rnd.nextInt(65536));
                        default -> len = Math.min(len + rnd.nextInt(64), 4096);
                    }
                }
            }
            int v = handler.handle(buf, 0, len, rnd.nextInt(3) == 0, rnd.nextInt(8) == 0 ? 1 : 0);
            assertTrue(v == PacketHandler.ACCEPT || v == PacketHandler.DROP || (v > 0 && v <= len),
                    "verdict " + v + " for a packet of " + len);
        }
        assertEquals(0, counters.get(Count.DROP_INTERNAL_ERROR));
        assertTrue(counters.get(Count.DROP_BAD_IP_HEADER) > 0);
        assertTrue(counters.get(Count.DROP_TRUNCATED_L4) + counters.get(Count.DROP_TRUNCATED_IP) > 0);
        assertTrue(counters.get(Count.NAT_IN) > 0 && counters.get(Count.NAT_OUT) > 0);
    }

    @Test
    void anEstablishedFlowAllocatesNothing() {
        MemorySegment syn = Packets.transport(Packets.TCP, CIP, 40000, VIP, 80, 0x02, 0);
        handle(syn, false);
        MemorySegment in = Packets.transport(Packets.TCP, CIP, 40000, VIP, 80, 0x10, 100);
        MemorySegment out = Packets.transport(Packets.TCP, RIP, 8080, CIP, 40000, 0x10, 1000);
        MemorySegment junk = Packets.transport(Packets.TCP, CIP, 40000, VIP, 80, 0x10, 0).asSlice(0, 30);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        long before = 0;
        int rounds = 400_000;
        for (int i = 0; i < rounds; i++) {
            if (i == rounds / 2) {
                before = mx.getThreadAllocatedBytes(tid);
            }
            handle(in, false);
            handle(out, true);
            handle(junk, false);
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        // 600,000 packets; a single allocation per packet would be megabytes
        assertTrue(allocated < 200_000, "allocated " + allocated + " bytes for " + (rounds / 2 * 3) + " packets");
    }

    @Test
    void onePacketSchedulingKeepsNoEntry() throws Exception {
        ServiceKey k = ServiceKey.of(Protocol.UDP, VIP, 9999);
        table.addService(ServiceConfig.of(k, "rr").withFlags(org.jlvs.core.model.SchedFlags.ONEPACKET));
        table.addDest(k, DestConfig.of(RIP, 9999, Forwarding.MASQ, 1));
        table.addDest(k, DestConfig.of(IpAddress.parse("198.51.100.12"), 9999, Forwarding.MASQ, 1));
        MemorySegment d = Packets.transport(Packets.UDP, CIP, 7777, VIP, 9999, 0, 4);
        int first = 0;
        for (int i = 0; i < 4; i++) {
            assertTrue(handle(d, false) > 0);
            int rip = Be.i32(buf, 16);
            if (i == 0) {
                first = rip;
            } else {
                // --ops: every datagram of the same flow is scheduled anew (rr alternates)
                assertEquals(i % 2 == 0, rip == first, "datagram " + i);
            }
        }
        assertEquals(0, table.conns().size(), "one-packet entries are never kept");
        assertEquals(4, counters.get(Count.SCHEDULED));
    }

    @Test
    void persistenceTemplatesComeFirst() throws Exception {
        ServiceKey k = ServiceKey.of(Protocol.TCP, VIP, 443);
        table.addService(ServiceConfig.of(k, "rr").withPersistence(60, -1));
        table.addDest(k, DestConfig.of(RIP, 443, Forwarding.MASQ, 1));
        table.addDest(k, DestConfig.of(IpAddress.parse("198.51.100.12"), 443, Forwarding.MASQ, 1));
        int first = 0;
        for (int port = 40000; port < 40006; port++) {
            assertTrue(handle(Packets.transport(Packets.TCP, CIP, port, VIP, 443, 0x02, 0), false) > 0);
            if (port == 40000) {
                first = Be.i32(buf, 16);
            }
            assertEquals(first, Be.i32(buf, 16), "a persistent client stays on its realserver");
        }
        assertEquals(7, table.conns().size(), "six connections and their template");
    }
}

package org.jlvs.core.conn;

import static org.jlvs.core.conn.TcpTransitions.DIR_INPUT;
import static org.jlvs.core.conn.TcpTransitions.DIR_OUTPUT;
import static org.jlvs.core.conn.TcpTransitions.TH_ACK;
import static org.jlvs.core.conn.TcpTransitions.TH_FIN;
import static org.jlvs.core.conn.TcpTransitions.TH_SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.Destination;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.SchedFlags;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.model.VirtualService;
import org.jlvs.core.sched.Flow;
import org.jlvs.core.sched.RandomSource;
import org.jlvs.core.sched.SchedContext;
import org.jlvs.core.table.IpvsTable;
import org.jlvs.core.time.ManualClock;
import org.jlvs.core.tunable.Tunables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnTableTest {
    static final IpAddress VIP = IpAddress.parse("10.0.0.100");
    static final ServiceKey HTTP = ServiceKey.of(Protocol.TCP, VIP, 80);
    static final ServiceKey DNS = ServiceKey.of(Protocol.UDP, VIP, 53);

    ManualClock clock;
    Tunables tunables;
    IpvsTable table;
    ConnTable conns;
    ConnScheduler sched;
    Flow flow = new Flow();

    @BeforeEach
    void setUp() {
        clock = new ManualClock(1_000_000);
        tunables = new Tunables();
        table = new IpvsTable(new SchedContext(clock, RandomSource.SYSTEM, tunables));
        conns = table.conns();
        sched = new ConnScheduler(conns);
    }

    Destination add(ServiceKey svc, String addr, int port, Forwarding fwd) throws Exception {
        return table.addDest(svc, DestConfig.of(IpAddress.parse(addr), port, fwd, 1));
    }

    Conn connect(ServiceKey svc, String client, int cport) {
        VirtualService s = table.service(svc);
        flow.set(svc.protocol().number(), IpAddress.parse(client), cport, svc.address(), svc.port());
        return sched.schedule(s, flow);
    }

    void advance(long seconds) {
        clock.advance(seconds * 1000);
        table.tick(clock.millis());
    }

    @Test
    void natTcpLifecycleMovesCountersAndExpires() throws Exception {
        table.addService(ServiceConfig.of(HTTP, "rr"));
        Destination d = add(HTTP, "192.168.1.11", 8080, Forwarding.MASQ);

        Conn c = connect(HTTP, "203.0.113.10", 40000);
        assertNotNull(c);
        assertEquals(8080, c.destPort());
        assertEquals(0, d.activeConns());
        assertEquals(1, d.inactConns(), "a new entry starts inactive");

        assertTrue(conns.packet(c, DIR_INPUT, TH_SYN, 60));
        assertEquals("SYN_RECV", c.stateName());
        assertEquals(1, d.activeConns());
        assertEquals(0, d.inactConns());
        assertTrue(conns.packet(c, DIR_OUTPUT, TH_SYN | TH_ACK, 60));
        assertTrue(conns.packet(c, DIR_INPUT, TH_ACK, 52));
        assertEquals("ESTABLISHED", c.stateName());
        assertSame(c, conns.lookupIn(6, false, 0, IpAddress.parse("203.0.113.10").lo(), 40000, 0, VIP.lo(), 80));
        assertSame(c, conns.lookupOut(6, false, 0, IpAddress.parse("192.168.1.11").lo(), 8080,
                0, IpAddress.parse("203.0.113.10").lo(), 40000));

        assertTrue(conns.packet(c, DIR_INPUT, TH_FIN | TH_ACK, 52));
        assertEquals("CLOSE_WAIT", c.stateName());
        assertEquals(0, d.activeConns());
        assertEquals(1, d.inactConns());
        assertTrue(conns.packet(c, DIR_OUTPUT, TH_FIN | TH_ACK, 52));
        assertEquals("TIME_WAIT", c.stateName());

        advance(119);
        assertFalse(c.isDead(), "TIME_WAIT lasts 120 s");
        advance(2);
        assertTrue(c.isDead());
        assertEquals(0, d.inactConns());
        assertEquals(0, conns.size());
        assertFalse(conns.packet(c, DIR_INPUT, TH_ACK, 52), "an expired entry takes no packets");
        assertEquals(1, d.stats().conns());
        assertEquals(3, d.stats().inPkts());
        assertEquals(2, d.stats().outPkts());
        assertEquals(60 + 52 + 52, d.stats().inBytes());
        assertEquals(3, table.service(HTTP).stats().inPkts());
        assertEquals(3, table.totalStats().inPkts());
    }

    @Test
    void directRoutingUsesTheInputOnlyTable() throws Exception {
        table.addService(ServiceConfig.of(HTTP, "wlc"));
        Destination d = add(HTTP, "192.168.1.11", 80, Forwarding.ROUTE);
        Conn c = connect(HTTP, "203.0.113.10", 40001);
        conns.packet(c, DIR_INPUT, TH_SYN, 60);
        conns.packet(c, DIR_INPUT, TH_ACK, 52);
        assertEquals("ESTABLISHED", c.stateName());
        conns.packet(c, DIR_INPUT, TH_FIN | TH_ACK, 52);
        // input-only: the client's FIN means the realserver got it; there is no reply to see
        assertEquals("FIN_WAIT", c.stateName());
        assertEquals(0, d.activeConns());
    }

    @Test
    void establishedTimeoutFollowsSetTcp() throws Exception {
        table.addService(ServiceConfig.of(HTTP, "rr"));
        add(HTTP, "192.168.1.11", 80, Forwarding.MASQ);
        table.timeouts().set(30, 0, 0);
        Conn c = connect(HTTP, "203.0.113.10", 40002);
        conns.packet(c, DIR_INPUT, TH_SYN, 60);
        conns.packet(c, DIR_INPUT, TH_ACK, 60);
        advance(29);
        assertFalse(c.isDead());
        conns.packet(c, DIR_INPUT, TH_ACK, 60); // traffic pushes expiry forward
        advance(29);
        assertFalse(c.isDead());
        advance(2);
        assertTrue(c.isDead());
    }

    @Test
    void udpConnectionsStayInactiveWithTheUdpTimeout() throws Exception {
        table.addService(ServiceConfig.of(DNS, "rr"));
        Destination d = add(DNS, "192.168.1.11", 53, Forwarding.MASQ);
        Conn c = connect(DNS, "203.0.113.10", 5353);
        conns.packet(c, DIR_INPUT, 0, 40);
        assertEquals("UDP", c.stateName());
        assertEquals(0, d.activeConns());
        assertEquals(1, d.inactConns());
        advance(299);
        assertFalse(c.isDead());
        advance(2);
        assertTrue(c.isDead());
        assertEquals(0, d.inactConns());
    }

    @Test
    void persistenceKeepsAClientOnItsRealserver() throws Exception {
        table.addService(ServiceConfig.of(HTTP, "rr").withPersistence(300, 0xFFFFFF00));
        add(HTTP, "192.168.1.11", 80, Forwarding.MASQ);
        add(HTTP, "192.168.1.12", 80, Forwarding.MASQ);
        add(HTTP, "192.168.1.13", 80, Forwarding.MASQ);

        Conn a = connect(HTTP, "203.0.113.10", 40000);
        Conn b = connect(HTTP, "203.0.113.77", 40001); // same /24: same template
        Conn other = connect(HTTP, "198.51.100.5", 40002);
        assertSame(a.dest(), b.dest());
        assertNotSame(a.dest(), other.dest(), "rr moved on for the other network");
        Conn ct = a.control();
        assertNotNull(ct);
        assertSame(ct, b.control());
        assertTrue(ct.isTemplate());
        assertEquals(0, ct.clientPort());
        assertEquals(IpAddress.parse("203.0.113.0"), ct.clientAddress());
        assertEquals(80, ct.virtualPort());
        assertEquals(1, a.dest().persistConns());

        // connections end quickly; the template lives its 300 s
        advance(10);
        assertTrue(a.isDead());
        assertFalse(ct.isDead());
        Conn again = connect(HTTP, "203.0.113.10", 40005);
        assertSame(ct.dest(), again.dest());
        advance(301);
        assertTrue(ct.isDead());
        assertEquals(0, again.dest().persistConns());
    }

    @Test
    void aTemplateLivesWhileItControlsConnections() throws Exception {
        table.addService(ServiceConfig.of(HTTP, "rr").withPersistence(30, 0xFFFFFFFF));
        add(HTTP, "192.168.1.11", 80, Forwarding.MASQ);
        Conn c = connect(HTTP, "203.0.113.10", 40000);
        conns.packet(c, DIR_INPUT, TH_SYN, 60);
        conns.packet(c, DIR_INPUT, TH_ACK, 60); // ESTABLISHED: 900 s
        Conn ct = c.control();
        assertEquals("ASSURED", ct.stateName());
        advance(31);
        assertFalse(ct.isDead(), "still controls an established connection");
        advance(900);
        assertTrue(c.isDead());
        advance(61);
        assertTrue(ct.isDead());
    }

    @Test
    void aTemplateOfADeletedRealserverIsReplaced() throws Exception {
        table.addService(ServiceConfig.of(HTTP, "rr").withPersistence(300, 0xFFFFFFFF));
        Destination d1 = add(HTTP, "192.168.1.11", 80, Forwarding.MASQ);
        Destination d2 = add(HTTP, "192.168.1.12", 80, Forwarding.MASQ);
        Conn a = connect(HTTP, "203.0.113.10", 40000);
        Destination first = a.dest();
        table.deleteDest(HTTP, first.address(), 80);
        Conn b = connect(HTTP, "203.0.113.10", 40001);
        assertNotSame(first, b.dest());
        assertTrue(b.dest() == d1 || b.dest() == d2);
        assertNotSame(a.control(), b.control());
    }

    @Test
    void quiescedRealserverKeepsPersistentClientsUnlessTheTunableSaysOtherwise() throws Exception {
        table.addService(ServiceConfig.of(HTTP, "rr").withPersistence(300, 0xFFFFFFFF));
        add(HTTP, "192.168.1.11", 80, Forwarding.MASQ);
        add(HTTP, "192.168.1.12", 80, Forwarding.MASQ);
        Conn a = connect(HTTP, "203.0.113.10", 40000);
        table.editDest(HTTP, a.dest().config().withWeight(0));
        assertSame(a.dest(), connect(HTTP, "203.0.113.10", 40001).dest(), "weight 0 keeps persistent clients");
        tunables.expireQuiescentTemplate = 1;
        assertNotSame(a.dest(), connect(HTTP, "203.0.113.10", 40002).dest());
    }

    @Test
    void fwmarkTemplatesCoverEveryPortOfTheMark() throws Exception {
        ServiceKey fwm = ServiceKey.fwmark(7, false);
        table.addService(ServiceConfig.of(fwm, "rr").withPersistence(300, 0xFFFFFFFF));
        table.addDest(fwm, DestConfig.of(IpAddress.parse("192.168.1.11"), 0, Forwarding.ROUTE, 1));
        table.addDest(fwm, DestConfig.of(IpAddress.parse("192.168.1.12"), 0, Forwarding.ROUTE, 1));
        VirtualService s = table.service(fwm);
        flow.set(6, IpAddress.parse("203.0.113.10"), 40000, VIP, 80);
        Conn http = sched.schedule(s, flow);
        flow.set(6, IpAddress.parse("203.0.113.10"), 40001, VIP, 443);
        Conn https = sched.schedule(s, flow);
        assertSame(http.dest(), https.dest());
        assertEquals(443, https.destPort(), "a portless realserver gets the packet's port");
        Conn ct = http.control();
        assertEquals(0, ct.protocol(), "fwmark templates are IPPROTO_IP");
        assertEquals(7, ct.virtualAddress().v4());
        assertEquals(0, ct.virtualPort());
    }

    @Test
    void onePacketSchedulingSchedulesEachDatagram() throws Exception {
        table.addService(new ServiceConfig(DNS, "rr", SchedFlags.ONEPACKET, 0, 0xFFFFFFFF, null));
        Destination d1 = add(DNS, "192.168.1.11", 53, Forwarding.MASQ);
        Destination d2 = add(DNS, "192.168.1.12", 53, Forwarding.MASQ);
        Conn a = connect(DNS, "203.0.113.10", 5353);
        assertTrue(a.isOnePacket());
        assertEquals(0, conns.size(), "one-packet entries are never hashed");
        conns.expireNow(a);
        Conn b = connect(DNS, "203.0.113.10", 5353);
        assertNotSame(a.dest(), b.dest());
        conns.expireNow(b);
        assertEquals(0, d1.inactConns() + d2.inactConns());
    }

    @Test
    void tableGrowsAndFindsEverything() throws Exception {
        table.addService(ServiceConfig.of(HTTP, "rr"));
        Destination d = add(HTTP, "192.168.1.11", 80, Forwarding.MASQ);
        int n = 20_000;
        List<Conn> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(connect(HTTP, "10.1." + (i >> 8) + "." + (i & 255), 1024 + (i % 50000)));
        }
        assertEquals(n, conns.size());
        assertEquals(4096, conns.bucketCount());
        table.tick(clock.millis());
        assertTrue(conns.bucketCount() >= 16384, "grown to " + conns.bucketCount());
        for (Conn c : all) {
            assertSame(c, conns.lookupIn(6, false, 0, c.clientAddress().lo(), c.clientPort(), 0, VIP.lo(), 80));
        }
        int[] seen = {0};
        conns.forEach(c -> seen[0]++);
        assertEquals(n, seen[0]);
        advance(4); // 3 s initial timeout
        assertEquals(0, conns.size());
        assertEquals(0, d.inactConns());
        assertNull(conns.lookupIn(6, false, 0, all.get(0).clientAddress().lo(), all.get(0).clientPort(), 0, VIP.lo(), 80));
    }

    @Test
    void lookupsInsertsAndRemovalsGoOnWhileTheTableGrows() throws Exception {
        table.addService(ServiceConfig.of(HTTP, "rr"));
        Destination d = add(HTTP, "192.168.1.11", 80, Forwarding.MASQ);
        int n = 200_000;
        Conn[] all = new Conn[n];
        for (int i = 0; i < n; i++) {
            all[i] = conns.create(6, false, 0, 0x0A000000L + i, 1024 + (i & 0x7FFF), 0, VIP.lo(), 80, d, 80, 0);
        }
        java.util.concurrent.atomic.AtomicBoolean growing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong misses = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong lookups = new java.util.concurrent.atomic.AtomicLong();
        Thread reader = Thread.ofPlatform().start(() -> {
            int i = 0;
            while (growing.get()) {
                Conn c = all[i];
                if (conns.lookupIn(6, false, 0, c.caddrLo, c.clientPort(), 0, VIP.lo(), 80) != c
                        || conns.lookupOut(6, false, 0, d.address().lo(), 80, 0, c.caddrLo, c.clientPort()) != c) {
                    misses.incrementAndGet();
                }
                lookups.incrementAndGet();
                i = (i + 7919) % n;
            }
        });
        // entries come and go on another thread meanwhile: none may be lost or left behind
        Thread churn = Thread.ofPlatform().start(() -> {
            int i = 0;
            while (growing.get()) {
                Conn c = conns.create(6, false, 0, 0x0B000000L + (i & 0xFFFF), 2000, 0, VIP.lo(), 80, d, 80, 0);
                if (conns.lookupIn(6, false, 0, c.caddrLo, 2000, 0, VIP.lo(), 80) != c) {
                    misses.incrementAndGet();
                }
                conns.expireNow(c);
                i++;
            }
        });
        assertEquals(4096, conns.bucketCount());
        while (lookups.get() < 1000) {
            Thread.onSpinWait();
        }
        table.tick(clock.millis());  // grows, chain by chain, while the others run
        long during = lookups.get();
        Thread.sleep(20);
        growing.set(false);
        reader.join();
        churn.join();
        assertTrue(conns.bucketCount() >= 4 * n, "grown to " + conns.bucketCount());
        assertTrue(during > 1000, "lookups ran during the resize: " + during);
        assertEquals(0, misses.get(), "lookups that missed a present entry");
        assertEquals(n, conns.size());
        int[] seen = {0};
        conns.forEach(c -> seen[0]++);
        assertEquals(n, seen[0]);
        for (Conn c : all) {
            assertSame(c, conns.lookupIn(6, false, 0, c.caddrLo, c.clientPort(), 0, VIP.lo(), 80));
        }
    }

    @Test
    void noDestinationGivesNoEntry() throws Exception {
        table.addService(ServiceConfig.of(HTTP, "rr"));
        assertNull(connect(HTTP, "203.0.113.10", 40000));
        assertEquals(0, conns.size());
    }
}

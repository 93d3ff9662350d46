package org.jlvs.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.Destination;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IpvsTableTest {
    static final ServiceKey HTTP = ServiceKey.of(Protocol.TCP, IpAddress.parse("10.0.0.1"), 80);
    static final IpAddress RS = IpAddress.parse("192.168.1.11");

    IpvsTable t;

    @BeforeEach
    void setUp() throws Exception {
        t = new IpvsTable();
        t.addService(ServiceConfig.of(HTTP, "rr"));
        t.addDest(HTTP, DestConfig.of(RS, 80, Forwarding.MASQ, 3));
    }

    private void assertRefused(Errno errno, Command c) {
        TableSnapshot before = t.snapshot();
        IpvsException e = assertThrows(IpvsException.class, () -> t.apply(c));
        assertEquals(errno, e.errno(), e.getMessage());
        assertEquals(before, t.snapshot(), "a refused change leaves the table as it was");
    }

    @Test
    void weightsAboveTheIpvsadmLimitAreTheKernelsToTake() throws Exception {
        // ip_vs_add_dest refuses only negative weights; ipvsadm and keepalived stop at 65535
        Destination d = t.addDest(HTTP, DestConfig.of(IpAddress.parse("192.168.1.12"), 80, Forwarding.MASQ, 65536));
        assertEquals(65536, d.weight());
        t.editDest(HTTP, DestConfig.of(IpAddress.parse("192.168.1.12"), 80, Forwarding.MASQ, Integer.MAX_VALUE));
        assertEquals(Integer.MAX_VALUE, d.weight());
    }

    @Test
    void refusedChangesLeaveTheTableUnchanged() {
        assertRefused(Errno.EEXIST, new Command.AddService(ServiceConfig.of(HTTP, "wlc")));
        assertRefused(Errno.ENOENT, new Command.AddService(ServiceConfig.of(
                ServiceKey.of(Protocol.TCP, IpAddress.parse("10.0.0.2"), 80), "bogus")));
        assertRefused(Errno.EINVAL, new Command.AddService(ServiceConfig.of(
                ServiceKey.of(Protocol.UDP, IpAddress.parse("10.0.0.2"), 0), "rr")));
        assertRefused(Errno.ESRCH, new Command.EditService(ServiceConfig.of(
                ServiceKey.of(Protocol.UDP, IpAddress.parse("10.0.0.2"), 53), "rr")));
        assertRefused(Errno.ENOENT, new Command.EditService(ServiceConfig.of(HTTP, "nope")));
        assertRefused(Errno.EEXIST, new Command.AddDest(HTTP, DestConfig.of(RS, 80, Forwarding.ROUTE, 1)));
        assertRefused(Errno.ERANGE, new Command.AddDest(HTTP, DestConfig.of(IpAddress.parse("192.168.1.12"), 80, Forwarding.MASQ, -1)));
        assertRefused(Errno.ERANGE, new Command.AddDest(HTTP,
                DestConfig.of(IpAddress.parse("192.168.1.12"), 80, Forwarding.MASQ, 1).withThresholds(0, 5)));
        assertRefused(Errno.EINVAL, new Command.AddDest(HTTP, DestConfig.of(IpAddress.parse("224.0.0.1"), 80, Forwarding.MASQ, 1)));
        assertRefused(Errno.EINVAL, new Command.AddDest(HTTP, DestConfig.of(IpAddress.parse("2001:db8::1"), 80, Forwarding.MASQ, 1)));
        assertRefused(Errno.ENOENT, new Command.EditDest(HTTP, DestConfig.of(IpAddress.parse("192.168.1.99"), 80, Forwarding.MASQ, 1)));
        assertRefused(Errno.ENOENT, new Command.DeleteDest(HTTP, RS, 8080));
        assertRefused(Errno.ESRCH, new Command.DeleteService(ServiceKey.fwmark(1, false)));
        assertRefused(Errno.ESRCH, new Command.Zero(ServiceKey.fwmark(1, false)));
        assertRefused(Errno.EINVAL, new Command.SetTimeouts(-1, 0, 0));
    }

    @Test
    void editingWithTheSameSchedulerKeepsItsState() throws Exception {
        var svc = t.service(HTTP);
        var sched = svc.scheduler();
        t.editService(ServiceConfig.of(HTTP, "rr").withFlags(0x8));
        assertSame(sched, svc.scheduler());
        t.editService(ServiceConfig.of(HTTP, "wrr"));
        assertEquals("wrr", svc.config().scheduler());
    }

    @Test
    void aDeletedRealserverComesBackFromTheTrashWithItsCounters() throws Exception {
        Destination d = t.service(HTTP).findDest(RS, 80);
        d.setCounters(4, 2);
        t.deleteDest(HTTP, RS, 80);
        Destination again = t.addDest(HTTP, DestConfig.of(RS, 80, Forwarding.MASQ, 1));
        assertSame(d, again);
        assertEquals(4, again.activeConns());
        assertEquals(1, again.weight());
    }

    @Test
    void timeoutsZeroMeansUnchanged() throws Exception {
        t.apply(new Command.SetTimeouts(100, 0, 50));
        assertEquals(100, t.timeouts().tcp());
        assertEquals(Timeouts.DEFAULT_TCP_FIN, t.timeouts().tcpFin());
        assertEquals(50, t.timeouts().udp());
    }

    @Test
    void aPacketFindsItsServiceAmongThousands() throws Exception {
        IpvsTable big = new IpvsTable();
        for (int i = 0; i < 2000; i++) {
            big.addService(ServiceConfig.of(ServiceKey.of(i % 2 == 0 ? Protocol.TCP : Protocol.UDP,
                    IpAddress.ofV4(0x0A000000 + i), 80 + i % 3), "rr"));
        }
        big.addService(ServiceConfig.of(ServiceKey.of(Protocol.TCP, IpAddress.parse("2001:db8::1"), 443), "rr"));
        big.addService(ServiceConfig.of(ServiceKey.fwmark(7, false), "rr"));
        big.addService(ServiceConfig.of(ServiceKey.fwmark(7, true), "rr"));
        for (int i = 0; i < 2000; i++) {
            int proto = i % 2 == 0 ? 6 : 17;
            var s = big.lookup(proto, false, 0, 0x0A000000L + i, 80 + i % 3);
            assertEquals(ServiceKey.of(i % 2 == 0 ? Protocol.TCP : Protocol.UDP, IpAddress.ofV4(0x0A000000 + i), 80 + i % 3), s.key());
            assertEquals(null, big.lookup(proto == 6 ? 17 : 6, false, 0, 0x0A000000L + i, 80 + i % 3), "other protocol");
            assertEquals(null, big.lookup(proto, false, 0, 0x0A000000L + i, 81 + i % 3), "other port");
        }
        IpAddress v6 = IpAddress.parse("2001:db8::1");
        assertEquals(443, big.lookup(6, true, v6.hi(), v6.lo(), 443).key().port());
        assertEquals(true, big.lookupFwmark(7, true).key().v6());
        assertEquals(false, big.lookupFwmark(7, false).key().v6());
        assertEquals(null, big.lookupFwmark(8, false));
        big.deleteService(ServiceKey.fwmark(7, true));
        assertEquals(null, big.lookupFwmark(7, true), "the index follows deletions");
    }

    @Test
    void aBatchIsPublishedToReadersOnceAtItsEndAlsoWhenItStopsEarly() throws Exception {
        ServiceKey a = ServiceKey.of(Protocol.TCP, IpAddress.parse("10.9.0.1"), 80);
        ServiceKey b = ServiceKey.of(Protocol.TCP, IpAddress.parse("10.9.0.2"), 80);
        long aLo = a.address().lo();
        int status = t.batch(() -> {
            try {
                t.apply(new Command.AddService(ServiceConfig.of(a, "rr")));
                t.apply(new Command.AddDest(a, DestConfig.of(IpAddress.parse("192.168.9.1"), 80, Forwarding.MASQ, 1)));
            } catch (IpvsException e) {
                throw new AssertionError(e);
            }
            // the change lock's side sees it, data-plane readers not yet
            assertEquals(1, t.service(a).destinations().length);
            assertEquals(null, t.lookup(6, false, 0, aLo, 80));
            return 7;
        });
        assertEquals(7, status);
        assertSame(t.service(a), t.lookup(6, false, 0, aLo, 80));
        assertThrows(IllegalStateException.class, () -> t.batch(() -> {
            try {
                t.apply(new Command.AddService(ServiceConfig.of(b, "rr")));
            } catch (IpvsException e) {
                throw new AssertionError(e);
            }
            throw new IllegalStateException("a restore that stops half way");
        }));
        assertSame(t.service(b), t.lookup(6, false, 0, b.address().lo(), 80));
    }
}

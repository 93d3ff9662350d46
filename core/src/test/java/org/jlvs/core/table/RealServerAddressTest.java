package org.jlvs.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.jlvs.core.model.IpAddress;
import org.junit.jupiter.api.Test;

class RealServerAddressTest {
    /** A host with lo 127.0.0.1/8 and eth0 192.0.2.2/24 brd 192.0.2.255, and a /31 and a /32. */
    static final List<RealServerAddress.V4Addr> ADDRS = List.of(
            new RealServerAddress.V4Addr(v4("127.0.0.1"), 8, 0),
            new RealServerAddress.V4Addr(v4("192.0.2.2"), 24, v4("192.0.2.255")),
            new RealServerAddress.V4Addr(v4("198.51.100.0"), 31, 0),
            new RealServerAddress.V4Addr(v4("203.0.113.9"), 32, 0));

    private static int v4(String s) {
        return IpAddress.parse(s).v4();
    }

    @Test
    void ipv4BroadcastsAreTheLocalTablesAsTheInterfacesMakeThem() {
        Set<Integer> b = RealServerAddress.broadcasts(ADDRS);
        // fib_add_ifaddr: each prefix's directed broadcast below /31, and an address's own broadcast
        assertEquals(Set.of(v4("127.255.255.255"), v4("192.0.2.255")), b);
        assertTrue(RealServerAddress.v4Acceptable(v4("10.0.0.1"), b));
        assertTrue(RealServerAddress.v4Acceptable(v4("127.0.0.1"), b));
        assertTrue(RealServerAddress.v4Acceptable(v4("127.0.0.5"), b));
        assertTrue(RealServerAddress.v4Acceptable(v4("192.0.2.0"), b));  // no prefix broadcast since 5.x
        assertTrue(RealServerAddress.v4Acceptable(v4("198.51.100.1"), b));
        assertTrue(RealServerAddress.v4Acceptable(v4("240.0.0.1"), b));
        assertFalse(RealServerAddress.v4Acceptable(v4("127.255.255.255"), b));
        assertFalse(RealServerAddress.v4Acceptable(v4("192.0.2.255"), b));
        assertFalse(RealServerAddress.v4Acceptable(v4("0.1.2.3"), b));
        assertFalse(RealServerAddress.v4Acceptable(v4("255.255.255.255"), b));
        assertFalse(RealServerAddress.v4Acceptable(v4("239.1.1.1"), Set.of()));
    }

    @Test
    void thisHostsLoopbackBroadcastIsRefused() {
        assertFalse(RealServerAddress.acceptable(IpAddress.parse("127.255.255.255")));
        assertTrue(RealServerAddress.acceptable(IpAddress.parse("127.0.0.1")));
    }

    private static boolean v6(String s) {
        IpAddress a = IpAddress.parse(s);
        return RealServerAddress.v6Acceptable(a.hi(), a.lo());
    }

    @Test
    void ipv6TypesAsIpv6AddrType() {
        assertTrue(v6("2001:db8::1"));
        assertTrue(v6("::1"));
        assertTrue(v6("::10.0.0.1"));
        assertTrue(v6("fd00::1"));
        assertTrue(v6("fec0::1"));
        assertTrue(v6("100::1"));
        assertFalse(v6("::"));
        assertFalse(v6("ff02::1"));
        assertFalse(v6("fe80::1"));
        assertFalse(v6("::ffff:10.0.0.1"));
    }

    @Test
    void ownLinkLocalAddressIsAccepted() {
        List<String> ifInet6 = List.of("fe8000000000000000fc00fffe000001 04 40 20 80     eth0");
        assertTrue(RealServerAddress.isLocalV6(IpAddress.parse("fe80::fc:ff:fe00:1"), ifInet6));
        assertFalse(RealServerAddress.isLocalV6(IpAddress.parse("fe80::2"), ifInet6));
    }
}

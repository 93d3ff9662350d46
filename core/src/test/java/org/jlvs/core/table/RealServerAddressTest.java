package org.jlvs.core.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jlvs.core.model.IpAddress;
import org.junit.jupiter.api.Test;

class RealServerAddressTest {
    /** /proc/net/fib_trie of a host with lo and eth0 192.0.2.2/24 (main table cut short). */
    static final List<String> TRIE = List.of(
            "Main:",
            "  +-- 0.0.0.0/0 3 0 5",
            "     |-- 0.0.0.0",
            "        /0 universe UNICAST",
            "Local:",
            "  +-- 0.0.0.0/0 3 0 5",
            "     +-- 127.0.0.0/8 2 0 2",
            "        +-- 127.0.0.0/31 1 0 0",
            "           |-- 127.0.0.0",
            "              /8 host LOCAL",
            "           |-- 127.0.0.1",
            "              /32 host LOCAL",
            "        |-- 127.255.255.255",
            "           /32 link BROADCAST",
            "     +-- 192.0.2.0/24 2 0 2",
            "           |-- 192.0.2.2",
            "              /32 host LOCAL",
            "        |-- 192.0.2.255",
            "           /32 link BROADCAST");

    private static int v4(String s) {
        return IpAddress.parse(s).v4();
    }

    @Test
    void ipv4TypesFromTheLocalTable() {
        assertEquals("LOCAL", RealServerAddress.localTableType(v4("127.0.0.5"), TRIE));
        assertEquals("BROADCAST", RealServerAddress.localTableType(v4("127.255.255.255"), TRIE));
        assertEquals("BROADCAST", RealServerAddress.localTableType(v4("192.0.2.255"), TRIE));
        assertNull(RealServerAddress.localTableType(v4("10.0.0.1"), TRIE));
        assertTrue(RealServerAddress.v4Acceptable(v4("10.0.0.1"), TRIE));
        assertTrue(RealServerAddress.v4Acceptable(v4("127.0.0.1"), TRIE));
        assertTrue(RealServerAddress.v4Acceptable(v4("240.0.0.1"), TRIE));
        assertFalse(RealServerAddress.v4Acceptable(v4("127.255.255.255"), TRIE));
        assertFalse(RealServerAddress.v4Acceptable(v4("192.0.2.255"), TRIE));
        assertFalse(RealServerAddress.v4Acceptable(v4("0.1.2.3"), TRIE));
        assertFalse(RealServerAddress.v4Acceptable(v4("255.255.255.255"), TRIE));
        assertFalse(RealServerAddress.v4Acceptable(v4("239.1.1.1"), List.of()));
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

package org.jlvs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packet plane in the namespace testbed, one mode per test, both families: the director in
 * {@code <prefix>-dir}, configured by our ipvsadm with the table checks.sh expects, then every
 * check of checks.sh (realservers reached, client address, method counters, reply path, UDP,
 * ICMP, 10 MiB each way, fragments, ARP, junk).
 */
class PacketPlaneTest {
    @BeforeEach
    void needTestbed() {
        Testbed.assumeAvailable();
    }

    /** bin/jlvsd with the packet plane in the testbed's director namespace; fails if it fell back. */
    static Director packetDirector(Testbed t) throws Exception {
        Director d = Director.startIn(t.in("dir"), "--data-plane", "packet", "--inside-if", "eth1", "--grace", "1");
        // the packet plane installs its chains before the control socket opens
        if (!t.strayRules().contains(":JLVS-IN")) {
            String log = java.nio.file.Files.exists(d.log) ? d.log() : "(no log)";
            d.close();
            fail("jlvsd did not start the packet plane:\n" + log);
        }
        return d;
    }

    /** The services checks.sh expects, realservers forwarded by {@code method} (-m, -g, -i). */
    static void table(Director d, String method, boolean v6) throws Exception {
        String vip = v6 ? "[2001:db8:2::100]" : "192.0.2.100";
        for (String[] svc : new String[][] {{"-t", "80"}, {"-u", "53"}, {"-u", "9"}}) {
            d.ok("-A", svc[0], vip + ":" + svc[1], "-s", "rr");
            for (int i = 1; i <= 3; i++) {
                String rip = v6 ? "[2001:db8:100::1" + i + "]" : "198.51.100.1" + i;
                d.ok("-a", svc[0], vip + ":" + svc[1], "-r", rip + ":" + svc[1], method);
            }
        }
    }

    static void passes(Testbed.Run r, String what) {
        assertEquals(0, r.status(), what + ":\n" + r.summary());
        assertTrue(r.output().contains(" 0 failed"), what + ":\n" + r.summary());
    }

    @Test
    void natServesEveryCheckInBothFamilies() throws Exception {
        try (Testbed t = Testbed.up("jnat", "--mode", "nat"); Director d = packetDirector(t)) {
            table(d, "-m", false);
            table(d, "-m", true);
            passes(t.checks(), "NAT IPv4");
            passes(t.checks("-6"), "NAT IPv6");
            String conns = d.ok("-L", "-n", "-c");
            assertTrue(conns.contains("TIME_WAIT"), conns);
            d.terminate();
            assertEquals("", t.strayRules(), "rules left after stopping");
        }
    }

    @Test
    void drServesEveryCheckInBothFamilies() throws Exception {
        try (Testbed t = Testbed.up("jdr", "--mode", "dr"); Director d = packetDirector(t)) {
            table(d, "-g", false);
            table(d, "-g", true);
            passes(t.checks(), "DR IPv4");
            passes(t.checks("-6"), "DR IPv6");
        }
    }

    @Test
    void tunServesEveryCheckAndAnswersFragmentationNeeded() throws Exception {
        try (Testbed t = Testbed.up("jtun", "--mode", "tun"); Director d = packetDirector(t)) {
            table(d, "-i", false);
            table(d, "-i", true);
            passes(t.checks(), "TUN IPv4, MTU 1600");
            Testbed.Run m = t.script("mode", "tun", "--mtu", "1500");
            assertEquals(0, m.status(), m.output());
            // the director reads its MTU at start: a new one sees the smaller segment
            d.terminate();
            try (Director d2 = packetDirector(t)) {
                table(d2, "-i", false);
                table(d2, "-i", true);
                passes(t.checks(), "TUN IPv4, MTU 1500");
                passes(t.checks("-6"), "TUN IPv6, MTU 1500");
            }
        }
    }
}

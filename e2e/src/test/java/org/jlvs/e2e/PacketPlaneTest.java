package org.jlvs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

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

    /**
     * --tun-type gre and gue: what reaches the realserver is the client's own packet behind a
     * GRE header, or a GUE header in a UDP datagram to the tunnel port. (This kernel has no GRE
     * or FOU driver to take them apart, so the realserver's capture is what is checked.)
     */
    @Test
    void greAndGueTunnelsCarryTheClientsPacket() throws Exception {
        try (Testbed t = Testbed.up("jgre", "--mode", "tun"); Director d = packetDirector(t)) {
            d.ok("-A", "-t", "192.0.2.100:8081", "-s", "rr");
            d.ok("-a", "-t", "192.0.2.100:8081", "-r", "198.51.100.11:8081", "-i", "--tun-type", "gre");
            String gre = capture(t, "rs1", "ip proto 47", "http://192.0.2.100:8081/");
            assertTrue(gre.contains("GREv0"), gre);
            assertTrue(gre.matches("(?s).*> 192\\.0\\.2\\.100\\.8081: Flags \\[S\\].*"), "the client's SYN inside:\n" + gre);

            // --tun-csum: the C bit, and a checksum over the GRE header and the packet
            d.ok("-A", "-t", "192.0.2.100:8083", "-s", "rr");
            d.ok("-a", "-t", "192.0.2.100:8083", "-r", "198.51.100.11:8083", "-i", "--tun-type", "gre", "--tun-csum");
            String greCsum = capture(t, "rs1", "ip proto 47", "http://192.0.2.100:8083/");
            String g = hexOf(greCsum);
            assertEquals("80000800", g.substring(40, 48), "GRE flags with C, protocol IPv4:\n" + greCsum);
            long sum = 0;
            for (int i = 40; i + 4 <= g.length(); i += 4) {
                sum += Integer.parseInt(g.substring(i, i + 4), 16);
            }
            if (g.length() % 4 == 2) {
                sum += Integer.parseInt(g.substring(g.length() - 2), 16) << 8;
            }
            while ((sum >>> 16) != 0) {
                sum = (sum & 0xFFFF) + (sum >>> 16);
            }
            assertEquals(0xFFFF, sum, "the GRE checksum verifies:\n" + greCsum);

            d.ok("-A", "-t", "192.0.2.100:8082", "-s", "rr");
            d.ok("-a", "-t", "192.0.2.100:8082", "-r", "198.51.100.11:8082", "-i", "--tun-type", "gue", "--tun-port", "6080");
            String gue = capture(t, "rs1", "udp dst port 6080", "http://192.0.2.100:8082/");
            // the UDP payload (after 20 bytes of IP and 8 of UDP): GUE version 0, no options,
            // proto 4 (IPIP), no flags; then the client's IPv4 SYN to the VIP
            String hex = hexOf(gue);
            assertTrue(hex.length() > 120, gue);
            assertEquals("00040000", hex.substring(56, 64), gue);
            assertEquals("45", hex.substring(64, 66), gue);
            assertEquals("c0000264", hex.substring(64 + 32, 64 + 40), "inner destination 192.0.2.100:\n" + gue);
            assertEquals("1f92", hex.substring(64 + 44, 64 + 48), "inner destination port 8082:\n" + gue);
        }
    }

    /** Starts tcpdump on a node, makes one client request, and returns the first matching packet (-v -x). */
    private static String capture(Testbed t, String node, String filter, String url) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(t.in(node));
        cmd.addAll(List.of("timeout", "15", "tcpdump", "-i", "eth0", "-nn", "-v", "-x", "-c", "1", filter));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        StringBuilder out = new StringBuilder();
        for (String l; (l = in.readLine()) != null; ) {
            out.append(l).append('\n');
            if (l.contains("listening on")) {
                break;
            }
        }
        t.exec("cl", "curl", "-s", "-m", "2", url);
        for (String l; (l = in.readLine()) != null; ) {
            out.append(l).append('\n');
        }
        p.waitFor();
        return out.toString();
    }

    /** The hex bytes of tcpdump -x lines, concatenated. */
    private static String hexOf(String tcpdump) {
        StringBuilder b = new StringBuilder();
        for (String l : tcpdump.split("\n")) {
            l = l.strip();
            if (l.startsWith("0x")) {
                b.append(l.substring(l.indexOf(':') + 1).replace(" ", ""));
            }
        }
        return b.toString();
    }
}

package org.jlvs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packet plane's connection handling through the core, on one NAT testbed: states and
 * expiry in ipvsadm -Lnc, quiesced and deleted realservers keeping their connections,
 * persistence, a fwmark service over two ports, a port-changing NAT, and a SIGKILL followed by a
 * restart leaving no stray rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PacketFeaturesTest {
    static final String VIP = "192.0.2.100";
    Testbed tb;

    @BeforeAll
    void up() throws Exception {
        Testbed.assumeAvailable();
        tb = Testbed.up("jfeat", "--mode", "nat");
    }

    @AfterAll
    void down() throws Exception {
        if (tb != null) {
            tb.close();
        }
    }

    Director director() throws Exception {
        return PacketPlaneTest.packetDirector(tb);
    }

    void threeRealservers(Director d, String svc, String port, String... extra) throws Exception {
        List<String> add = new java.util.ArrayList<>(List.of("-A", "-t", svc, "-s", "rr"));
        add.addAll(List.of(extra));
        d.ok(add.toArray(String[]::new));
        for (int i = 1; i <= 3; i++) {
            d.ok("-a", "-t", svc, "-r", "198.51.100.1" + i + ":" + port, "-m");
        }
    }

    /** One HTTP request from the client: the realserver's answer line, or "" when none came. */
    String curl(String url) throws Exception {
        return tb.exec("cl", "curl", "-s", "-m", "3", url).output().strip();
    }

    @Test
    void connectionStatesAndExpiryShowInTheListing() throws Exception {
        try (Director d = director()) {
            threeRealservers(d, VIP + ":80", "80");
            d.ok("-A", "-u", VIP + ":53", "-s", "rr");
            d.ok("-a", "-u", VIP + ":53", "-r", "198.51.100.11:53", "-m");
            d.ok("--set", "0", "0", "2");
            assertTrue(curl("http://" + VIP + "/").contains("peer=203.0.113.10"));
            String c = d.ok("-L", "-n", "-c");
            assertTrue(c.contains("TCP") && c.contains("TIME_WAIT") && c.contains("203.0.113.10:"), c);
            Testbed.Run u = tb.exec("cl", "python3", Testbed.DIR.resolve("tb-client.py").toString(), "udp", VIP, "53", "--count", "1");
            assertTrue(u.output().startsWith("ok "), u.output());
            c = d.ok("-L", "-n", "-c");
            assertTrue(c.lines().anyMatch(l -> l.startsWith("UDP") && l.contains(" UDP ")), c);
            Thread.sleep(3500);
            c = d.ok("-L", "-n", "-c");
            assertFalse(c.lines().anyMatch(l -> l.startsWith("UDP")), "the UDP entry outlived its 2 s:\n" + c);
            assertTrue(c.contains("TIME_WAIT"), "TIME_WAIT lasts 120 s:\n" + c);
        }
    }

    /** A download of {@code bytes} at 400 KB/s, started in the background. */
    Process slowDownload(int bytes) throws Exception {
        return new ProcessBuilder(List.of("ip", "netns", "exec", tb.ns("cl"), "curl", "-s", "-m", "60", "--limit-rate", "400k",
                "-o", "/dev/null", "-w", "%{http_code} %{size_download}", "http://" + VIP + "/bytes/" + bytes))
                .redirectErrorStream(true).start();
    }

    String finish(Process p) throws Exception {
        assertTrue(p.waitFor(90, TimeUnit.SECONDS));
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void quiescedRealserversKeepTheirConnections() throws Exception {
        try (Director d = director()) {
            threeRealservers(d, VIP + ":80", "80");
            Process p = slowDownload(1_600_000);
            Thread.sleep(1000);
            for (int i = 1; i <= 3; i++) {
                d.ok("-e", "-t", VIP + ":80", "-r", "198.51.100.1" + i + ":80", "-m", "-w", "0");
            }
            assertEquals("", curl("http://" + VIP + "/"), "a new connection went to a quiesced realserver");
            assertEquals("200 1600000", finish(p), "the connection in progress did not finish");
        }
    }

    @Test
    void deletedRealserversKeepTheirEntriesAndResumeWhenBack() throws Exception {
        try (Director d = director()) {
            threeRealservers(d, VIP + ":80", "80");
            Process p = slowDownload(1_200_000);
            Thread.sleep(1000);
            for (int i = 1; i <= 3; i++) {
                d.ok("-d", "-t", VIP + ":80", "-r", "198.51.100.1" + i + ":80");
            }
            String c = d.ok("-L", "-n", "-c");
            assertTrue(c.contains("ESTABLISHED"), "the entry must stay while its realserver is away:\n" + c);
            Thread.sleep(1000);
            for (int i = 1; i <= 3; i++) {
                d.ok("-a", "-t", VIP + ":80", "-r", "198.51.100.1" + i + ":80", "-m");
            }
            assertEquals("200 1200000", finish(p), "the connection did not resume");
        }
    }

    @Test
    void persistenceSendsAClientToOneRealserver() throws Exception {
        try (Director d = director()) {
            threeRealservers(d, VIP + ":80", "80", "-p", "60");
            Set<String> who = new HashSet<>();
            for (int i = 0; i < 6; i++) {
                String a = curl("http://" + VIP + "/");
                assertTrue(a.contains("peer=203.0.113.10"), a);
                who.add(a.substring(0, a.indexOf(' ')));
            }
            assertEquals(1, who.size(), "persistent service spread one client: " + who);
            String c = d.ok("-L", "-n", "-c");
            assertTrue(c.contains("203.0.113.10:0") && c.contains("ASSURED"), c);
        }
    }

    @Test
    void fwmarkServiceCoversTwoPorts() throws Exception {
        List<String> mark = List.of("-t", "mangle", "PREROUTING", "-d", VIP, "-p", "tcp", "-m", "multiport",
                "--dports", "80,8080", "-j", "MARK", "--set-mark", "1");
        assertEquals(0, tb.exec("dir", insert("-I", mark)).status());
        try (Director d = director()) {
            d.ok("-A", "-f", "1", "-s", "rr");
            for (int i = 1; i <= 3; i++) {
                d.ok("-a", "-f", "1", "-r", "198.51.100.1" + i, "-m");
            }
            String a80 = curl("http://" + VIP + "/");
            String a8080 = curl("http://" + VIP + ":8080/");
            assertTrue(a80.matches("rs\\d local=198\\.51\\.100\\.1\\d:80 peer=203\\.0\\.113\\.10:\\d+.*"), a80);
            assertTrue(a8080.matches("rs\\d local=198\\.51\\.100\\.1\\d:8080 peer=203\\.0\\.113\\.10:\\d+.*"), a8080);
        } finally {
            tb.exec("dir", insert("-D", mark));
        }
    }

    private static String[] insert(String op, List<String> rule) {
        List<String> cmd = new java.util.ArrayList<>(List.of("iptables", "-w", rule.get(0), rule.get(1), op));
        cmd.addAll(rule.subList(2, rule.size()));
        return cmd.toArray(String[]::new);
    }

    @Test
    void natMayChangeThePort() throws Exception {
        try (Director d = director()) {
            d.ok("-A", "-t", VIP + ":80", "-s", "rr");
            d.ok("-a", "-t", VIP + ":80", "-r", "198.51.100.12:8080", "-m");
            String a = curl("http://" + VIP + "/");
            assertTrue(a.startsWith("rs2 local=198.51.100.12:8080 peer=203.0.113.10:"), a);
        }
    }

    @Test
    void sigkillThenRestartLeavesNoStrayRules() throws Exception {
        Director first = director();
        threeRealservers(first, VIP + ":80", "80");
        assertTrue(curl("http://" + VIP + "/").contains("peer="));
        assertNotEquals("", tb.strayRules());
        first.process.destroyForcibly();
        first.process.waitFor(10, TimeUnit.SECONDS);
        assertTrue(tb.strayRules().contains("JLVS-IN -d 192.0.2.100/32"), "SIGKILL cannot clean up:\n" + tb.strayRules());
        first.close();
        try (Director second = director()) {
            assertFalse(tb.strayRules().contains("192.0.2.100"), "the old director's rules survived a restart:\n" + tb.strayRules());
            threeRealservers(second, VIP + ":80", "80");
            assertTrue(curl("http://" + VIP + "/").contains("peer=203.0.113.10"));
            second.terminate();
        }
        assertEquals("", tb.strayRules(), "rules left after stopping");
    }

    @Test
    void aQueueInUseMeansSocketModeAndLeavesTheOwnersRulesAlone() throws Exception {
        try (Director owner = director()) {
            threeRealservers(owner, VIP + ":80", "80");
            try (Director second = Director.startIn(tb.in("dir"), "--data-plane", "packet", "--inside-if", "eth1",
                    "--grace", "0")) {
                String log = second.log();
                for (int i = 0; i < 50 && !log.contains("director running"); i++) {
                    Thread.sleep(100); // logged just after the control socket opens
                    log = second.log();
                }
                assertTrue(log.contains("cannot run here") && log.contains("staying in socket mode"), log);
                assertTrue(log.contains("data plane socket"), log);
            }
            assertTrue(tb.strayRules().contains("JLVS-IN -d 192.0.2.100/32"), "the owner's rules were touched");
            assertTrue(curl("http://" + VIP + "/").contains("peer=203.0.113.10"));
        }
    }
}

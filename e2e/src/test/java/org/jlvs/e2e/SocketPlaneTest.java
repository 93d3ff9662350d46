package org.jlvs.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The socket data plane end to end: bin/jlvsd, bin/ipvsadm, curl and stub realservers. */
class SocketPlaneTest {

    static String curl(Director d, String url) throws Exception {
        Director.Result r = d.run(List.of("curl", "-s", "--max-time", "10", url), "", Map.of());
        return r.status() == 0 ? r.out().strip() : "curl exit " + r.status();
    }

    static String name(String answer) {
        return answer.split(" ")[0];
    }

    @Test
    void roundRobinOverThreeRealserversAsIpvsadmConfiguresIt() throws Exception {
        try (Realservers rs = new Realservers(); Director d = Director.start()) {
            int vport = Realservers.freePort();
            List<Integer> ports = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int p = Realservers.freePort();
                ports.add(p);
                rs.http("rs" + i, p);
            }
            d.ok("-A", "-t", "127.0.0.1:" + vport, "-s", "rr");
            for (int p : ports) {
                d.ok("-a", "-t", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + p, "-m");
            }
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                seen.add(name(curl(d, "http://127.0.0.1:" + vport + "/")));
            }
            // the kernel's list is newest first: rs3 rs2 rs1
            assertEquals(List.of("rs3", "rs2", "rs1", "rs3", "rs2", "rs1"), seen);

            String stats = d.ok("-L", "-n", "--stats");
            assertTrue(stats.contains("TCP  127.0.0.1:" + vport), stats);
            String svcLine = stats.lines().filter(l -> l.startsWith("TCP")).findFirst().orElseThrow();
            assertEquals("6", svcLine.trim().split("\\s+")[2], stats);

            String conns = d.ok("-L", "-n", "-c");
            assertEquals(6, conns.lines().filter(l -> l.startsWith("TCP") && l.contains("TIME_WAIT")).count(), conns);
            String list = d.ok("-L", "-n");
            assertTrue(list.contains("Masq    1      0          2"), list);
        }
    }

    @Test
    void aQuiescedRealserverKeepsItsConnectionAndGetsNoNewOnes() throws Exception {
        try (Realservers rs = new Realservers(); Director d = Director.start()) {
            int vport = Realservers.freePort();
            int p1 = Realservers.freePort();
            int p2 = Realservers.freePort();
            rs.http("rs1", p1);
            rs.http("rs2", p2);
            d.ok("-A", "-t", "127.0.0.1:" + vport, "-s", "rr");
            d.ok("-a", "-t", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + p1, "-m");
            d.ok("-a", "-t", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + p2, "-m");
            // a slow request holds a connection to rs2 (first in list order) while we quiesce it
            try (Socket s = new Socket("127.0.0.1", vport)) {
                OutputStream o = s.getOutputStream();
                o.write(("GET /?sleep=1500 HTTP/1.0\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                o.flush();
                Thread.sleep(300);
                d.ok("-e", "-t", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + p2, "-m", "-w", "0");
                for (int i = 0; i < 4; i++) {
                    assertEquals("rs1", name(curl(d, "http://127.0.0.1:" + vport + "/")));
                }
                String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(reply.contains("rs2"), "the open connection went on: " + reply);
            }
            String list = d.ok("-L", "-n");
            assertTrue(list.lines().anyMatch(l -> l.matches("  -> 127\\.0\\.0\\.1:" + p2 + " +Masq +0 .*")), list);
        }
    }

    @Test
    void aDeadRealserverClosesTheClientAndTheDirectorGoesOn() throws Exception {
        try (Realservers rs = new Realservers(); Director d = Director.start()) {
            int vport = Realservers.freePort();
            int live = Realservers.freePort();
            int dead = Realservers.freePort(); // nothing listens there
            rs.http("live", live);
            d.ok("-A", "-t", "127.0.0.1:" + vport, "-s", "rr");
            d.ok("-a", "-t", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + live, "-m");
            d.ok("-a", "-t", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + dead, "-m");
            String first = curl(d, "http://127.0.0.1:" + vport + "/");
            assertTrue(first.startsWith("curl exit"), "the dead realserver's client is closed: " + first);
            assertEquals("live", name(curl(d, "http://127.0.0.1:" + vport + "/")));
            assertTrue(curl(d, "http://127.0.0.1:" + vport + "/").startsWith("curl exit"));
            assertEquals("live", name(curl(d, "http://127.0.0.1:" + vport + "/")));
            assertTrue(d.ok("-L", "-n", "-c").contains("CLOSE"), "a refused connection ends in CLOSE");
            String status = d.run(List.of(Director.BIN.resolve("jlvs").toString(), "status"), "", Map.of()).out();
            assertTrue(status.contains("realserver 127.0.0.1:" + dead + " of TCP 127.0.0.1:" + vport
                    + " refused or timed out: 2"), "the failures are counted: " + status);
        }
    }

    @Test
    void persistenceSendsAClientBackToItsRealserver() throws Exception {
        try (Realservers rs = new Realservers(); Director d = Director.start()) {
            int vport = Realservers.freePort();
            for (int i = 1; i <= 3; i++) {
                int p = Realservers.freePort();
                rs.http("rs" + i, p);
                if (i == 1) {
                    d.ok("-A", "-t", "127.0.0.1:" + vport, "-s", "rr", "-p", "120");
                }
                d.ok("-a", "-t", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + p, "-m");
            }
            String first = name(curl(d, "http://127.0.0.1:" + vport + "/"));
            for (int i = 0; i < 4; i++) {
                assertEquals(first, name(curl(d, "http://127.0.0.1:" + vport + "/")));
            }
            String conns = d.ok("-L", "-n", "-c");
            // the template: client port 0, ASSURED once a connection under it was established
            assertTrue(conns.lines().anyMatch(l -> l.startsWith("TCP") && l.contains("ASSURED")
                    && l.contains("127.0.0.1:0 ")), "the template is listed: " + conns);
        }
    }

    @Test
    void udpVirtualConnectionsFollowTheirClient() throws Exception {
        try (Realservers rs = new Realservers(); Director d = Director.start()) {
            int vport = Realservers.freePort();
            int p1 = Realservers.freePort();
            int p2 = Realservers.freePort();
            rs.udpEcho("u1", p1);
            rs.udpEcho("u2", p2);
            d.ok("-A", "-u", "127.0.0.1:" + vport, "-s", "rr");
            d.ok("-a", "-u", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + p1, "-m");
            d.ok("-a", "-u", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + p2, "-m");
            try (DatagramSocket a = new DatagramSocket(); DatagramSocket b = new DatagramSocket()) {
                a.setSoTimeout(5000);
                b.setSoTimeout(5000);
                String fromA1 = exchange(a, vport, "hello");
                String fromA2 = exchange(a, vport, "again");
                String fromB = exchange(b, vport, "other");
                assertEquals(fromA1.split(":")[0], fromA2.split(":")[0], "one client stays on its realserver");
                assertNotEquals(fromA1.split(":")[0], fromB.split(":")[0], "rr moves on for the next client");
                assertEquals("u2:hello", fromA1);
            }
            String conns = d.ok("-L", "-n", "-c");
            assertEquals(2, conns.lines().filter(l -> l.startsWith("UDP") && l.contains(" UDP ")).count(), conns);
            String list = d.ok("-L", "-n");
            assertTrue(list.contains("Masq    1      0          1"), "UDP entries count as inactive: " + list);
        }
    }

    static String exchange(DatagramSocket s, int vport, String msg) throws Exception {
        byte[] b = msg.getBytes(StandardCharsets.UTF_8);
        s.send(new DatagramPacket(b, b.length, new InetSocketAddress("127.0.0.1", vport)));
        DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
        s.receive(p);
        assertEquals(vport, p.getPort(), "the reply comes from the virtual service");
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    @Test
    void proxyProtocolTellsTheRealserverWhoTheClientIs() throws Exception {
        try (Realservers rs = new Realservers()) {
            int vport = Realservers.freePort();
            int p = Realservers.freePort();
            List<String> lines = rs.firstLines(p);
            try (Director d = Director.start("--proxy-protocol", "127.0.0.1:" + p + "=v1")) {
                d.ok("-A", "-t", "127.0.0.1:" + vport, "-s", "wlc");
                d.ok("-a", "-t", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + p, "-m");
                try (Socket s = new Socket("127.0.0.1", vport)) {
                    s.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
                    s.shutdownOutput();
                    String echoed = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                    assertEquals("ping\n", echoed, "the header line is the director's; the client's bytes follow it");
                    assertEquals(List.of("PROXY TCP4 127.0.0.1 127.0.0.1 " + s.getLocalPort() + " " + vport + "\r"), lines);
                }
            }
        }
    }

    @Test
    void proxyProtocolV2ForAWholeServiceCarriesTheClientInBinary() throws Exception {
        try (Realservers rs = new Realservers()) {
            int vport = Realservers.freePort();
            int p = Realservers.freePort();
            List<String> headers = rs.proxyV2Headers(p);
            try (Director d = Director.start("--proxy-protocol", "127.0.0.1:" + vport + "=v2")) {
                d.ok("-A", "-t", "127.0.0.1:" + vport, "-s", "rr");
                d.ok("-a", "-t", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + p, "-m");
                try (Socket s = new Socket("127.0.0.1", vport)) {
                    s.getOutputStream().write("data".getBytes(StandardCharsets.US_ASCII));
                    s.shutdownOutput();
                    assertEquals("data", new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
                    assertEquals(List.of("TCP4 127.0.0.1:" + s.getLocalPort() + " 127.0.0.1:" + vport), headers);
                }
            }
        }
    }

    @Test
    void aFwmarkServiceIsServedOnThePortsGivenForItAsOneService() throws Exception {
        try (Realservers rs = new Realservers()) {
            int web = Realservers.freePort();
            int alt = Realservers.freePort();
            int p1 = Realservers.freePort();
            int p2 = Realservers.freePort();
            rs.http("rs1", p1);
            rs.http("rs2", p2);
            try (Director d = Director.start("--fwmark-ports", "7=tcp:127.0.0.1:" + web + ",tcp:127.0.0.1:" + alt)) {
                d.ok("-A", "-f", "7", "-s", "rr", "-p", "60");
                d.ok("-a", "-f", "7", "-r", "127.0.0.1:" + p1, "-m");
                d.ok("-a", "-f", "7", "-r", "127.0.0.1:" + p2, "-m");
                String first = name(curl(d, "http://127.0.0.1:" + web + "/"));
                // one persistence template covers every port of the mark
                assertEquals(first, name(curl(d, "http://127.0.0.1:" + alt + "/")));
                assertEquals(first, name(curl(d, "http://127.0.0.1:" + web + "/")));
                String conns = d.ok("-L", "-n", "-c");
                assertTrue(conns.lines().anyMatch(l -> l.startsWith("IP ")), "an IPPROTO_IP template: " + conns);
            }
        }
    }

    @Test
    void aPortZeroPersistentServiceIsServedOnItsConfiguredPorts() throws Exception {
        try (Realservers rs = new Realservers()) {
            int port = Realservers.freePort();
            rs.http("rs1", port + 0);
            try (Director d = Director.start("--service-ports", "tcp:127.0.0.2:0=" + port)) {
                d.ok("-A", "-t", "127.0.0.2:0", "-s", "rr", "-p", "60");
                d.ok("-a", "-t", "127.0.0.2:0", "-r", "127.0.0.1", "-m");
                // a portless realserver takes the packet's port
                assertEquals("rs1", name(curl(d, "http://127.0.0.2:" + port + "/")));
            }
        }
    }

    @Test
    void aReplyAndTheRealserversCloseRightBehindItArriveWhole() throws Exception {
        // the director corks the client's socket when the FIN is already behind the first reply,
        // so that reply and FIN leave together: a short reply and a long one must both arrive whole
        byte[] small = "short answer\n".getBytes(StandardCharsets.US_ASCII);
        byte[] large = new byte[3 << 20];
        new java.util.Random(7).nextBytes(large);
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             Director d = Director.start()) {
            Thread.ofVirtual().start(() -> {
                for (int n = 0; ; n++) {
                    try (Socket c = server.accept()) {
                        c.getOutputStream().write(n % 2 == 0 ? small : large);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            int vport = Realservers.freePort();
            d.ok("-A", "-t", "127.0.0.1:" + vport, "-s", "rr");
            d.ok("-a", "-t", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + server.getLocalPort(), "-m");
            for (int i = 0; i < 6; i++) {
                try (Socket s = new Socket("127.0.0.1", vport)) {
                    s.setSoTimeout(10_000);
                    byte[] got = s.getInputStream().readAllBytes();
                    assertArrayEquals(i % 2 == 0 ? small : large, got, "reply " + i);
                }
            }
        }
    }

    @Test
    void aRealserverThatNeverAnswersDoesNotHoldUpNewConnections() throws Exception {
        // The director accepts only a few dozen connections at a time that have not reached their
        // realserver yet. One that hangs (here: a listener whose full accept queue drops the SYN)
        // must stop counting long before the 5 s connect timeout, or a burst of clients would wait
        // for it behind the hung ones.
        try (java.net.ServerSocket hung = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             Realservers rs = new Realservers(); Director d = Director.start()) {
            int live = Realservers.freePort();
            rs.http("live", live);
            List<Socket> queued = new ArrayList<>();   // fill the hung listener's queue, never accepted
            try {
                while (queued.size() < 8) {
                    Socket q = new Socket();
                    queued.add(q);
                    q.connect(hung.getLocalSocketAddress(), 300);
                }
            } catch (java.net.SocketTimeoutException full) {
                // the queue is full: SYNs to it are dropped from now on
            }
            assertTrue(queued.size() < 8, "the hung listener's queue fills");
            int vport = Realservers.freePort();
            d.ok("-A", "-t", "127.0.0.1:" + vport, "-s", "rr");
            d.ok("-a", "-t", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + live, "-m");
            d.ok("-a", "-t", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + hung.getLocalPort(), "-m");
            int clients = 400;
            java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < clients; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try (Socket s = new Socket("127.0.0.1", vport)) {
                        s.setSoTimeout(4_000);
                        s.getOutputStream().write("GET / HTTP/1.0\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        if (new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).contains("live")) {
                            answered.incrementAndGet();
                        }
                    } catch (IOException e) {
                        // the hung realserver's clients time out here
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            // rr sends every other client to the live realserver; all of those answer in time
            assertEquals(clients / 2, answered.get(), "answered by the live realserver in " + ms + " ms");
            for (Socket q : queued) {
                q.close();
            }
        }
    }

    @Test
    void halfClosedConnectionsStillGetTheirAnswer() throws Exception {
        try (Realservers rs = new Realservers(); Director d = Director.start()) {
            int vport = Realservers.freePort();
            int p = Realservers.freePort();
            rs.firstLines(p); // echoes everything after the first line
            d.ok("-A", "-t", "127.0.0.1:" + vport, "-s", "rr");
            d.ok("-a", "-t", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + p, "-m");
            try (Socket s = new Socket("127.0.0.1", vport)) {
                byte[] big = new byte[1 << 20];
                java.util.Arrays.fill(big, (byte) 'x');
                OutputStream o = s.getOutputStream();
                o.write("header\n".getBytes(StandardCharsets.US_ASCII));
                Thread writer = Thread.ofVirtual().start(() -> {
                    try {
                        o.write(big);
                        s.shutdownOutput(); // FIN from the client; the answer must still come back
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                InputStream in = s.getInputStream();
                assertEquals(big.length, in.readAllBytes().length);
                writer.join();
            }
        }
    }

    @Test
    void sigtermClosesListenersFirstAndLetsOpenConnectionsFinish() throws Exception {
        try (Realservers rs = new Realservers()) {
            int vport = Realservers.freePort();
            int p = Realservers.freePort();
            rs.http("rs1", p);
            Director d = Director.start("--grace", "5");
            try (d) {
                d.ok("-A", "-t", "127.0.0.1:" + vport, "-s", "rr");
                d.ok("-a", "-t", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + p, "-m");
                try (Socket s = new Socket("127.0.0.1", vport)) {
                    s.getOutputStream().write("GET /?sleep=1500 HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    Thread.sleep(300);
                    d.process.destroy(); // SIGTERM
                    Thread.sleep(300);
                    assertTrue(d.process.isAlive(), "still draining");
                    assertFalse(canConnect(vport), "the listener is closed first");
                    String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                    assertTrue(reply.contains("rs1"), reply);
                }
                assertTrue(d.process.waitFor(10, TimeUnit.SECONDS));
                assertTrue(d.log().contains("stopped"), d.log());
            }
        }
    }

    static boolean canConnect(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void aServiceOnAnAddressThatIsNotLocalIsAccepted() throws Exception {
        try (Director d = Director.start()) {
            d.ok("-A", "-t", "198.51.100.200:80", "-s", "rr");
            d.ok("-a", "-t", "198.51.100.200:80", "-r", "127.0.0.1:9", "-m");
            assertTrue(d.ok("-L", "-n").contains("TCP  198.51.100.200:80 rr"));
            // IP_FREEBIND binds it before the address exists here; jlvs status says so
            Director.Result st = d.run(List.of(Director.BIN.resolve("jlvs").toString(), "status"), "", Map.of());
            assertTrue(st.out().contains("listener tcp:198.51.100.200:80: listening"), st.out() + st.err());
            // a port below 1024 as a non-root user, or an address in use, is kept and explained
            int busy = Realservers.freePort();
            try (java.net.ServerSocket taken = new java.net.ServerSocket(busy, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
                d.ok("-A", "-t", "127.0.0.1:" + busy, "-s", "rr");
                String status = d.run(List.of(Director.BIN.resolve("jlvs").toString(), "status"), "", Map.of()).out();
                assertTrue(status.contains("listener tcp:127.0.0.1:" + busy + ": not bound: "), status);
                assertTrue(d.ok("-L", "-n").contains("TCP  127.0.0.1:" + busy + " rr"), "still listed");
            }
            // once the port is free the director binds it by itself (retried every 5 s)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
            String status = "";
            while (System.nanoTime() < deadline) {
                status = d.run(List.of(Director.BIN.resolve("jlvs").toString(), "status"), "", Map.of()).out();
                if (status.contains("listener tcp:127.0.0.1:" + busy + ": listening")) {
                    break;
                }
                Thread.sleep(500);
            }
            assertTrue(status.contains("listener tcp:127.0.0.1:" + busy + ": listening"), status);
        }
    }
}

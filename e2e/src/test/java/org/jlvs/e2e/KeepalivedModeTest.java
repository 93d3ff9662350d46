package org.jlvs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpServer;
import org.jlvs.admin.control.ControlClient;
import org.jlvs.admin.control.Request;
import org.jlvs.admin.control.Response;
import org.junit.jupiter.api.Test;

/**
 * keepalived mode end to end: bin/jlvsd -f keepalived.conf with the socket plane, stub web
 * servers the test starts and stops, real client connections, bin/ipvsadm to look at the table,
 * SIGHUP and the control socket to reload. delay_loop is 1 s so each case takes seconds.
 */
class KeepalivedModeTest {
    /** Check timing used by every file here; a dead server is seen within DETECT. */
    static final String TIMING = """
              delay_loop 1
              connect_timeout 1
              retry 1
              delay_before_retry 1
            """;
    /** delay_loop + retry x (connect_timeout + delay_before_retry), plus slack for a loaded machine. */
    static final Duration DETECT = Duration.ofSeconds(1 + 2 + 3);

    /** A stub web server that can be stopped and started again on its port. */
    static final class Backend implements AutoCloseable {
        final String name;
        final int port;
        private HttpServer server;

        Backend(String name) throws IOException {
            this.name = name;
            this.port = Realservers.freePort();
            up();
        }

        void up() throws IOException {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            s.createContext("/", ex -> {
                String q = ex.getRequestURI().getQuery();
                if (q != null && q.startsWith("sleep=")) {
                    try {
                        Thread.sleep(Long.parseLong(q.substring(6)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = (name + "\n").getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(body);
                }
            });
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.start();
            server = s;
        }

        void down() {
            if (server != null) {
                server.stop(0);
                server = null;
            }
        }

        @Override
        public void close() {
            down();
        }
    }

    /** One request on a new connection: the backend's name, or "error". */
    static String get(int vport, String path) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", vport), 2000);
            s.setSoTimeout(10000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            int body = answer.indexOf("\r\n\r\n");
            return answer.startsWith("HTTP/1.1 200") && body > 0 ? answer.substring(body + 4).strip() : "error";
        } catch (IOException e) {
            return "error";
        }
    }

    static Path write(Path dir, String text) throws IOException {
        Path f = dir.resolve("keepalived.conf");
        Files.writeString(f, text);
        return f;
    }

    /** A round-robin NAT virtual server on 127.0.0.1:vport with the file's check timing, around {@code body}. */
    static String natService(int vport, String body) {
        return "virtual_server 127.0.0.1 " + vport + " {\n" + TIMING + "  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n" + body + "}\n";
    }

    static String realServer(Backend b, String extra) {
        return "  real_server 127.0.0.1 " + b.port + " {\n" + extra + "    TCP_CHECK { }\n  }\n";
    }

    static Director start(Path conf, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("-f", conf.toString(), "-i", "e2e"));
        args.addAll(List.of(more));
        return Director.start(args.toArray(String[]::new));
    }

    /** Polls bin/ipvsadm -L -n until {@code cond} holds; the time it took. */
    static Duration awaitTable(Director d, Duration limit, Predicate<String> cond) throws Exception {
        long t0 = System.nanoTime();
        String last = "";
        while (System.nanoTime() - t0 < limit.toNanos()) {
            last = d.ok("-L", "-n");
            if (cond.test(last)) {
                return Duration.ofNanos(System.nanoTime() - t0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("table not as expected after " + limit + ":\n" + last + "\nlog:\n" + d.log());
    }

    /** Waits until every checker of these backends has passed once (a first failure would count as at start). */
    static void awaitFirstChecks(Director d, Backend... bs) throws Exception {
        long t0 = System.nanoTime();
        while (true) {
            String log = d.log();
            if (java.util.Arrays.stream(bs).allMatch(b -> log.contains("TCP connection to [127.0.0.1]:tcp:" + b.port + " success."))) {
                return;
            }
            if (System.nanoTime() - t0 > Duration.ofSeconds(10).toNanos()) {
                throw new AssertionError("the first checks did not pass:\n" + log);
            }
            Thread.sleep(50);
        }
    }

    static boolean has(String table, Backend b) {
        return table.contains("127.0.0.1:" + b.port + " ");
    }

    static void signal(Director d, String sig) throws Exception {
        // the shell's own kill: no procps needed
        Process k = new ProcessBuilder("sh", "-c", "kill -" + sig + " " + d.process.pid()).start();
        assertEquals(0, k.waitFor());
    }

    @Test
    void aKilledServerLeavesWithinItsRetriesAndComesBack() throws Exception {
        Path dir = Files.createTempDirectory("ka-e2e");
        try (Backend rs1 = new Backend("rs1"); Backend rs2 = new Backend("rs2")) {
            int vport = Realservers.freePort();
            Path conf = write(dir, natService(vport, realServer(rs1, "") + realServer(rs2, "")));
            try (Director d = start(conf)) {
                awaitTable(d, Duration.ofSeconds(10), t -> has(t, rs1) && has(t, rs2));
                awaitFirstChecks(d, rs1, rs2);
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < 4; i++) {
                    seen.add(get(vport, "/"));
                }
                assertEquals(Set.of("rs1", "rs2"), seen);

                // traffic keeps flowing while rs2 dies
                List<String> during = new java.util.concurrent.CopyOnWriteArrayList<>();
                Thread traffic = Thread.ofVirtual().start(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        during.add(get(vport, "/"));
                    }
                });
                rs2.down();
                Duration gone = awaitTable(d, DETECT, t -> !has(t, rs2));
                traffic.interrupt();
                traffic.join();
                assertTrue(gone.compareTo(DETECT) < 0, "gone after " + gone);
                for (int i = 0; i < 20; i++) {
                    assertEquals("rs1", get(vport, "/"), "every new connection goes to rs1");
                }
                String log = d.log();
                String rs2Name = "[127.0.0.1]:tcp:" + rs2.port;
                String vs = "[127.0.0.1]:tcp:" + vport;
                assertTrue(log.contains("TCP_CHECK on service " + rs2Name + " failed after 1 retries."), log);
                assertTrue(log.contains("Removing service " + rs2Name + " from VS " + vs), log);
                assertTrue(during.contains("rs1"), "the service answered during the failure: " + during.size());

                rs2.up();
                awaitTable(d, Duration.ofSeconds(5), t -> has(t, rs2));
                seen.clear();
                for (int i = 0; i < 4; i++) {
                    seen.add(get(vport, "/"));
                }
                assertEquals(Set.of("rs1", "rs2"), seen);
                assertTrue(d.log().contains("Adding service " + rs2Name + " to VS " + vs), d.log());
            }
        }
    }

    @Test
    void stateChangesAreWrittenToTheNotifyFifos() throws Exception {
        Path dir = Files.createTempDirectory("ka-e2e");
        Path made = dir.resolve("notify.fifo");   // the director makes this one, and removes it
        Path theirs = dir.resolve("lvs.fifo");    // this one is the reader's: it stays
        Netns.sh("mkfifo " + theirs);
        // notify_fifo_script: started with the fifo's path as its last argument
        Path script = dir.resolve("fifo-reader.sh");
        Path copied = dir.resolve("copied.txt");
        Files.writeString(script, "#!/bin/sh\nwhile read -r line; do echo \"$line\" >> " + copied + "; done < \"$1\"\n");
        Netns.sh("chmod 755 " + script);
        try (Backend rs1 = new Backend("rs1")) {
            int vport = Realservers.freePort();
            Path conf = write(dir, "global_defs {\n  notify_fifo " + made + "\n  notify_fifo_script " + script
                    + "\n  lvs_notify_fifo " + theirs + "\n}\n"
                    + natService(vport, realServer(rs1, "")));
            List<String> fromTheirs = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (Director d = start(conf)) {
                awaitFirstChecks(d, rs1);
                assertTrue(Files.exists(made), "notify_fifo made at start");
                Thread r = reader(theirs, fromTheirs);
                String rs = "[127.0.0.1]:tcp:" + rs1.port;
                String vs = "[127.0.0.1]:tcp:" + vport;
                rs1.down();
                awaitTable(d, DETECT, t -> !has(t, rs1));
                rs1.up();
                awaitTable(d, Duration.ofSeconds(5), t -> has(t, rs1));
                // the quorum comes up at start (keepalived runs quorum_up then too)
                List<String> want = List.of("VS " + vs + " UP", "RS " + rs + " " + vs + " DOWN", "VS " + vs + " DOWN",
                        "RS " + rs + " " + vs + " UP", "VS " + vs + " UP");
                long t0 = System.nanoTime();
                while ((lines(copied).size() < 5 || fromTheirs.size() < 5) && System.nanoTime() - t0 < 5_000_000_000L) {
                    Thread.sleep(20);
                }
                assertEquals(want, lines(copied), d.log());
                assertEquals(want, fromTheirs);
                d.terminate();
                r.join(5000);
                assertFalse(r.isAlive(), "the reader saw the end of the fifo when the director stopped");
                assertFalse(Files.exists(made), "the fifo the director made is removed at stop");
                assertTrue(Files.exists(theirs), "a fifo that was there stays");
                t0 = System.nanoTime();
                while (ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(script.toString()))) {
                    assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "the fifo script ended with the director");
                    Thread.sleep(20);
                }
            }
        }
    }

    private static List<String> lines(Path f) throws IOException {
        return Files.exists(f) ? Files.readAllLines(f) : List.of();
    }

    @Test
    void withMinusSTheLinesGoToSyslogInThatFacilityAndNotToStderr() throws Exception {
        Path dir = Files.createTempDirectory("ka-e2e");
        String sock = dir.resolve("log").toString();
        try (Backend rs1 = new Backend("rs1"); java.lang.foreign.Arena a = java.lang.foreign.Arena.ofConfined()) {
            int rx = org.jlvs.sys.libc.Sockets.socket(org.jlvs.sys.libc.Sockets.AF_UNIX,
                    org.jlvs.sys.libc.Sockets.SOCK_DGRAM | org.jlvs.sys.libc.Sockets.SOCK_CLOEXEC, 0);
            try {
                assertEquals(0, org.jlvs.sys.libc.Sockets.bind(rx, org.jlvs.sys.libc.SockAddr.unix(a, sock)));
                assertEquals(0, org.jlvs.sys.libc.Sockets.receiveTimeout(rx, 10_000));
                int vport = Realservers.freePort();
                Path conf = write(dir, natService(vport, realServer(rs1, "")));
                try (Director d = Director.startIn(List.of(), java.util.Map.of("JLVS_SYSLOG_SOCKET", sock),
                        "-f", conf.toString(), "-i", "e2e", "-S", "3")) {
                    awaitTable(d, Duration.ofSeconds(10), t -> has(t, rs1));
                    java.lang.foreign.MemorySegment buf = a.allocate(4096);
                    int n = org.jlvs.sys.libc.Sockets.recv(rx, buf, 4096, 0);
                    assertTrue(n > 0, "nothing came to the log socket: " + n);
                    String first = new String(buf.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE),
                            StandardCharsets.UTF_8);
                    // local3.info is 19 * 8 + 6
                    assertTrue(first.matches("<158>\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d Keepalived_healthcheckers\\[\\d+\\]: "
                            + "Starting Keepalived v.*"), first);
                    assertFalse(d.log().contains("Starting Keepalived"), "without -l nothing of keepalived's goes to stderr:\n" + d.log());
                }
            } finally {
                org.jlvs.sys.libc.Sockets.close(rx);
            }
        }
    }

    /** Reads a fifo's lines until its last writer closes it. */
    private static Thread reader(Path fifo, List<String> into) {
        Thread t = new Thread(() -> {
            try (var in = Files.newBufferedReader(fifo)) {
                for (String l; (l = in.readLine()) != null; ) {
                    into.add(l);
                }
            } catch (IOException e) {
                into.add("error: " + e);
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void anEditOfARealserverDeletedBehindItsBackAddsItAgain() throws Exception {
        Path dir = Files.createTempDirectory("ka-e2e");
        try (Backend rs1 = new Backend("rs1"); Backend rs2 = new Backend("rs2")) {
            int vport = Realservers.freePort();
            Path conf = write(dir, natService(vport, realServer(rs1, "    inhibit_on_failure\n") + realServer(rs2, "")));
            try (Director d = start(conf)) {
                awaitTable(d, Duration.ofSeconds(10), t -> has(t, rs1) && has(t, rs2));
                awaitFirstChecks(d, rs1, rs2);
                d.ok("-d", "-t", "127.0.0.1:" + vport, "-r", "127.0.0.1:" + rs1.port);
                rs1.down();
                // inhibit_on_failure edits rs1 to weight 0; keepalived's edit falls back to an add
                awaitTable(d, DETECT, t -> t.lines().anyMatch(l -> l.matches("  -> 127\\.0\\.0\\.1:" + rs1.port + " +Masq +0 .*")));
            }
        }
    }

    @Test
    void inhibitOnFailureQuiescesAndAllDownBringsTheSorryServer() throws Exception {
        Path dir = Files.createTempDirectory("ka-e2e");
        try (Backend rs1 = new Backend("rs1"); Backend rs2 = new Backend("rs2"); Backend sorry = new Backend("sorry")) {
            int vport = Realservers.freePort();
            Path conf = write(dir, natService(vport, "  sorry_server 127.0.0.1 " + sorry.port + "\n"
                    + realServer(rs1, "    inhibit_on_failure\n") + realServer(rs2, "")));
            try (Director d = start(conf)) {
                awaitTable(d, Duration.ofSeconds(10), t -> has(t, rs1) && has(t, rs2) && !has(t, sorry));
                awaitFirstChecks(d, rs1, rs2);
                rs1.down();
                String t1 = d.ok("-L", "-n");
                awaitTable(d, DETECT, t -> t.lines().anyMatch(l -> l.matches("  -> 127\\.0\\.0\\.1:" + rs1.port + " +Masq +0 .*")));
                assertTrue(d.log().contains("Disabling service [127.0.0.1]:tcp:" + rs1.port + " of VS [127.0.0.1]:tcp:" + vport),
                        d.log());
                for (int i = 0; i < 6; i++) {
                    assertEquals("rs2", get(vport, "/"), "weight 0 takes no new connection; before: " + t1);
                }
                rs2.down();
                awaitTable(d, DETECT, t -> has(t, sorry) && !has(t, rs2));
                assertEquals("sorry", get(vport, "/"));
                String log = d.log();
                assertTrue(log.contains("Lost quorum 1-0=1 > 0 for VS [127.0.0.1]:tcp:" + vport), log);
                assertTrue(log.contains("Adding sorry server [127.0.0.1]:tcp:" + sorry.port + " to VS [127.0.0.1]:tcp:" + vport), log);
                rs2.up();
                awaitTable(d, Duration.ofSeconds(5), t -> has(t, rs2) && !has(t, sorry));
                assertEquals("rs2", get(vport, "/"));
                assertTrue(d.log().contains("Gained quorum 1+0=1 <= 1 for VS [127.0.0.1]:tcp:" + vport), d.log());
            }
        }
    }

    @Test
    void aReloadAppliesOnlyTheChangeAndOpenConnectionsSurvive() throws Exception {
        Path dir = Files.createTempDirectory("ka-e2e");
        try (Backend rs1 = new Backend("rs1"); Backend rs2 = new Backend("rs2"); Backend rs3 = new Backend("rs3");
             Backend rs4 = new Backend("rs4")) {
            int vport = Realservers.freePort();
            Path conf = write(dir, natService(vport, realServer(rs1, "    weight 1\n") + realServer(rs2, "") + realServer(rs3, "")));
            Path dumps = Files.createDirectories(dir.resolve("dumps"));
            try (Director d = Director.startIn(List.of("env", "JLVSD_JAVA_OPTS=-Djlvs.keepalived.dump-dir=" + dumps),
                    "-f", conf.toString(), "-i", "e2e")) {
                awaitTable(d, Duration.ofSeconds(10), t -> has(t, rs1) && has(t, rs2) && has(t, rs3));
                awaitFirstChecks(d, rs1, rs2, rs3);
                // one slow request held open on each server
                List<Socket> open = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    Socket s = new Socket("127.0.0.1", vport);
                    s.getOutputStream().write("GET /?sleep=4000 HTTP/1.0\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getOutputStream().flush();
                    open.add(s);
                }
                Thread.sleep(300);
                String before = d.ok("-S", "-n");
                String statsBefore = d.ok("-L", "-n", "--stats");
                write(dir, natService(vport, realServer(rs1, "    weight 3\n") + realServer(rs2, "") + realServer(rs4, "")));
                signal(d, "HUP");
                awaitTable(d, Duration.ofSeconds(5), t -> has(t, rs4) && !has(t, rs3));
                String after = d.ok("-S", "-n");
                Set<String> expected = new HashSet<>(before.replace("-r 127.0.0.1:" + rs1.port + " -m -w 1",
                        "-r 127.0.0.1:" + rs1.port + " -m -w 3").lines().toList());
                assertTrue(expected.remove("-a -t 127.0.0.1:" + vport + " -r 127.0.0.1:" + rs3.port + " -m -w 1"), before);
                expected.add("-a -t 127.0.0.1:" + vport + " -r 127.0.0.1:" + rs4.port + " -m -w 1");
                assertEquals(expected, new HashSet<>(after.lines().toList()), "only the change: rs1's weight, rs3 out, rs4 in");
                String statsAfter = d.ok("-L", "-n", "--stats");
                assertEquals(conns(statsBefore), conns(statsAfter), "the service's counters were not reset:\n"
                        + statsBefore + statsAfter);
                Set<String> answers = new HashSet<>();
                for (Socket s : open) {
                    try (s; InputStream in = s.getInputStream()) {
                        String a = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                        assertTrue(a.startsWith("HTTP/1.1 200"), "an open connection survived the reload: " + a);
                        answers.add(a.substring(a.indexOf("\r\n\r\n") + 4).strip());
                    }
                }
                assertEquals(Set.of("rs1", "rs2", "rs3"), answers, "even rs3's, removed meanwhile");
                String log = d.log();
                assertTrue(log.contains("Changing weight from 1 to 3 for active service [127.0.0.1]:tcp:" + rs1.port), log);
                assertTrue(log.contains("service [127.0.0.1]:tcp:" + rs3.port + " no longer exist"), log);

                // a broken file through the control socket: refused, nothing changes
                String good = Files.readString(conf);
                Files.writeString(conf, good.replace("lb_algo rr", "lb_algo rr\n  real_server {"));
                try (ControlClient c = ControlClient.connect(d.socket)) {
                    Response r = c.call(Request.of("reload"));
                    assertFalse(r.ok(), "a bad file is refused");
                    assertTrue(r.message().contains("keepalived.conf:"), r.message());
                }
                assertEquals(after, d.ok("-S", "-n"));
                Files.writeString(conf, good.replace("weight 3", "weight 2"));
                try (ControlClient c = ControlClient.connect(d.socket)) {
                    assertTrue(c.call(Request.of("reload")).ok());
                }
                assertTrue(d.ok("-S", "-n").contains("-r 127.0.0.1:" + rs1.port + " -m -w 2"));

                signal(d, "USR1");
                Path data = dumps.resolve("keepalived_check.data");
                long t0 = System.nanoTime();
                while (!Files.exists(data) && System.nanoTime() - t0 < 5_000_000_000L) {
                    Thread.sleep(50);
                }
                String dump = Files.readString(data);
                assertTrue(dump.startsWith("------< Global definitions >------\n"), dump);
                assertTrue(dump.contains("------< LVS Topology >------\n"), dump);
                assertTrue(dump.contains("\n VS = [127.0.0.1]:tcp:" + vport + "\n"), dump);
            }
        }
    }

    @Test
    void aTrackFileSetsItsServersWeightAndCanTakeItOut() throws Exception {
        Path dir = Files.createTempDirectory("ka-e2e");
        Path drain = dir.resolve("drain");
        try (Backend rs1 = new Backend("rs1"); Backend rs2 = new Backend("rs2")) {
            int vport = Realservers.freePort();
            Path conf = write(dir, "track_file drain {\n  file " + drain + "\n  weight 10\n  init_file 3\n}\n"
                    + "virtual_server 127.0.0.1 " + vport + " {\n  lb_algo wrr\n  lb_kind NAT\n  protocol TCP\n"
                    + "  real_server 127.0.0.1 " + rs1.port + " {\n    weight 50\n"
                    + "    FILE_CHECK {\n      track_file drain\n    }\n  }\n"
                    + "  real_server 127.0.0.1 " + rs2.port + " {\n    weight 50\n"
                    + "    FILE_CHECK {\n      track_file drain\n      weight 0 reverse\n    }\n  }\n}\n");
            try (Director d = start(conf)) {
                // init_file wrote 3: rs1 50 + 30; rs2 fails only on 0 (reverse)
                String rs1Line = "-a -t 127.0.0.1:" + vport + " -r 127.0.0.1:" + rs1.port + " -m -w ";
                String rs2Line = "-a -t 127.0.0.1:" + vport + " -r 127.0.0.1:" + rs2.port + " -m -w ";
                awaitSaved(d, s -> s.contains(rs1Line + "80") && s.contains(rs2Line + "50"));
                assertEquals("3\n", Files.readString(drain));
                Files.writeString(drain, "-5\n");  // draining rs1: weight 0
                awaitSaved(d, s -> s.contains(rs1Line + "0\n") && s.contains(rs2Line + "50"));
                Files.writeString(drain, "0\n");  // rs2's check fails: out
                awaitSaved(d, s -> s.contains(rs1Line + "50") && !s.contains(rs2Line));
                String log = d.log();
                assertTrue(log.contains("Changing weight from 80 to 0 for active service [127.0.0.1]:tcp:" + rs1.port), log);
                assertTrue(log.contains("Removing service [127.0.0.1]:tcp:" + rs2.port + " from VS [127.0.0.1]:tcp:" + vport), log);
                Files.delete(drain);  // gone reads as 0 too: nothing changes
                Files.writeString(drain, "1\n");
                awaitSaved(d, s -> s.contains(rs1Line + "60") && s.contains(rs2Line + "50"));
            }
        }
    }

    /** Polls bin/ipvsadm -S -n until {@code cond} holds. */
    static void awaitSaved(Director d, Predicate<String> cond) throws Exception {
        long t0 = System.nanoTime();
        String last = "";
        while (System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos()) {
            last = d.ok("-S", "-n");
            if (cond.test(last)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("table not as expected:\n" + last + "\nlog:\n" + d.log());
    }

    @Test
    void startAndStopLogKeepalivedsBannerLines() throws Exception {
        Path dir = Files.createTempDirectory("ka-e2e");
        try (Backend rs1 = new Backend("rs1")) {
            int vport = Realservers.freePort();
            Path conf = write(dir, "virtual_server 127.0.0.1 " + vport + " {\n  lb_algo rr\n  protocol TCP\n"
                    + "  real_server 127.0.0.1 " + rs1.port + " {\n  }\n}\n");
            try (Director d = start(conf)) {
                awaitTable(d, Duration.ofSeconds(10), t -> has(t, rs1));
                d.terminate();
                List<String> lines = d.log().lines().toList();
                String argv0 = Director.BIN.resolve("jlvsd").toString();
                assertEquals("Starting Keepalived v2.2.7 (01/16,2022)", lines.getFirst(), d.log());
                assertTrue(lines.get(1).matches("Running on Linux \\S+ .* \\(built for Linux \\d+\\.\\d+\\.\\d+\\)"), d.log());
                // wrapped over lines as keepalived wraps it: joined again, it is the whole command
                String command = String.join(" ", lines.subList(2, lines.indexOf("Opening file '" + conf + "'.")))
                        .replaceAll(" +", " ");
                assertEquals("Command line: '" + argv0 + "' '--control-socket' '" + d.socket + "' '-f' '" + conf
                        + "' '-i' 'e2e'", command, d.log());
                assertTrue(lines.contains("Starting Healthcheck child process, pid=" + d.process.pid()), d.log());
                List<String> end = lines.subList(lines.indexOf("Stopping"), lines.size());
                assertEquals(List.of("Stopping",
                        "Shutting down service [127.0.0.1]:tcp:" + rs1.port + " from VS [127.0.0.1]:tcp:" + vport,
                        "Stopped", "Stopped Keepalived v2.2.7 (01/16,2022)"),
                        end.stream().filter(l -> !l.startsWith("jlvsd: ")).toList(), d.log());
            }
        }
        // what keepalived exporters parse: the version on the first line of -v's stderr
        Process v = new ProcessBuilder(Director.BIN.resolve("jlvsd").toString(), "-v").start();
        String err = new String(v.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, v.waitFor());
        assertEquals("Keepalived v2.2.7 (01/16,2022)", err.lines().findFirst().orElse(""), err);
    }

    /** The Conns column of the service line. */
    private static String conns(String stats) {
        return stats.lines().filter(l -> l.startsWith("TCP")).findFirst().orElseThrow().trim().split("\\s+")[2];
    }
}

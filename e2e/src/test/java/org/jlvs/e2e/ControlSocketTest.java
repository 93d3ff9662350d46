package org.jlvs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jlvs.admin.control.ControlClient;
import org.jlvs.admin.control.ControlCodec;
import org.jlvs.admin.control.Frames;
import org.jlvs.admin.control.Request;
import org.jlvs.admin.control.Response;
import org.junit.jupiter.api.Test;

/** The director's control socket: who may use it, what it refuses, start-up and shut-down. */
class ControlSocketTest {

    @Test
    void onlyItsOwnerMayUseTheSocket() throws Exception {
        try (Director d = Director.start("--data-plane", "none")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d.socket)));
        }
    }

    @Test
    void malformedAndOversizedMessagesAreRefusedAndChangeNothing() throws Exception {
        try (Director d = Director.start("--data-plane", "none")) {
            d.ok("-A", "-t", "10.0.0.1:80", "-s", "rr");
            String before = d.ok("-S", "-n");
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(d.socket));
                DataOutputStream out = new DataOutputStream(Channels.newOutputStream(ch));
                DataInputStream in = new DataInputStream(Channels.newInputStream(ch));
                Frames.write(out, "{\"op\":\"apply\",\"commands\":[{\"type\":\"delete-service\",\"key\":{\"bogus\":1}}]}"
                        .getBytes(StandardCharsets.UTF_8));
                Response r = ControlCodec.decode(Frames.read(in), Response.class);
                assertFalse(r.ok());
                assertEquals("EINVAL", r.errno());
                Frames.write(out, "not json at all".getBytes(StandardCharsets.UTF_8));
                assertEquals("EINVAL", ControlCodec.decode(Frames.read(in), Response.class).errno());
                out.writeInt(Integer.MAX_VALUE); // a length no message may have
                out.flush();
                Response big = ControlCodec.decode(Frames.read(in), Response.class);
                assertEquals("EMSGSIZE", big.errno());
            }
            assertEquals(before, d.ok("-S", "-n"));
            try (ControlClient c = ControlClient.connect(d.socket)) {
                assertTrue(c.call(Request.of("status")).ok());
            }
        }
    }

    @Test
    void ipvsadmWithoutADirectorSaysIpvsIsMissingWhenAutostartIsOff() throws Exception {
        Director.requireBuild();
        Path dir = Files.createTempDirectory("jlvs-e2e");
        ProcessBuilder pb = new ProcessBuilder(Director.BIN.resolve("ipvsadm").toString(), "-L", "-n");
        pb.environment().put("JLVS_CONTROL_SOCKET", dir.resolve("none.sock").toString());
        pb.environment().put("JLVS_NO_AUTOSTART", "1");
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertEquals("Can't initialize ipvs: Protocol not available\n"
                + "Are you sure that IP Virtual Server is built in the kernel or as module?\n", err);
    }

    @Test
    void ipvsadmStartsADirectorWhenNoneRuns() throws Exception {
        Director.requireBuild();
        Path dir = Files.createTempDirectory("jlvs-e2e");
        Path socket = dir.resolve("auto.sock");
        ProcessBuilder pb = new ProcessBuilder(Director.BIN.resolve("ipvsadm").toString(), "-A", "-u", "10.0.0.1:53");
        pb.environment().put("JLVS_CONTROL_SOCKET", socket.toString());
        pb.environment().remove("JLVS_NO_AUTOSTART");
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        try (ControlClient c = ControlClient.connect(socket)) {
            Response r = c.call(Request.of("snapshot"));
            assertEquals(1, r.snapshot().services().size());
            assertTrue(c.call(Request.of("shutdown")).ok());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (Files.exists(socket) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(Files.exists(socket), "the autostarted director stopped and removed its socket");
    }

    @Test
    void rulesAreRestoredAtStartAndSavedOnExit() throws Exception {
        Path dir = Files.createTempDirectory("jlvs-e2e");
        Path rules = dir.resolve("rules");
        Path saved = dir.resolve("saved");
        String text = "-A -t 10.0.0.1:80 -s wrr -p 300\n-a -t 10.0.0.1:80 -r 192.168.1.11:80 -m -w 3\n"
                + "-A -u 10.0.0.1:53 -s rr\n-a -u 10.0.0.1:53 -r 192.168.1.12:53 -g -w 1\n";
        Files.writeString(rules, text);
        Director d = Director.start("--data-plane", "none", "--rules", rules.toString(), "--save-on-exit", saved.toString());
        try (d) {
            assertEquals(text, d.ok("-S", "-n"));
            d.ok("-d", "-u", "10.0.0.1:53", "-r", "192.168.1.12:53");
            d.terminate();
            assertEquals("-A -t 10.0.0.1:80 -s wrr -p 300\n-a -t 10.0.0.1:80 -r 192.168.1.11:80 -m -w 3\n"
                    + "-A -u 10.0.0.1:53 -s rr\n", Files.readString(saved));
        }
    }

    @Test
    void aBadRulesFileStopsTheStartWithItsError() throws Exception {
        Path dir = Files.createTempDirectory("jlvs-e2e");
        Path rules = dir.resolve("rules");
        Files.writeString(rules, "-A -t 10.0.0.1:80 -s nosuch\n");
        Director.requireBuild();
        Process p = new ProcessBuilder(Director.BIN.resolve("jlvsd").toString(), "--data-plane", "none",
                "--control-socket", dir.resolve("c.sock").toString(), "--rules", rules.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("Scheduler or persistence engine not found"), out);
    }

    @Test
    void jlvsSysctlReadsAndSetsTheTunablesAsSysctlDoes() throws Exception {
        try (Director d = Director.start("--data-plane", "none")) {
            String jlvs = Director.BIN.resolve("jlvs").toString();
            Director.Result all = d.run(List.of(jlvs, "sysctl"), "", Map.of());
            assertTrue(all.out().contains("net.ipv4.vs.expire_nodest_conn = 0\n"), all.out());
            assertTrue(all.out().contains("net.ipv4.vs.conn_reuse_mode = 1\n"), all.out());
            Director.Result set = d.run(List.of(jlvs, "sysctl", "net.ipv4.vs.expire_nodest_conn=1"), "", Map.of());
            assertEquals("net.ipv4.vs.expire_nodest_conn = 1\n", set.out());
            Director.Result bad = d.run(List.of(jlvs, "sysctl", "conn_reuse_mode=9", "nosuch"), "", Map.of());
            assertEquals(255, bad.status());
            assertTrue(bad.err().contains("cannot stat /proc/sys/net/ipv4/vs/nosuch"), bad.err());
            assertEquals("net.ipv4.vs.conn_reuse_mode = 1\n",
                    d.run(List.of(jlvs, "sysctl", "conn_reuse_mode"), "", Map.of()).out(), "a refused value changes nothing");
        }
    }

    static Map<String, String> env(Path socket) {
        return Map.of("JLVS_CONTROL_SOCKET", socket.toString());
    }

    static List<String> cmd(String... s) {
        return List.of(s);
    }
}

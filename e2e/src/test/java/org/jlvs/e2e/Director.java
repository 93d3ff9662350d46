package org.jlvs.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real bin/jlvsd for a test, on its own control socket, and bin/ipvsadm pointed at it.
 * The repository must have been built with build.sh (test.sh does that first).
 */
final class Director implements AutoCloseable {
    static final Path ROOT = Path.of(System.getProperty("jlvs.root", "..")).toAbsolutePath().normalize();
    static final Path BIN = ROOT.resolve("bin");

    final Path dir;
    final Path socket;
    final Process process;
    final Path log;

    private Director(Path dir, Process process, Path socket, Path log) {
        this.dir = dir;
        this.process = process;
        this.socket = socket;
        this.log = log;
    }

    static void requireBuild() {
        if (!Files.exists(ROOT.resolve("build/classpath"))) {
            fail("build/ is missing: run ./build.sh (or ./test.sh, which builds first)");
        }
    }

    static Director start(String... args) throws Exception {
        return startIn(List.of(), args);
    }

    /** Starts jlvsd behind {@code prefix} (e.g. {@code ip netns exec NS}); its control socket is a file, reachable from here. */
    static Director startIn(List<String> prefix, String... args) throws Exception {
        return startIn(prefix, Map.of(), args);
    }

    /** The same, with more environment variables for jlvsd. */
    static Director startIn(List<String> prefix, Map<String, String> env, String... args) throws Exception {
        requireBuild();
        Path dir = Files.createTempDirectory(prefix.isEmpty() ? "jlvs-e2e" : "jlvs-netns-e2e");
        Path socket = dir.resolve("control.sock");
        Path log = dir.resolve("jlvsd.log");
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(BIN.resolve("jlvsd").toString(), "--control-socket", socket.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JLVS_CONTROL_SOCKET", socket.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(socket)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                fail("jlvsd did not start: " + Files.readString(log));
            }
            Thread.sleep(20);
        }
        return new Director(dir, p, socket, log);
    }

    /** Runs bin/ipvsadm with these arguments against this director. */
    Result ipvsadm(String... args) throws IOException, InterruptedException {
        return ipvsadmWithInput("", args);
    }

    Result ipvsadmWithInput(String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(BIN.resolve("ipvsadm").toString()));
        cmd.addAll(List.of(args));
        return run(cmd, stdin, Map.of());
    }

    Result run(List<String> cmd, String stdin, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("JLVS_CONTROL_SOCKET", socket.toString());
        pb.environment().put("JLVS_NO_AUTOSTART", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "command did not finish: " + cmd);
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** Runs ipvsadm and requires success. */
    String ok(String... args) throws IOException, InterruptedException {
        Result r = ipvsadm(args);
        if (r.status != 0) {
            fail("ipvsadm " + String.join(" ", args) + " exited " + r.status + ": " + r.err);
        }
        return r.out;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    void terminate() throws InterruptedException {
        process.destroy(); // SIGTERM
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    record Result(int status, String out, String err) {
    }
}

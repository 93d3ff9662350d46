package org.jlvs.e2e;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shared namespace testbed (../shared/testbed/lvs-testbed.sh) under a prefix of its own:
 * {@code up} when made, {@code down} when closed, whatever happened between. Tests that need it
 * are skipped where it cannot run (not root, no iproute2 or iptables).
 */
final class Testbed implements AutoCloseable {
    static final Path DIR = Path.of(System.getProperty("jlvs.shared", "../../shared")).resolve("testbed").toAbsolutePath().normalize();

    final String prefix;

    private Testbed(String prefix) {
        this.prefix = prefix;
    }

    /** Skips the calling test unless namespaces, iptables and the testbed are there. */
    static void assumeAvailable() {
        assumeTrue(Files.exists(DIR.resolve("lvs-testbed.sh")), "no testbed at " + DIR);
        assumeTrue("root".equals(System.getProperty("user.name")), "the testbed needs root");
        for (String tool : List.of("ip", "iptables", "ip6tables", "nft", "python3", "curl", "ping")) {
            assumeTrue(onPath(tool), tool + " is not installed");
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }

    /**
     * Brings a testbed up under {@code base} plus this JVM's own suffix, so test runs side by side
     * (other sessions on the machine) never share namespaces; a stale one of the same name (a
     * killed earlier run) is taken down first.
     */
    static Testbed up(String base, String... args) throws IOException, InterruptedException {
        String prefix = base + Long.toString(ProcessHandle.current().pid() % 46656, 36);
        if (prefix.length() > 10) {
            throw new IllegalArgumentException("testbed prefix too long: " + prefix);
        }
        Testbed t = new Testbed(prefix);
        t.script("down", "--force");
        List<String> a = new ArrayList<>(List.of("up"));
        a.addAll(List.of(args));
        Run r = t.script(a.toArray(String[]::new));
        if (r.status != 0) {
            t.script("down", "--force");
            fail("testbed up failed: " + r.output);
        }
        return t;
    }

    String ns(String node) {
        return prefix + "-" + node;
    }

    /** The command prefix that runs something in a node's namespace. */
    List<String> in(String node) {
        return List.of("ip", "netns", "exec", ns(node));
    }

    Run script(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", DIR.resolve("lvs-testbed.sh").toString()));
        cmd.addAll(List.of(args));
        return run(cmd, 120);
    }

    /** checks.sh with these arguments; its output is kept for failure messages. */
    Run checks(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", DIR.resolve("checks.sh").toString()));
        cmd.addAll(List.of(args));
        return run(cmd, 600);
    }

    /** A command in a node's namespace. */
    Run exec(String node, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(in(node));
        cmd.addAll(List.of(args));
        return run(cmd, 120);
    }

    Run run(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LVS_TB_PREFIX", prefix);
        Path out = Files.createTempFile("jlvs-tb", ".out");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.deleteIfExists(out);
        return new Run(done ? p.exitValue() : -1, text);
    }

    /** Our rules left in the director's namespace (iptables and ip6tables). */
    String strayRules() throws IOException, InterruptedException {
        StringBuilder b = new StringBuilder();
        for (String save : List.of("iptables-save", "ip6tables-save")) {
            for (String line : exec("dir", save).output.split("\n")) {
                if (line.contains("JLVS")) {
                    b.append(save).append(": ").append(line).append('\n');
                }
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        script("down");
    }

    record Run(int status, String output) {
        /** The PASS/FAIL lines and the summary, for messages. */
        String summary() {
            StringBuilder b = new StringBuilder();
            for (String l : output.split("\n")) {
                if (l.startsWith("FAIL") || l.startsWith("#") || l.contains(" passed, ")) {
                    b.append(l).append('\n');
                }
            }
            return b.length() == 0 ? output : b.toString();
        }
    }
}

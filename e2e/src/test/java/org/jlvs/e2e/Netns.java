package org.jlvs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Network namespaces for a test, with unique names, removed on close. */
final class Netns implements AutoCloseable {
    private final String prefix;
    private final List<String> made = new ArrayList<>();
    private final List<Process> processes = new ArrayList<>();

    Netns(String prefix) {
        this.prefix = prefix + (ProcessHandle.current().pid() % 10000);
    }

    static boolean usable() {
        try {
            return "root".equals(System.getProperty("user.name"))
                    && new ProcessBuilder("ip", "netns", "list").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    String name(String role) {
        return prefix + "-" + role;
    }

    String add(String role) throws Exception {
        String n = name(role);
        sh("ip netns del " + n + " 2>/dev/null; ip netns add " + n);
        made.add(n);
        sh("ip -n " + n + " link set lo up");
        return n;
    }

    /** Runs a shell command; it must succeed. */
    static String sh(String cmd) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), cmd + "\n" + out);
        return out;
    }

    /** Starts a long-running process in a namespace, stopped on close. */
    Process spawn(String ns, String... cmd) throws IOException {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", ns));
        c.addAll(List.of(cmd));
        Process p = new ProcessBuilder(c).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        processes.add(p);
        return p;
    }

    @Override
    public void close() throws Exception {
        for (Process p : processes) {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        for (String n : made) {
            new ProcessBuilder("ip", "netns", "del", n).start().waitFor();
        }
    }
}

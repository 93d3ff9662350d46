package org.jlvs.admin.ipvsadm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every case of shared/ipvsadm/cases in process, as replay.sh does against a real
 * ipvsadm: a fresh table, each line of commands.sh through {@link Ipvsadm#run}, then the
 * stdout, the stderr and the last exit status, and {@code -L -n} and {@code -S -n}, compared
 * byte for byte with the expected files.
 */
class GoldenCasesTest {

    static Path casesDir() {
        String shared = System.getProperty("jlvs.shared", "../../shared");
        return Path.of(shared, "ipvsadm", "cases");
    }

    /** JLVS's own cases in the same format, for what the shared sample does not cover. */
    static Path ownCasesDir() {
        return Path.of("src", "test", "ipvsadm-cases");
    }

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        List<Path> cases = cases(casesDir());
        assertTrue(cases.size() >= 34, "expected the 34 given cases, found " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> replay(c)));
    }

    @TestFactory
    Stream<DynamicTest> everyOwnCase() throws IOException {
        List<Path> cases = cases(ownCasesDir());
        assertTrue(!cases.isEmpty(), "no cases at " + ownCasesDir().toAbsolutePath());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> replay(c)));
    }

    private static List<Path> cases(Path dir) throws IOException {
        assertTrue(Files.isDirectory(dir), "no cases at " + dir.toAbsolutePath());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("commands.sh"))).sorted().toList();
        }
    }

    /** The outcome of running some commands. */
    record Run(int status, String stdout, String stderr) {
    }

    static Run runAll(LocalControl ctl, List<ShellScript.Invocation> commands) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = 0;
        for (ShellScript.Invocation inv : commands) {
            if (!inv.words().getFirst().equals("ipvsadm")) {
                throw new IllegalArgumentException("not an ipvsadm command: " + inv.words());
            }
            String[] args = inv.words().subList(1, inv.words().size()).toArray(new String[0]);
            status = Ipvsadm.run(args, new ByteArrayInputStream(inv.stdin().getBytes(StandardCharsets.UTF_8)),
                    o, e, ctl);
        }
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** stdout and stderr together, as replay.sh captures the final listings. */
    static String both(LocalControl ctl, String... args) {
        Run r = runAll(ctl, List.of(new ShellScript.Invocation(
                Stream.concat(Stream.of("ipvsadm"), Stream.of(args)).toList(), "")));
        return r.stdout() + r.stderr();
    }

    private static void replay(Path c) throws IOException {
        LocalControl ctl = new LocalControl();
        Run run = runAll(ctl, ShellScript.parse(read(c.resolve("commands.sh"))));

        Path error = c.resolve("expected_error.txt");
        if (Files.exists(error)) {
            assertEquals(read(error), run.status() + "\n" + run.stderr(), "exit status + stderr");
        } else {
            assertEquals("0\n", run.status() + "\n" + run.stderr(), "exit status + stderr");
        }
        Path stdout = c.resolve("expected_stdout.txt");
        assertEquals(Files.exists(stdout) ? read(stdout) : "", run.stdout(), "stdout of the last command");
        assertEquals(read(c.resolve("expected_L_n.txt")), both(ctl, "-L", "-n"), "ipvsadm -L -n");
        assertEquals(read(c.resolve("expected_S_n.txt")), both(ctl, "-S", "-n"), "ipvsadm -S -n");
    }

    static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}

package org.jlvs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture under shared/keepalived/fixtures, and the repo-local ones under
 * e2e/src/test/keepalived-fixtures (real files collected here, tables worked out by hand), through the real launcher:
 * {@code bin/jlvsd -f FILE --print-table[=STATE]} must print expected[.STATE].txt byte for byte
 * and exit 0 (fixture 13 reads its include tree through {@code --root}).
 */
class KeepalivedFixturesTest {
    /** An id no fixture's @id lines use, as on an ordinary host. */
    static final String CONFIG_ID = "jlvs-e2e-host";

    static Path fixtures() {
        return Path.of(System.getProperty("jlvs.shared", "../../shared"), "keepalived", "fixtures");
    }

    /** The fixtures kept in this repository, in the same layout. */
    static Path localFixtures() {
        return Path.of("src", "test", "keepalived-fixtures");
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureAndStatePrintsItsTable() throws IOException {
        Director.requireBuild();
        List<DynamicTest> tests = new ArrayList<>();
        addFixtures(fixtures(), tests);
        assertFalse(tests.isEmpty(), "no fixtures under " + fixtures().toAbsolutePath());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyLocalFixtureAndStatePrintsItsTable() throws IOException {
        Director.requireBuild();
        List<DynamicTest> tests = new ArrayList<>();
        addFixtures(localFixtures(), tests);
        assertFalse(tests.isEmpty(), "no fixtures under " + localFixtures().toAbsolutePath());
        return tests.stream();
    }

    private static void addFixtures(Path root, List<DynamicTest> tests) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path expected : files.filter(p -> p.getFileName().toString().matches("expected(\\..+)?\\.txt"))
                            .sorted().toList()) {
                        String n = expected.getFileName().toString();
                        String state = n.equals("expected.txt") ? "" : n.substring(9, n.length() - 4);
                        tests.add(DynamicTest.dynamicTest(dir.getFileName() + (state.isEmpty() ? "" : " " + state),
                                () -> check(dir, state, expected)));
                    }
                }
            }
        }
    }

    private static void check(Path dir, String state, Path expected) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Director.BIN.resolve("jlvsd").toString()));
        Path plain = dir.resolve("keepalived.conf");
        if (Files.isRegularFile(plain)) {
            cmd.addAll(List.of("-f", plain.toString()));
        } else {
            cmd.addAll(List.of("-f", dir.resolve("etc/keepalived/keepalived.conf").toString(), "--root", dir.toString()));
        }
        cmd.addAll(List.of("-i", CONFIG_ID, state.isEmpty() ? "--print-table" : "--print-table=" + state));
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "exit status; stderr:\n" + err);
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), new String(out, StandardCharsets.UTF_8),
                dir.getFileName() + " " + state + "; stderr:\n" + err);
    }
}

package org.jlvs.admin.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jlvs.core.table.IpvsTable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture under shared/keepalived/fixtures: the configuration is read, the table for each
 * expected*.txt state is built on a fresh IpvsTable and printed as ipvsadm -S -n, and the text
 * must equal the expected file byte for byte.
 */
class FixturesTest {
    /** An id no fixture's {@code @id} lines use, so those lines are dropped as on an ordinary host. */
    static final String CONFIG_ID = "jlvs-test-host";

    static Path fixturesDir() {
        String shared = System.getProperty("jlvs.shared", "../../shared");
        return Path.of(shared, "keepalived", "fixtures");
    }

    /** The fixture's top file and root prefix: 13's files live under etc/keepalived and include by absolute path. */
    record Setup(Path file, Path root) {
        static Setup of(Path dir) {
            Path plain = dir.resolve("keepalived.conf");
            if (Files.isRegularFile(plain)) {
                return new Setup(plain, null);
            }
            return new Setup(dir.resolve("etc/keepalived/keepalived.conf"), dir);
        }

        KeepalivedConf.Loaded load() {
            return KeepalivedConf.load(file, new KeepalivedConf.Options(root, CONFIG_ID));
        }
    }

    /** The real files collected in this repository (e2e/src/test/keepalived-fixtures), same layout. */
    static Path localFixturesDir() {
        return Path.of("..", "e2e", "src", "test", "keepalived-fixtures");
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureAndState() throws IOException {
        return fixtureTests(fixturesDir());
    }

    @TestFactory
    Stream<DynamicTest> everyLocalFixtureAndState() throws IOException {
        return fixtureTests(localFixturesDir());
    }

    private static Stream<DynamicTest> fixtureTests(Path dir) throws IOException {
        assertTrue(Files.isDirectory(dir), "no fixtures at " + dir.toAbsolutePath());
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> fixtures = Files.list(dir)) {
            for (Path f : fixtures.filter(Files::isDirectory).sorted().toList()) {
                for (Path expected : expectedFiles(f)) {
                    String state = stateOf(expected);
                    String name = f.getFileName() + (state.isEmpty() ? "" : " " + state);
                    tests.add(DynamicTest.dynamicTest(name, () -> check(f, state, expected)));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no expected*.txt under " + dir.toAbsolutePath());
        return tests.stream();
    }

    private static List<Path> expectedFiles(Path fixture) throws IOException {
        try (Stream<Path> s = Files.list(fixture)) {
            return s.filter(p -> p.getFileName().toString().matches("expected(\\..+)?\\.txt")).sorted().toList();
        }
    }

    /** {@code expected.txt} is the healthy table, {@code expected.rs-down.txt} the rs-down state. */
    private static String stateOf(Path expected) {
        String n = expected.getFileName().toString();
        return n.equals("expected.txt") ? "" : n.substring("expected.".length(), n.length() - ".txt".length());
    }

    private static void check(Path fixture, String state, Path expected) throws IOException {
        KeepalivedConf.Loaded loaded = Setup.of(fixture).load();
        assertFalse(loaded.worst() == Severity.FATAL, () -> "cannot read " + fixture + ": " + loaded.diagnostics());
        IpvsTable table = new IpvsTable();
        List<String> refused = TablePrinter.apply(TableBuilder.commands(loaded.config(), TableState.parse(state)), table);
        assertEquals(List.of(), refused, "IPVS refused commands");
        String actual = TablePrinter.save(table);
        assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual,
                () -> fixture.getFileName() + " " + state + "\ndiagnostics:\n" + String.join("\n",
                        loaded.diagnostics().stream().map(Diagnostic::toString).toList()));
    }
}

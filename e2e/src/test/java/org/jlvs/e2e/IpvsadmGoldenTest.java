package org.jlvs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every ipvsadm golden case, replayed by the case set's own replay.sh through bin/ipvsadm against
 * a real jlvsd --data-plane none, byte for byte: the shared sample, and JLVS's own cases in the
 * same format (admin/src/test/ipvsadm-cases), derived from ipvsadm 1.31's source for what the
 * sample does not cover.
 */
class IpvsadmGoldenTest {
    static final Path SHARED = Path.of(System.getProperty("jlvs.shared", "../../shared")).toAbsolutePath().normalize();
    static final Path OWN_CASES = Path.of("../admin/src/test/ipvsadm-cases").toAbsolutePath().normalize();

    @Test
    void everyGoldenCasePassesThroughBinIpvsadm() throws Exception {
        replay(SHARED.resolve("ipvsadm/cases"));
    }

    @Test
    void everyOwnCasePassesThroughBinIpvsadm() throws Exception {
        replay(OWN_CASES);
    }

    private static void replay(Path cases) throws Exception {
        Path replay = SHARED.resolve("ipvsadm/replay.sh");
        long expected;
        try (var s = Files.list(cases)) {
            expected = s.filter(Files::isDirectory).count();
        }
        assertTrue(expected > 0);
        try (Director d = Director.start("--data-plane", "none")) {
            Director.Result r = d.run(List.of("sh", replay.toString(), cases.toString()), "",
                    Map.of("PATH", Director.BIN + ":" + System.getenv("PATH")));
            Matcher m = Pattern.compile("(\\d+) passed, (\\d+) failed").matcher(r.out());
            assertTrue(m.find(), "replay.sh printed no summary:\n" + r.out() + r.err());
            assertEquals("0", m.group(2), r.out() + r.err());
            assertEquals(expected, Long.parseLong(m.group(1)));
            assertEquals(0, r.status());
        }
    }
}

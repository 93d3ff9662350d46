package org.jlvs.admin.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays every scheduler vector: the shared ones (checked against kernel code) and our own. */
class SchedReplayTest {

    static Stream<Path> vectors() throws IOException {
        Path shared = Path.of(System.getProperty("jlvs.shared", "../../shared"), "schedulers", "vectors");
        Path ours = Path.of("src/test/resources/vectors");
        Stream<Path> a = Files.list(shared).filter(p -> p.toString().endsWith(".json"));
        Stream<Path> b = Files.list(ours).filter(p -> p.toString().endsWith(".json"));
        List<Path> all = Stream.concat(a, b).sorted().toList();
        assertFalse(all.isEmpty(), "no vectors found under " + shared);
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void replaysAsTheKernelPicks(Path file) throws IOException {
        SchedReplay.Result r = SchedReplay.run(file);
        assertTrue(r.passed(), String.join("\n", r.failures()));
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        long schedules = 0;
        for (JsonNode s : root.path("steps")) {
            if ("schedule".equals(s.path("op").asText())) {
                schedules++;
            }
        }
        assertEquals(schedules, r.picks().size(), "one printed line per schedule step");
    }

    @Test
    void aWrongExpectationFails() throws IOException {
        String json = """
            {"scheduler": "rr", "destinations": [{"addr": "192.168.1.11", "port": 80, "weight": 1}],
             "steps": [{"op": "schedule", "client": "10.0.0.1:1", "expect": "192.168.1.12:80"},
                       {"op": "check", "dest": "192.168.1.11:80", "activeconns": 7}]}
            """;
        SchedReplay.Result r = SchedReplay.run(json);
        assertEquals(List.of("192.168.1.11:80"), r.picks());
        assertEquals(2, r.failures().size(), String.join("\n", r.failures()));
    }
}

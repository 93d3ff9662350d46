package org.jlvs.admin.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ~SEQ and ~LST (GRAMMAR.md section 1, keepalived's lib/parser.c), through whole configurations. */
class LineRepeatTest {
    @TempDir
    Path dir;

    private static final String VS_HEAD = "virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n";

    /** The real servers of the first virtual server as "address:port/weight". */
    private List<String> servers(String body) {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, VS_HEAD + body + "}\n");
        return l.config().virtualServers().getFirst().realServers().stream()
                .map(r -> r.address() + ":" + r.port() + "/" + r.weight()).toList();
    }

    private List<String> messages(String text) {
        return ConfFiles.messages(ConfFiles.load(dir, text));
    }

    @Test
    void seqRepeatsALineWithItsVariableSetAtEachTurn() {
        assertEquals(List.of("10.0.1.1:80/1", "10.0.1.2:80/2", "10.0.1.3:80/3"),
                servers("~SEQ(n, 1, 3) real_server 10.0.1.$n 80 { weight $n }\n"));
    }

    @Test
    void oneNumberCountsFromOneAndTwoNumbersStepByOneEitherWay() {
        assertEquals(List.of("10.0.1.1:80/1", "10.0.1.2:80/1"), servers("~SEQ(n, 2) real_server 10.0.1.$n 80 { }\n"));
        assertEquals(List.of("10.0.1.5:80/5", "10.0.1.4:80/4", "10.0.1.3:80/3"),
                servers("~SEQ(n, 5, 3) real_server 10.0.1.$n 80 { weight ${n} }\n"));
        // one number below 1 counts down from 1 (0 included), or from -1 when negative
        assertEquals(List.of("10.0.1.1:80/1", "10.0.1.0:80/0"),
                servers("~SEQ(n, 0) real_server 10.0.1.$n 80 { weight $n }\n"));
    }

    @Test
    void stepsNumbersAsCReadsThemAndParametersFromDefinitions() {
        // 0x10 is 16, 010 is 8 (strtol base 0); the step and the end come from definitions
        assertEquals(List.of("10.0.1.16:80/1", "10.0.1.12:80/1", "10.0.1.8:80/1"),
                servers("$STEP=-4\n$END=010\n~SEQ(n, 0x10, $STEP, $END) real_server 10.0.1.$n 80 { }\n"));
    }

    @Test
    void seqxWritesHexadecimalForIpv6() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "virtual_server 2001:db8::1 80 {\n  protocol TCP\n"
                + "~SEQx(h, 9, 11) real_server 2001:db8::$h 80 { }\n}\n");
        assertEquals(List.of("2001:db8::9", "2001:db8::a", "2001:db8::b"),
                l.config().virtualServers().getFirst().realServers().stream().map(r -> r.address().toString()).toList());
    }

    @Test
    void anInnerSeqRunsToItsEndBeforeTheOuterGoesOn() {
        assertEquals(List.of("10.0.1.1:80/1", "10.0.1.2:80/1", "10.0.2.1:80/1", "10.0.2.2:80/1"),
                servers("~SEQ(a, 1, 2) ~SEQ(b, 1, 2) real_server 10.0.${a}.$b 80 { }\n"));
    }

    @Test
    void aMultiLineValueIsReadWholeAtEachTurn() {
        assertEquals(List.of("10.0.1.1:80/1", "10.0.1.2:80/2"),
                servers("$RS=real_server 10.0.1.$n 80 { \\\n  weight $n \\\n}\n\n~SEQ(n, 1, 2) $RS\n"));
    }

    @Test
    void lstTakesEachValueOrEachSetOfValues() {
        assertEquals(List.of("10.0.1.7:80/1", "10.0.1.3:80/1"), servers("~LST(n, 7, 3) real_server 10.0.1.$n 80 { }\n"));
        assertEquals(List.of("10.0.1.7:8080/4", "10.0.1.3:9090/1"),
                servers("~LST({n, p, w}, {7, 8080, 4}, {3, 9090}) real_server 10.0.1.$n $p { weight $w 1 }\n"));
    }

    @Test
    void invalidLinesGetKeepalivedsMessagesAndNothingElse() {
        assertEquals(List.of(
                "keepalived.conf:1: Invalid ~SEQ values '~SEQ(n, 3, 1, 1) x'",
                "keepalived.conf:1: Invalid ~SEQ specification '~SEQ(n, 3, 1, 1) x'",
                "keepalived.conf:2: Invalid ~SEQ specification '~SEQ n x'",
                "keepalived.conf:3: Invalid ~SEQ definition '~SEQ(n) x'",
                "keepalived.conf:3: Invalid ~SEQ specification '~SEQ(n) x'",
                "keepalived.conf:4: ~SEQx is only valid for positive numbers '~SEQx(n, -2) x'",
                "keepalived.conf:4: Invalid ~SEQ specification '~SEQx(n, -2) x'",
                "keepalived.conf:5: ~LST specification has too many values '~LST({a}, {1, 2}) x'",
                "keepalived.conf:5: Invalid ~LST specification '~LST({a}, {1, 2}) x'",
                "keepalived.conf:6: Invalid ~LST specification '~LST(a) x'"),
                messages("~SEQ(n, 3, 1, 1) x\n~SEQ n x\n~SEQ(n) x\n~SEQx(n, -2) x\n~LST({a}, {1, 2}) x\n~LST(a) x\n"));
    }

    @Test
    void aDefinitionThatRepeatsItselfIsCutOff() {
        List<String> m = messages("$X=~SEQ(i, 1) $X\n$X\n");
        assertEquals(List.of("keepalived.conf:2: ~SEQ/~LST nested more than 64 deep - line ignored"), m);
    }
}

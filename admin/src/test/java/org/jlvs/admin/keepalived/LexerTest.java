package org.jlvs.admin.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lexical layer of GRAMMAR.md section 1, through whole configurations. */
class LexerTest {
    @TempDir
    Path dir;

    private static final String VS_HEAD = "virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n";

    @Test
    void bangStartsACommentAnywhereOutsideQuotes() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, VS_HEAD
                + "  real_server 10.0.1.1 80 {\n"
                + "    inhibit_on_failure        ! set weight to 0 instead of removing\n"
                + "    virtualhost k@l!ve1\n"
                + "    TCP_CHECK {\n      connect_timeout 3 # seconds\n    }\n"
                + "  }\n}\n");
        RealServer rs = l.config().virtualServers().getFirst().realServers().getFirst();
        assertTrue(rs.inhibitOnFailure(), "the comment must not be read as inhibit_on_failure's value");
        assertEquals("k@l", rs.virtualhost());
        assertEquals(3, rs.checkers().getFirst().options().connectTimeout().toSeconds());
        assertEquals(List.of(), ConfFiles.messages(l).stream().filter(m -> !m.contains("not found")).toList());
    }

    @Test
    void escapedCommentCharactersAndHashBangDefinitionsAreLiteral() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "global_defs {\n  router_id a\\#b${_BANG}c\n}\n");
        assertEquals("a#b!c", l.config().global().routerId());
    }

    @Test
    void quotesGroupWordsAndProtectCommentCharacters() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, VS_HEAD
                + "  real_server 10.0.1.1 80 {\n"
                + "    SMTP_CHECK {\n      helo_name \"mail # one\"\n    }\n"
                + "    MISC_CHECK {\n      misc_path \"/bin/check 'two words' \\\"q\\\" x\\ty\" nobody nogroup\n    }\n"
                + "  }\n}\n");
        List<Checker> checkers = l.config().virtualServers().getFirst().realServers().getFirst().checkers();
        assertEquals("mail # one", ((SmtpCheck) checkers.get(0)).heloName());
        Script s = ((MiscCheck) checkers.get(1)).script();
        // keepalived splits the command twice: the escaped quotes then group (and vanish), the tab splits
        assertEquals(List.of("/bin/check", "two words", "q", "x", "y"), s.argv());
        assertEquals("/bin/check 'two words' \"q\" x\ty", s.command());
        assertEquals("nobody", s.user());
        assertEquals("nogroup", s.group());
    }

    @Test
    void anUnterminatedQuoteIsASyntaxErrorWithFileAndLine() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "global_defs {\n  router_id \"abc\n}\n");
        assertTrue(ConfFiles.messages(l).contains("keepalived.conf:2: Unterminated quote 'router_id \"abc'"),
                ConfFiles.messages(l).toString());
        assertEquals(Severity.ERROR, l.worst());
    }

    @Test
    void anUnknownKeywordSkipsOneLineAndItsBraceClosesTheEnclosingBlock() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "global_defs {\n"
                + "  other {\n"
                + "    router_id inside\n"
                + "  }\n"
                + "  router_id outside\n"
                + "}\n");
        // the unknown block's lines are keywords of global_defs, and its '}' ends global_defs
        assertEquals("inside", l.config().global().routerId());
        assertEquals(List.of(
                "keepalived.conf:2: Unknown keyword 'other'",
                "keepalived.conf:2: Unexpected '{' - ignoring",
                "keepalived.conf:5: Unknown keyword 'router_id'",
                "keepalived.conf:6: Unknown keyword '}'"), ConfFiles.messages(l));
    }

    @Test
    void vrrpBlocksAreSkippedWholeWithOneWarning() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "vrrp_instance VI_1 {\n"
                + "  state MASTER\n  virtual_ipaddress {\n    10.0.0.1\n  }\n  track_script {\n    chk\n  }\n}\n"
                + VS_HEAD + "  real_server 10.0.1.1 80 {\n  }\n}\n");
        assertEquals(List.of("keepalived.conf:1: vrrp_instance VI_1: not read by JLVS yet - block skipped"),
                ConfFiles.messages(l));
        assertEquals(1, l.config().virtualServers().size());
    }

    @Test
    void includeGlobsAreReadInSortedOrderFromTheIncludingFilesDirectory() {
        ConfFiles.write(dir.resolve("conf.d/b.conf"), "virtual_server 10.0.0.2 80 {\n  protocol TCP\n"
                + "  include ../servers/rs*.conf\n}\n");
        ConfFiles.write(dir.resolve("conf.d/a.conf"), "virtual_server 10.0.0.1 80 {\n  protocol TCP\n"
                + "  real_server 10.0.1.9 80 {\n  }\n}\n");
        ConfFiles.write(dir.resolve("conf.d/skip.txt"), "garbage\n");
        ConfFiles.write(dir.resolve("servers/rs2.conf"), "real_server 10.0.1.2 80 {\n  weight 2\n}\n");
        ConfFiles.write(dir.resolve("servers/rs1.conf"), "real_server 10.0.1.1 80 {\n  weight 1\n}\n");
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "include conf.d/*.conf\ninclude conf.d/none-*.conf\n"
                + "include {conf.d/a,conf.d/x}.conf\n");
        List<VirtualServer> vs = l.config().virtualServers();
        assertEquals(3, vs.size(), ConfFiles.messages(l).toString());
        assertEquals("10.0.0.1", ((VsTarget.Address) vs.get(0).target()).address().toString());
        assertEquals(List.of("10.0.1.1", "10.0.1.2"),
                vs.get(1).realServers().stream().map(r -> r.address().toString()).toList());
        assertEquals("10.0.0.1", ((VsTarget.Address) vs.get(2).target()).address().toString());
        assertTrue(ConfFiles.messages(l).stream().noneMatch(m -> m.contains("none-")),
                "a wildcard matching nothing is not an error");
        assertTrue(ConfFiles.messages(l).stream().anyMatch(m -> m.startsWith("a.conf:1: Virtual server [10.0.0.1]:tcp:80")),
                "fix-ups are reported at the included file's line: " + ConfFiles.messages(l));
    }

    @Test
    void absoluteIncludesAreLookedUpUnderTheRootPrefix() {
        ConfFiles.write(dir.resolve("etc/keepalived/conf.d/g.conf"), "global_defs {\n  router_id from_root\n}\n");
        Path main = ConfFiles.write(dir.resolve("etc/keepalived/keepalived.conf"),
                "include /etc/keepalived/conf.d/*.conf\n");
        KeepalivedConf.Loaded l = KeepalivedConf.load(main, new KeepalivedConf.Options(dir, "x"));
        assertEquals("from_root", l.config().global().routerId());
    }

    @Test
    void aLineLongerThanKeepalivedsBufferIsReportedAndIgnored() {
        String longLine = "  router_id " + "x".repeat(LineSource.MAX_LINE_BYTES);
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "global_defs {\n" + longLine + "\n  lvs_flush\n}\n");
        assertEquals(List.of("keepalived.conf:2: line too long - ignoring"), ConfFiles.messages(l));
        assertNull(l.config().global().routerId());
        assertTrue(l.config().global().lvsFlush(), "the lines after it are still read");
        String fits = "  router_id " + "y".repeat(LineSource.MAX_LINE_BYTES - 12);
        assertEquals("y".repeat(LineSource.MAX_LINE_BYTES - 12),
                ConfFiles.load(dir, "global_defs {\n" + fits + "\n}\n").config().global().routerId());
    }

    @Test
    void braceErrorsCarryFileAndLine() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "global_defs\n  router_id a\n}\n}\nvirtual_server 10.0.0.1 80 {\n");
        assertEquals(List.of(
                "keepalived.conf:2: Missing '{' at beginning of configuration block",
                "keepalived.conf:3: Extra '}' found",
                "keepalived.conf:4: Extra '}' found",
                "keepalived.conf:4: Unknown keyword '}'",
                "keepalived.conf:5: There are 1 missing '}'s or extra '{'s",
                "keepalived.conf:5: Virtual server [10.0.0.1]:none:80 has no real servers - ignoring"),
                ConfFiles.messages(l));
    }

    @Test
    void blocksMayOpenAndCloseOnOneLine() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir,
                "virtual_server 10.0.0.1 80 { lb_algo sh; protocol UDP\n"
                        + "  real_server 10.0.1.1 80 { weight 7 } real_server 10.0.1.2 80 { weight 8 }\n}\n");
        VirtualServer vs = l.config().virtualServers().getFirst();
        assertEquals(List.of(7, 8), vs.realServers().stream().map(RealServer::weight).toList());
        // "sh;" is not a scheduler: keepalived has no ';' separator
        assertEquals("wlc", vs.scheduler());
    }

    @Test
    void conditionalLinesFollowTheConfigId() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "global_defs {\n"
                + "@node1 router_id mine\n@node2 router_id theirs\n@^node1 lvs_flush\n@^node2 rs_init_notifies\n}\n");
        assertEquals("mine", l.config().global().routerId());
        assertFalse(l.config().global().lvsFlush());
        assertTrue(l.config().global().rsInitNotifies());
    }

    @Test
    void definitionsExpandIncludingMultiLineOnes() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "$PORT=8080\n"
                + "$RS=real_server 10.0.1.1 ${PORT} { \\\n  weight 3 \\\n}\n"
                + "virtual_server 10.0.0.1 $PORT {\n  protocol TCP\n  $RS\n}\n");
        VirtualServer vs = l.config().virtualServers().getFirst();
        assertEquals(8080, ((VsTarget.Address) vs.target()).port());
        assertEquals(1, vs.realServers().size(), ConfFiles.messages(l).toString());
        assertEquals(3, vs.realServers().getFirst().weight());
        assertEquals(8080, vs.realServers().getFirst().port());
    }

    @Test
    void aBadServerLineWithoutItsBraceDoesNotLeakIntoAnotherServer() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  lb_kind NAT\n"
                + "  protocol TCP\n  real_server 10.0.1.1 80 {\n  }\n"
                + "  real_server 300.0.0.1\n  weight 9\n  }\n}\n"
                + "virtual_server nowhere\n  lb_algo sh\n}\n");
        assertEquals(1, l.config().virtualServers().size(), ConfFiles.messages(l).toString());
        VirtualServer vs = l.config().virtualServers().getFirst();
        assertEquals("rr", vs.scheduler());
        assertEquals(List.of(1), vs.realServers().stream().map(RealServer::weight).toList());
        assertEquals(List.of(
                "keepalived.conf:7: Invalid real server ip address 300.0.0.1 - skipping",
                "keepalived.conf:8: Missing '{' at beginning of configuration block",
                "keepalived.conf:10: Extra '}' found",
                "keepalived.conf:11: Invalid virtual server IP address nowhere - skipping",
                "keepalived.conf:12: Missing '{' at beginning of configuration block",
                "keepalived.conf:13: Extra '}' found"), ConfFiles.messages(l));
    }

    @Test
    void badServerLinesWithTheirBlocksAreDroppedAsKeepalivedDoes() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, VS_HEAD + "  real_server 10.0.1.x 80 { weight 2 }\n"
                + "  real_server 10.0.1.y 80\n  {\n    weight 3\n  }\n  real_server 10.0.1.1 80 { }\n}\n"
                + VS_HEAD.replace("10.0.0.1", "10.0.0.2") + "  real_server 10.0.1.z 80 { }\n}\n");
        assertEquals(1, l.config().virtualServers().size(), ConfFiles.messages(l).toString());
        assertEquals(List.of(1), l.config().virtualServers().getFirst().realServers().stream().map(RealServer::weight).toList());
        assertEquals(List.of(
                "keepalived.conf:5: Invalid real server ip address 10.0.1.x - skipping",
                "keepalived.conf:6: Invalid real server ip address 10.0.1.y - skipping",
                "keepalived.conf:16: Invalid real server ip address 10.0.1.z - skipping",
                "keepalived.conf:12: Virtual server [10.0.0.2]:tcp:80 has no real servers - ignoring"),
                ConfFiles.messages(l));
    }

    @Test
    void aMissingFileIsFatal() {
        KeepalivedConf.Loaded l = KeepalivedConf.load(dir.resolve("absent.conf"), KeepalivedConf.Options.DEFAULT);
        assertEquals(Severity.FATAL, l.worst());
        assertTrue(l.diagnostics().getFirst().toString().endsWith("absent.conf: Failed to open configuration file"));
    }
}

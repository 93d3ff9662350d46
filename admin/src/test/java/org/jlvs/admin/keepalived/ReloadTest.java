package org.jlvs.admin.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jlvs.admin.keepalived.RealServerPolicy.CheckerId;
import org.jlvs.core.table.Command;
import org.jlvs.core.table.IpvsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reload applies exactly the difference: nothing for an unchanged file, one command for one change. */
class ReloadTest {
    @TempDir
    Path dir;

    final IpvsTable table = new IpvsTable();
    final List<String> log = new ArrayList<>();
    RealServerPolicy policy;

    static final String BASE = """
            virtual_server 10.0.0.1 80 {
              lb_algo rr
              lb_kind NAT
              protocol TCP
              real_server 10.0.1.1 80 {
                weight 1
                TCP_CHECK { connect_timeout 3 }
              }
              real_server 10.0.1.2 80 {
                weight 1
                TCP_CHECK { connect_timeout 3 }
              }
            }
            virtual_server 10.0.0.2 443 {
              lb_algo wlc
              protocol TCP
              real_server 10.0.2.1 443 {
                TCP_CHECK { }
              }
            }
            """;

    private KeepalivedConfig config(String text) {
        return ConfFiles.load(dir, text).config();
    }

    private void start(String text) {
        PolicyEvents events = new PolicyEvents() {
            @Override
            public void log(String line) {
                log.add(line);
            }

            @Override
            public void notify(Script script) {
                log.add("notify " + script.command());
            }
        };
        policy = new RealServerPolicy(config(text), events);
        TablePrinter.apply(policy.start(), table);
        for (CheckerId id : policy.checkers()) {
            TablePrinter.apply(policy.checkerResult(id, true), table);
        }
        log.clear();
    }

    private List<Command> reload(String text) {
        RealServerPolicy.Reloaded r = policy.reload(config(text), id -> 0);
        policy = r.policy();
        List<String> refused = TablePrinter.apply(r.commands(), table);
        assertEquals(List.of(), refused);
        return r.commands();
    }

    private String saved() {
        return TablePrinter.save(table);
    }

    @Test
    void anUnchangedFileChangesNothingEvenWithItsLinesMoved() {
        start(BASE);
        String before = saved();
        assertEquals(List.of(), reload("\n# a comment\n\n" + BASE));
        assertEquals(before, saved());
        assertEquals(List.of(), log);
    }

    @Test
    void aChangedWeightIsOneEdit() {
        start(BASE);
        List<Command> cmds = reload(BASE.replaceFirst("weight 1\n", "weight 3\n"));
        assertEquals(1, cmds.size(), cmds.toString());
        assertTrue(cmds.getFirst() instanceof Command.EditDest e && e.dest().weight() == 3, cmds.toString());
        assertEquals(List.of("Changing weight from 1 to 3 for active service [10.0.1.1]:tcp:80 of VS [10.0.0.1]:tcp:80"), log);
        assertTrue(saved().contains("-r 10.0.1.1:80 -m -w 3"), saved());
    }

    @Test
    void aRemovedRealServerIsOneDeleteAndANewOneIsOneAdd() {
        start(BASE);
        String without = BASE.replace("""
                  real_server 10.0.1.2 80 {
                    weight 1
                    TCP_CHECK { connect_timeout 3 }
                  }
                """, "");
        List<Command> cmds = reload(without);
        assertEquals(List.of(new Command.DeleteDest(org.jlvs.core.model.ServiceKey.of(org.jlvs.core.model.Protocol.TCP,
                org.jlvs.core.model.IpAddress.parse("10.0.0.1"), 80), org.jlvs.core.model.IpAddress.parse("10.0.1.2"), 80)), cmds);
        assertEquals(List.of("service [10.0.1.2]:tcp:80 no longer exist",
                "Removing service [10.0.1.2]:tcp:80 from VS [10.0.0.1]:tcp:80"), log);
        cmds = reload(BASE);
        assertEquals(1, cmds.size(), cmds.toString());
        assertTrue(cmds.getFirst() instanceof Command.AddDest, cmds.toString());
    }

    @Test
    void virtualServersComeAndGoWholeAndASchedulerChangeIsAnEdit() {
        start(BASE);
        String second = BASE.substring(BASE.indexOf("virtual_server 10.0.0.2"));
        List<Command> cmds = reload(second.replace("lb_algo wlc", "lb_algo sh"));
        // keepalived takes the servers out one by one, then the service; the other service is edited
        assertEquals(4, cmds.size(), cmds.toString());
        assertTrue(cmds.get(2) instanceof Command.DeleteService, cmds.toString());
        assertTrue(cmds.get(3) instanceof Command.EditService e && e.config().scheduler().equals("sh"), cmds.toString());
        assertEquals("Removing Virtual Server [10.0.0.1]:tcp:80", log.getFirst());
        cmds = reload(BASE);
        assertEquals(4, cmds.size(), "the service, its two servers, and the scheduler back: " + cmds);
        assertEquals(TablePrinter.printTable(config(BASE), TableState.HEALTHY), saved());
    }

    @Test
    void aFailedServerStaysOutAcrossAReloadAndInhibitNowPutsItAtZero() {
        start(BASE);
        TablePrinter.apply(policy.checkerResult(new CheckerId(0, 1, 0), false), table);
        assertTrue(!saved().contains("10.0.1.2"), saved());
        assertEquals(List.of(), reload(BASE), "no re-add of a failed server on reload");
        List<Command> cmds = reload(BASE.replace("""
                  real_server 10.0.1.2 80 {
                    weight 1
                """, """
                  real_server 10.0.1.2 80 {
                    weight 1
                    inhibit_on_failure
                """));
        assertEquals(1, cmds.size(), cmds.toString());
        assertTrue(saved().contains("-r 10.0.1.2:80 -m -w 0"), saved());
        // and it still comes back when its (same) checker passes
        TablePrinter.apply(policy.checkerResult(new CheckerId(0, 1, 0), true), table);
        assertTrue(saved().contains("-r 10.0.1.2:80 -m -w 1"), saved());
    }

    @Test
    void aNewCheckerOnAnAliveServerLeavesItIn() {
        start(BASE);
        List<Command> cmds = reload(BASE.replaceFirst("TCP_CHECK \\{ connect_timeout 3 }",
                "HTTP_GET { url { path / } }"));
        assertEquals(List.of(), cmds);
        assertTrue(!policy.hasRun(new CheckerId(0, 0, 0)), "the new checker has not run");
        assertTrue(policy.hasRun(new CheckerId(0, 1, 0)), "the same checker kept its state");
    }

    @Test
    void removingTheSorryServerBringsTheAliveServersBack() {
        String withSorry = """
                virtual_server 10.0.0.1 80 {
                  lb_algo rr
                  lb_kind NAT
                  protocol TCP
                  quorum 2
                  sorry_server 10.0.9.9 80
                  real_server 10.0.1.1 80 {
                    weight 1
                    TCP_CHECK { }
                  }
                  real_server 10.0.1.2 80 {
                    weight 1
                    TCP_CHECK { }
                  }
                }
                """;
        start(withSorry);
        TablePrinter.apply(policy.checkerResult(new CheckerId(0, 1, 0), false), table);
        assertTrue(saved().contains("-r 10.0.9.9:80 -m -w 1") && !saved().contains("10.0.1.1"), saved());
        log.clear();
        reload(withSorry.replace("  sorry_server 10.0.9.9 80\n", ""));
        assertEquals("""
                -A -t 10.0.0.1:80 -s rr
                -a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 1
                """, saved());
        assertTrue(log.contains("Removing sorry server [10.0.9.9]:tcp:80 from VS [10.0.0.1]:tcp:80"), log.toString());
    }

    @Test
    void aGroupEntryAddedIsOneServiceWithTheServersThatAreIn() {
        String group = """
                virtual_server_group G {
                  10.0.0.1 80
                }
                virtual_server group G {
                  lb_algo rr
                  lb_kind DR
                  protocol TCP
                  real_server 10.0.1.1 80 { TCP_CHECK { } }
                  real_server 10.0.1.2 80 { TCP_CHECK { } }
                }
                """;
        start(group);
        TablePrinter.apply(policy.checkerResult(new CheckerId(0, 1, 0), false), table);
        List<Command> cmds = reload(group.replace("  10.0.0.1 80\n", "  10.0.0.1 80\n  10.0.0.5 80\n"));
        assertEquals(2, cmds.size(), cmds.toString());
        assertTrue(saved().contains("-a -t 10.0.0.5:80 -r 10.0.1.1:80 -g -w 1"), saved());
        assertTrue(!saved().contains("-a -t 10.0.0.5:80 -r 10.0.1.2:80"), saved());
        assertTrue(log.contains("VS [[10.0.0.5]:tcp:80] added into group G"), log.toString());
    }
}

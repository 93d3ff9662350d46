package org.jlvs.ha.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.jlvs.admin.keepalived.KeepalivedConf;
import org.jlvs.admin.keepalived.KeepalivedConfig;
import org.jlvs.admin.keepalived.TablePrinter;
import org.jlvs.core.table.IpvsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine end to end on an in-memory table: checkers against local listeners, the policy's commands applied. */
class CheckEngineTest {
    @TempDir
    Path dir;

    final IpvsTable table = new IpvsTable();
    final List<String> log = new CopyOnWriteArrayList<>();

    private KeepalivedConfig config(String text) throws Exception {
        Path f = dir.resolve("keepalived.conf");
        Files.writeString(f, text);
        return KeepalivedConf.load(f, new KeepalivedConf.Options(null, "test")).config();
    }

    private CheckEngine engine() {
        return new CheckEngine(TableDoors.of(table), log::add, null, Duration.ZERO);
    }

    private String saved() {
        return TablePrinter.save(table);
    }

    private static void await(String what, BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aDeadServerIsRemovedAndComesBackWhenItListens() throws Exception {
        try (Stubs s = new Stubs()) {
            int live = Stubs.freePort();
            int dead = Stubs.freePort();
            s.tcp(live, (in, out) -> { });
            CheckEngine e = engine();
            e.start(config("""
                    virtual_server 10.0.0.1 80 {
                      delay_loop 0.2
                      lb_algo rr
                      lb_kind NAT
                      protocol TCP
                      warmup 0
                      real_server 127.0.0.1 %d { TCP_CHECK { connect_timeout 1 } }
                      real_server 127.0.0.1 %d { TCP_CHECK { connect_timeout 1 } }
                    }
                    """.formatted(live, dead)));
            String deadName = "[127.0.0.1]:tcp:" + dead;
            await("removal", () -> !saved().contains(":" + dead + " "));
            assertTrue(saved().contains("-r 127.0.0.1:" + live + " -m -w 1"), saved());
            assertTrue(log.contains("Activating healthchecker for service " + deadName + " for VS [10.0.0.1]:tcp:80"), log.toString());
            assertTrue(log.contains("TCP_CHECK on service " + deadName + " failed."), log.toString());
            assertTrue(log.contains("Removing service " + deadName + " from VS [10.0.0.1]:tcp:80"), log.toString());

            s.tcp(dead, (in, out) -> { });
            await("re-adding", () -> saved().contains("-r 127.0.0.1:" + dead + " -m -w 1"));
            assertTrue(log.contains("TCP connection to " + deadName + " success."), log.toString());
            assertTrue(log.contains("Adding service " + deadName + " to VS [10.0.0.1]:tcp:80"), log.toString());
            e.stop(true);
            assertEquals("", saved(), "a stop that releases the table removes what was installed");
            assertTrue(log.contains("Shutting down service " + deadName + " from VS [10.0.0.1]:tcp:80"), log.toString());
        }
    }

    @Test
    @SuppressWarnings("try")
    void aHungServerDoesNotHoldUpTheOthers() throws Exception {
        int silent = Stubs.freePort();
        try (Stubs s = new Stubs(); AutoCloseable q = Opts.unanswered(silent)) {
            int hung = Stubs.freePort();
            int dead = Stubs.freePort();
            s.hung(hung);
            CheckEngine e = engine();
            e.start(config("""
                    virtual_server 10.0.0.1 80 {
                      delay_loop 0.2
                      lb_algo rr
                      protocol TCP
                      warmup 0
                      real_server 127.0.0.1 %d { HTTP_GET { url { path / } connect_timeout 30 } }
                      real_server 127.0.0.1 %d { TCP_CHECK { connect_timeout 30 } }
                      real_server 127.0.0.1 %d { TCP_CHECK { connect_timeout 1 } }
                    }
                    """.formatted(hung, silent, dead)));
            long t0 = System.nanoTime();
            await("the dead one's removal", () -> !saved().contains(":" + dead + " "));
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(3).toNanos());
            assertTrue(saved().contains(":" + hung + " "), "the hung web server is still being waited for");
            assertTrue(saved().contains(":" + silent + " "), "the silent one too");
            e.stop(false);
        }
    }

    @Test
    void inhibitOnFailureSetsWeightZeroAndAllDownBringsTheSorryServer() throws Exception {
        Path mark = dir.resolve("down-ran");
        Path notify = dir.resolve("notify.sh");
        Files.writeString(notify, "#!/bin/sh\necho \"$@\" >> " + mark + "\n");
        Files.setPosixFilePermissions(notify, PosixFilePermissions.fromString("rwxr-xr-x"));
        int a = Stubs.freePort();
        int b = Stubs.freePort();
        CheckEngine e = engine();
        e.start(config("""
                virtual_server 10.0.0.1 80 {
                  delay_loop 0.2
                  lb_algo rr
                  lb_kind NAT
                  protocol TCP
                  warmup 0
                  sorry_server 127.0.0.1 9
                  quorum_down "%s quorum down"
                  real_server 127.0.0.1 %d {
                    weight 2
                    inhibit_on_failure
                    notify_down "%s rs down"
                    TCP_CHECK { connect_timeout 1 }
                  }
                  real_server 127.0.0.1 %d { TCP_CHECK { connect_timeout 1 } }
                }
                """.formatted(notify, a, notify, b)));
        await("the sorry server", () -> saved().contains("-r 127.0.0.1:9 -m -w 1"));
        assertEquals("""
                -A -t 10.0.0.1:80 -s rr
                -a -t 10.0.0.1:80 -r 127.0.0.1:9 -m -w 1
                -a -t 10.0.0.1:80 -r 127.0.0.1:%d -m -w 0
                """.formatted(a), saved());
        assertTrue(log.contains("Disabling service [127.0.0.1]:tcp:" + a + " of VS [10.0.0.1]:tcp:80"), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("Lost quorum 1-0=1 > 0 for VS [10.0.0.1]:tcp:80")), log.toString());
        assertTrue(log.contains("Adding sorry server [127.0.0.1]:tcp:9 to VS [10.0.0.1]:tcp:80"), log.toString());
        await("the notify scripts", () -> {
            try {
                String ran = Files.exists(mark) ? Files.readString(mark) : "";
                return ran.contains("rs down") && ran.contains("quorum down");
            } catch (java.io.IOException x) {
                return false;
            }
        });
        e.stop(false);
    }

    @Test
    void aMiscCheckWhoseScriptIsMissingIsDroppedAndItsServerStaysUp() throws Exception {
        CheckEngine e = engine();
        e.start(config("""
                virtual_server 10.0.0.1 80 {
                  delay_loop 0.2
                  lb_algo rr
                  protocol TCP
                  real_server 127.0.0.1 8080 { MISC_CHECK { misc_path "/nonexistent/check.sh arg" } }
                }
                """));
        assertTrue(log.contains("Disabling misc script /nonexistent/check.sh arg since not found/accessible"), log.toString());
        Thread.sleep(500);
        assertTrue(saved().contains("-r 127.0.0.1:8080 -m -w 1"), saved());
        e.stop(false);
    }

    @Test
    void aReloadAppliesTheEditAndKeepsAFailedServerOut() throws Exception {
        try (Stubs s = new Stubs()) {
            int live = Stubs.freePort();
            int dead = Stubs.freePort();
            s.tcp(live, (in, out) -> { });
            String text = """
                    virtual_server 10.0.0.1 80 {
                      delay_loop 0.2
                      lb_algo rr
                      lb_kind NAT
                      protocol TCP
                      warmup 0
                      real_server 127.0.0.1 %d { weight 1
                        TCP_CHECK { connect_timeout 1 } }
                      real_server 127.0.0.1 %d { TCP_CHECK { connect_timeout 1 } }
                    }
                    """.formatted(live, dead);
            CheckEngine e = engine();
            e.start(config(text));
            await("removal", () -> !saved().contains(":" + dead + " "));
            log.clear();
            e.reload(config(text.replace("weight 1", "weight 5")));
            assertTrue(saved().contains("-r 127.0.0.1:" + live + " -m -w 5"), saved());
            assertTrue(!saved().contains(":" + dead + " "), "the failed server is not re-added by a reload");
            assertTrue(log.contains("Changing weight from 1 to 5 for active service [127.0.0.1]:tcp:" + live
                    + " of VS [10.0.0.1]:tcp:80"), log.toString());
            Thread.sleep(600);
            assertTrue(!saved().contains(":" + dead + " "), "still out after its checker ran again");
            assertTrue(!log.contains("TCP_CHECK on service [127.0.0.1]:tcp:" + dead + " failed."),
                    "its checker kept its down state, so no new failure is reported: " + log);
            s.tcp(dead, (in, out) -> { });
            await("re-adding", () -> saved().contains("-r 127.0.0.1:" + dead + " -m -w 1"));
            e.stop(false);
        }
    }

    @Test
    void alphaWaitsForAFirstSuccessAndOmegaRunsTheDownScriptsAtStop() throws Exception {
        Path mark = dir.resolve("ran");
        Path notify = dir.resolve("notify.sh");
        Files.writeString(notify, "#!/bin/sh\necho \"$@\" >> " + mark + "\n");
        Files.setPosixFilePermissions(notify, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (Stubs s = new Stubs()) {
            int port = Stubs.freePort();
            CheckEngine e = new CheckEngine(TableDoors.of(table), log::add, null, Duration.ofMillis(500));
            e.start(config("""
                    virtual_server 10.0.0.1 80 {
                      delay_loop 0.2
                      lb_algo rr
                      protocol TCP
                      warmup 0
                      alpha
                      omega
                      quorum_down "%s quorum down"
                      real_server 127.0.0.1 %d {
                        notify_down "%s rs down"
                        TCP_CHECK { connect_timeout 1 }
                      }
                    }
                    """.formatted(notify, port, notify)));
            assertEquals("-A -t 10.0.0.1:80 -s rr\n", saved(), "under alpha nothing is in before a check passes");
            s.tcp(port, (in, out) -> { });
            await("the first success", () -> saved().contains("-r 127.0.0.1:" + port + " -m -w 1"));
            assertTrue(log.contains("Adding service [127.0.0.1]:tcp:" + port + " to VS [10.0.0.1]:tcp:80"), log.toString());
            e.stop(false);
            assertTrue(log.contains("Shutting down service [127.0.0.1]:tcp:" + port + " from VS [10.0.0.1]:tcp:80"), log.toString());
            await("omega's scripts", () -> {
                try {
                    String ran = Files.exists(mark) ? Files.readString(mark) : "";
                    return ran.contains("rs down") && ran.contains("quorum down");
                } catch (java.io.IOException x) {
                    return false;
                }
            });
        }
    }
}

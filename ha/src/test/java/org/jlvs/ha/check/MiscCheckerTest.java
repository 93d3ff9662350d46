package org.jlvs.ha.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.jlvs.admin.keepalived.MiscCheck;
import org.jlvs.admin.keepalived.Script;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MISC_CHECK with real scripts: exit codes, misc_dynamic weights, retries and a script that hangs past misc_timeout. */
class MiscCheckerTest {
    @TempDir
    Path dir;

    private Path script(String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static MiscChecker checker(Path script, boolean dynamic, int retry, Duration timeout) {
        Script s = new Script(script.toString(), List.of(script.toString()), null, null);
        MiscCheck cfg = new MiscCheck(Opts.AT, Opts.of(retry, null), s, timeout, dynamic);
        MiscChecker c = new MiscChecker(cfg, new Scripts(null));
        c.retryIt(retry);
        return c;
    }

    @Test
    void exitZeroIsUpAndOtherExitsAreDown() throws Exception {
        MiscChecker ok = checker(script("ok", "exit 0"), false, 0, Duration.ofSeconds(5));
        RecordingContext ctx = new RecordingContext();
        ok.settle(ok.attempt(), ctx);
        assertEquals(List.of("weight 0", "up"), ctx.reports);
        assertEquals(List.of("Misc check for [[127.0.0.1]:tcp:80 VS [10.0.0.1]:tcp:80] by [" + dir.resolve("ok")
                + "] succeeded."), ctx.log);

        MiscChecker bad = checker(script("bad", "exit 3"), false, 0, Duration.ofSeconds(5));
        RecordingContext ctx2 = new RecordingContext();
        bad.settle(bad.attempt(), ctx2);
        assertEquals(List.of("failed 3"), ctx2.reports);
        assertEquals(List.of("Misc check for [[127.0.0.1]:tcp:80 VS [10.0.0.1]:tcp:80] by [" + dir.resolve("bad")
                + "] failed (exited with status 3)."), ctx2.log);
    }

    @Test
    void miscDynamicTurnsExitCodesIntoWeights() throws Exception {
        MiscChecker c = checker(script("dyn", "exit 152"), true, 0, Duration.ofSeconds(5));
        RecordingContext ctx = new RecordingContext();
        c.settle(c.attempt(), ctx);
        assertEquals(List.of("weight 152", "up"), ctx.reports);
        MiscChecker one = checker(script("one", "exit 1"), true, 0, Duration.ofSeconds(5));
        RecordingContext ctx2 = new RecordingContext();
        one.settle(one.attempt(), ctx2);
        assertEquals(List.of("failed 1"), ctx2.reports, "exit 1 is failure under misc_dynamic");
    }

    @Test
    void anUpScriptIsRetriedAndTheFailureSaysSo() throws Exception {
        MiscChecker c = checker(script("bad", "exit 1"), false, 1, Duration.ofSeconds(5));
        RecordingContext ctx = new RecordingContext();
        ctx.hasRun = true;
        c.retryIt(0);
        Duration d = c.settle(c.attempt(), ctx);
        assertEquals(List.of(), ctx.reports, "the retry is spent first");
        assertTrue(d.compareTo(Duration.ofSeconds(3)) <= 0, "delay_before_retry, timed from the start: " + d);
        c.settle(c.attempt(), ctx);
        assertEquals(List.of("failed 1"), ctx.reports);
        assertEquals("Misc check for [[127.0.0.1]:tcp:80 VS [10.0.0.1]:tcp:80] by [" + dir.resolve("bad")
                + "] failed after 1 retries (exited with status 1).", ctx.log.getLast());
    }

    @Test
    void aHungScriptIsKilledAtItsTimeoutAndCountsAsFailed() throws Exception {
        MiscChecker c = checker(script("hang", "exec sleep 30"), false, 0, Duration.ofMillis(500));
        RecordingContext ctx = new RecordingContext();
        long t0 = System.nanoTime();
        MiscChecker.Attempt a = c.attempt();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(a.exit().timedOut());
        assertTrue(ms < 4000, "killed after " + ms + " ms");
        c.settle(a, ctx);
        assertEquals(List.of("down"), ctx.reports);
        assertTrue(ctx.log.getFirst().endsWith("] timed out."), ctx.log.toString());
    }
}

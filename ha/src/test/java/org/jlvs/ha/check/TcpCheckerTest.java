package org.jlvs.ha.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.jlvs.admin.keepalived.CheckerOptions;
import org.junit.jupiter.api.Test;

/** TCP_CHECK against local listeners: success, refusal, a peer that never answers, and keepalived's retry rules. */
class TcpCheckerTest {

    private static TcpChecker checker(int port, int retry, Duration timeout) {
        CheckerOptions o = Opts.of(retry, timeout);
        TcpChecker c = new TcpChecker(Opts.target(port, timeout), o);
        c.retryIt(retry);  // as the engine starts it: one failure is enough at start
        return c;
    }

    @Test
    void aListeningServerPassesAndTheFirstSuccessIsLogged() throws Exception {
        try (Stubs s = new Stubs()) {
            int port = Stubs.freePort();
            s.tcp(port, (in, out) -> { });
            TcpChecker c = checker(port, 1, Duration.ofSeconds(2));
            RecordingContext ctx = new RecordingContext();
            assertEquals(TcpChecker.Attempt.SUCCESS, c.attempt());
            assertEquals(Duration.ofSeconds(60), c.settle(TcpChecker.Attempt.SUCCESS, ctx));
            assertEquals(List.of("up"), ctx.reports);
            assertEquals(List.of("TCP connection to [127.0.0.1]:tcp:80 success."), ctx.log);
            c.settle(c.attempt(), ctx);
            assertEquals(List.of("up"), ctx.reports, "an up checker that passes again reports nothing");
        }
    }

    @Test
    void aDeadServerAtStartIsDownAfterOneFailure() throws Exception {
        int port = Stubs.freePort();  // nothing listens
        TcpChecker c = checker(port, 3, Duration.ofSeconds(2));
        RecordingContext ctx = new RecordingContext();
        assertEquals(TcpChecker.Attempt.FAILED, c.attempt());
        assertEquals(Duration.ofSeconds(60), c.settle(TcpChecker.Attempt.FAILED, ctx));
        assertEquals(List.of("down"), ctx.reports);
        assertEquals(List.of("TCP_CHECK on service [127.0.0.1]:tcp:80 failed."), ctx.log);
    }

    @Test
    void anUpServerIsRetriedBeforeItGoesDown() {
        TcpChecker c = checker(1, 2, Duration.ofSeconds(1));
        RecordingContext ctx = new RecordingContext();
        ctx.logAll = true;
        c.settle(TcpChecker.Attempt.SUCCESS, ctx);
        ctx.log.clear();
        assertEquals(Duration.ofSeconds(3), c.settle(TcpChecker.Attempt.FAILED, ctx), "delay_before_retry");
        assertEquals(Duration.ofSeconds(3), c.settle(TcpChecker.Attempt.TIMEOUT, ctx));
        assertEquals(List.of("up"), ctx.reports, "no report while retries are left");
        assertEquals(Duration.ofSeconds(60), c.settle(TcpChecker.Attempt.FAILED, ctx));
        assertEquals(List.of("up", "down"), ctx.reports);
        assertEquals(List.of("TCP connection to [127.0.0.1]:tcp:80 failed.",
                "TCP connection to [127.0.0.1]:tcp:80 timeout.",
                "TCP connection to [127.0.0.1]:tcp:80 failed.",
                "TCP_CHECK on service [127.0.0.1]:tcp:80 failed after 2 retries."), ctx.log);
        // down: failures are not logged again, a success brings it back at once
        c.settle(TcpChecker.Attempt.FAILED, ctx);
        c.settle(TcpChecker.Attempt.SUCCESS, ctx);
        assertEquals(List.of("up", "down", "up"), ctx.reports);
        assertEquals("TCP connection to [127.0.0.1]:tcp:80 success.", ctx.log.getLast());
    }

    @Test
    @SuppressWarnings("try")
    void aServerThatNeverAnswersTimesOutWithinConnectTimeout() throws Exception {
        int port = Stubs.freePort();
        try (AutoCloseable q = Opts.unanswered(port)) {
            TcpChecker c = checker(port, 0, Duration.ofMillis(700));
            long t0 = System.nanoTime();
            TcpChecker.Attempt a = c.attempt();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(TcpChecker.Attempt.TIMEOUT, a);
            assertTrue(ms >= 600 && ms < 3000, "took " + ms + " ms");
        }
    }
}

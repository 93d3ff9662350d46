package org.jlvs.ha.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jlvs.admin.keepalived.SmtpCheck;
import org.junit.jupiter.api.Test;

/** SMTP_CHECK against stub mail servers: the HELO conversation, bad greetings, silence, and host blocks. */
class SmtpCheckerTest {

    /** A mail server that greets with {@code greeting} and records what it is told. */
    static Stubs.Talk mailServer(String greeting, List<String> heard) {
        return (in, out) -> {
            Stubs.write(out, greeting + "\r\n");
            String helo = Stubs.line(in);
            heard.add(helo);
            Stubs.write(out, "250 hello\r\n");
            heard.add(Stubs.line(in));
            Stubs.write(out, "221 bye\r\n");
        };
    }

    private static SmtpChecker checker(int retry, Duration timeout, int... ports) {
        SmtpCheck cfg = new SmtpCheck(Opts.AT, Opts.of(retry, timeout), "smtpchecker.keepalived.org", List.of());
        List<Target> ts = java.util.Arrays.stream(ports).mapToObj(p -> Opts.target(p, timeout)).toList();
        SmtpChecker c = new SmtpChecker(cfg, ts);
        c.retryIt(retry);
        return c;
    }

    @Test
    void theHeloConversationPasses() throws Exception {
        try (Stubs s = new Stubs()) {
            int port = Stubs.freePort();
            List<String> heard = new CopyOnWriteArrayList<>();
            s.tcp(port, mailServer("220 mx ESMTP", heard));
            SmtpChecker c = checker(1, Duration.ofSeconds(2), port);
            assertNull(c.attempt());
            assertEquals(List.of("HELO smtpchecker.keepalived.org", "QUIT"), heard);
            RecordingContext ctx = new RecordingContext();
            c.settle(null, ctx);
            assertEquals(List.of("up"), ctx.reports);
            assertEquals(List.of("Remote SMTP server [127.0.0.1]:tcp:80 succeed on service."), ctx.log);
        }
    }

    @Test
    void aBadGreetingOrSilenceFails() throws Exception {
        try (Stubs s = new Stubs()) {
            int busy = Stubs.freePort();
            s.tcp(busy, mailServer("554 go away", new CopyOnWriteArrayList<>()));
            assertEquals("Bad greeting banner from server [127.0.0.1]:" + busy,
                    checker(0, Duration.ofSeconds(2), busy).attempt());
            int hung = Stubs.freePort();
            s.hung(hung);
            long t0 = System.nanoTime();
            assertEquals("Read timeout from server [127.0.0.1]:" + hung, checker(0, Duration.ofMillis(500), hung).attempt());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 3000);
        }
    }

    @Test
    void everyHostMustPassAndAFailingOneIsRetried() throws Exception {
        try (Stubs s = new Stubs()) {
            int good = Stubs.freePort();
            s.tcp(good, mailServer("220 ok", new CopyOnWriteArrayList<>()));
            int dead = Stubs.freePort();
            SmtpChecker c = checker(1, Duration.ofSeconds(1), good, dead);
            RecordingContext ctx = new RecordingContext();
            assertEquals(Duration.ZERO, c.settle(c.attempt(), ctx), "the next host at once");
            String err = c.attempt();
            assertEquals("Error connecting to server [127.0.0.1]:" + dead, err);
            assertEquals(Duration.ofSeconds(3), c.settle(err, ctx), "retry the same host");
            assertEquals(Duration.ofSeconds(60), c.settle(c.attempt(), ctx));
            assertEquals(List.of("down"), ctx.reports);
            assertEquals(List.of("SMTP_CHECK Error connecting to server [127.0.0.1]:" + dead), ctx.log);
        }
    }
}

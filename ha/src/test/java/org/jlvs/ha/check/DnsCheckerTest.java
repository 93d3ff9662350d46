package org.jlvs.ha.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.jlvs.admin.keepalived.DnsCheck;
import org.junit.jupiter.api.Test;

/** DNS_CHECK against a stub resolver: the query's bytes, RCODE, ids that do not match, and silence. */
class DnsCheckerTest {

    /** The query turned into a reply: QR set, the given RCODE. */
    static byte[] reply(byte[] q, int rcode) {
        byte[] r = Arrays.copyOf(q, q.length);
        r[2] = (byte) (r[2] | 0x80);
        r[3] = (byte) ((r[3] & 0xf0) | rcode);
        return r;
    }

    private static DnsChecker checker(int port, int retry, Duration timeout) {
        DnsCheck cfg = new DnsCheck(Opts.AT, Opts.of(retry, timeout), "A", "example.com");
        DnsChecker c = new DnsChecker(cfg, Opts.target(port, timeout));
        c.retryIt(retry);
        return c;
    }

    @Test
    void theQueryIsOneQuestionWithRecursionDesired() {
        byte[] q = DnsQuery.encode(0x1234, "example.com", DnsQuery.type("A"));
        assertArrayEquals(new byte[] {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0,
                7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0, 0, 1, 0, 1}, q);
        byte[] root = DnsQuery.encode(1, ".", DnsQuery.type("SOA"));
        assertEquals(12 + 1 + 4, root.length, "the root is a single zero byte");
        assertEquals(6, root[root.length - 3]);
    }

    @Test
    void aGoodReplyPassesAndAnErrorRcodeFails() throws Exception {
        try (Stubs s = new Stubs()) {
            int ok = Stubs.freePort();
            s.udp(ok, q -> reply(q, 0));
            assertNull(checker(ok, 0, Duration.ofSeconds(2)).attempt().error());
            int bad = Stubs.freePort();
            s.udp(bad, q -> reply(q, 2));
            DnsChecker c = checker(bad, 0, Duration.ofSeconds(2));
            RecordingContext ctx = new RecordingContext();
            c.settle(c.attempt(), ctx);
            assertEquals(List.of("down"), ctx.reports);
            assertEquals(List.of("DNS_CHECK ([127.0.0.1]:tcp:80) read error occurred. (rcode = 2)"), ctx.log);
        }
    }

    @Test
    void aWrongIdIsIgnoredUntilTheTimeout() throws Exception {
        try (Stubs s = new Stubs()) {
            int port = Stubs.freePort();
            s.udp(port, q -> {
                byte[] r = reply(q, 0);
                r[0] ^= 0x55;
                return r;
            });
            long t0 = System.nanoTime();
            DnsChecker.Attempt a = checker(port, 0, Duration.ofMillis(500)).attempt();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("read timeout from socket", a.error());
            assertTrue(ms >= 400 && ms < 3000, "took " + ms + " ms");
        }
    }

    @Test
    void retriesAreSpentBeforeItGoesDown() {
        DnsChecker c = checker(1, 3, Duration.ofSeconds(1));
        RecordingContext ctx = new RecordingContext();
        c.settle(DnsChecker.Attempt.OK, ctx);
        DnsChecker.Attempt silent = new DnsChecker.Attempt("read timeout from socket", false);
        for (int i = 0; i < 3; i++) {
            assertEquals(Duration.ofSeconds(3), c.settle(silent, ctx));
        }
        assertEquals(List.of("up"), ctx.reports);
        c.settle(silent, ctx);
        assertEquals(List.of("up", "down"), ctx.reports);
        assertEquals(List.of("DNS_CHECK ([127.0.0.1]:tcp:80) read timeout from socket after 3 retries"), ctx.log);
    }
}

package org.jlvs.ha.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jlvs.admin.keepalived.HexBytes;
import org.jlvs.admin.keepalived.UdpCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** UDP_CHECK against stub UDP servers on the loopback: replies, wrong replies, silence and ICMP errors. */
class UdpCheckerTest {
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final NativeProbes probes = new NativeProbes(log::add);

    @AfterEach
    void close() {
        probes.close();
    }

    private UdpChecker checker(int port, HexBytes payload, boolean requireReply, HexBytes reply, int min, int max,
                               Duration timeout) {
        UdpCheck cfg = new UdpCheck(Opts.AT, Opts.of(1, timeout), payload, requireReply, reply, min, max);
        UdpChecker c = new UdpChecker(cfg, Opts.target(port, timeout), probes);
        c.retryIt(1);
        return c;
    }

    private static HexBytes hex(byte[] data, byte[] mask) {
        return new HexBytes(data, mask);
    }

    @Test
    void theDefaultPayloadIsKeepalivedsTextAndAnyReplyPasses() throws Exception {
        try (Stubs s = new Stubs()) {
            int port = Stubs.freePort();
            List<byte[]> got = new CopyOnWriteArrayList<>();
            s.udp(port, in -> {
                got.add(in);
                return new byte[] {1};
            });
            UdpChecker c = checker(port, null, true, null, 0, 255, Duration.ofSeconds(2));
            assertEquals(UdpChecker.Attempt.SUCCESS, c.attempt());
            assertEquals("keepalived check - keepalived ch", new String(got.getFirst(), StandardCharsets.US_ASCII));
            checker(port, hex(new byte[] {0x12, 0x34}, null), true, null, 0, 255, Duration.ofSeconds(2)).attempt();
            assertArrayEquals(new byte[] {0x12, 0x34}, got.get(1));
        }
    }

    @Test
    void theReplyMustMatchExceptItsWildcardNibblesAndFitItsLengths() throws Exception {
        try (Stubs s = new Stubs()) {
            int port = Stubs.freePort();
            s.udp(port, in -> in);  // an echo: the reply is the payload
            HexBytes want = hex(new byte[] {(byte) 0xab, 0x00}, new byte[] {0, 0x0f});  // "ab 0x"
            Duration t = Duration.ofSeconds(2);
            assertEquals(UdpChecker.Attempt.SUCCESS,
                    checker(port, hex(new byte[] {(byte) 0xab, 0x07, 9}, null), true, want, 0, 255, t).attempt());
            assertEquals(UdpChecker.Attempt.MISMATCH,
                    checker(port, hex(new byte[] {(byte) 0xab, 0x17}, null), true, want, 0, 255, t).attempt());
            assertEquals(UdpChecker.Attempt.MISMATCH,
                    checker(port, hex(new byte[] {(byte) 0xab, 0x07, 9}, null), true, want, 0, 2, t).attempt(),
                    "3 bytes is over max_reply_length 2");
            assertEquals(UdpChecker.Attempt.MISMATCH,
                    checker(port, hex(new byte[] {(byte) 0xab}, null), true, want, 2, 255, t).attempt(),
                    "1 byte is under min_reply_length 2");
        }
    }

    @Test
    void silencePassesUnlessAReplyIsRequired() throws Exception {
        try (Stubs s = new Stubs()) {
            int port = Stubs.freePort();
            s.udp(port, in -> null);
            Duration t = Duration.ofMillis(600);
            long t0 = System.nanoTime();
            assertEquals(UdpChecker.Attempt.SUCCESS, checker(port, null, false, null, 0, 255, t).attempt());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 550 && ms < 3000, "waited the connect_timeout: " + ms + " ms");
            assertEquals(UdpChecker.Attempt.FAILED, checker(port, null, true, null, 0, 255, t).attempt());
        }
    }

    @Test
    void aPortUnreachableFailsAtOnce() throws Exception {
        int port = Stubs.freePort();  // nothing listens: the kernel answers ICMP port unreachable
        long t0 = System.nanoTime();
        assertEquals(UdpChecker.Attempt.FAILED, checker(port, null, false, null, 0, 255, Duration.ofSeconds(5)).attempt());
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "without waiting for connect_timeout");
    }

    @Test
    void keepalivedsLinesAndRetries() {
        UdpChecker c = checker(1, null, false, null, 0, 255, Duration.ofSeconds(1));
        RecordingContext ctx = new RecordingContext();
        ctx.logAll = true;
        assertEquals(Duration.ofSeconds(60), c.settle(UdpChecker.Attempt.SUCCESS, ctx));
        assertEquals(List.of("UDP connection to [127.0.0.1]:tcp:80 success."), ctx.log);
        assertEquals(Duration.ofSeconds(3), c.settle(UdpChecker.Attempt.MISMATCH, ctx), "delay_before_retry");
        assertEquals(Duration.ofSeconds(60), c.settle(UdpChecker.Attempt.FAILED, ctx));
        assertEquals(List.of("up", "down"), ctx.reports);
        assertEquals(List.of("UDP connection to [127.0.0.1]:tcp:80 success.",
                "UDP check to [127.0.0.1]:tcp:80 reply data mismatch.",
                "UDP connection to [127.0.0.1]:tcp:80 failed.",
                "UDP_CHECK on service [127.0.0.1]:tcp:80 failed after 1 retries."), ctx.log);
        assertEquals(Duration.ofSeconds(60), c.settle(UdpChecker.Attempt.NO_SOCKET, ctx));
        assertEquals("UDP connect fail to create socket. Rescheduling.", ctx.log.getLast());
        assertEquals(List.of("up", "down"), ctx.reports, "no socket: no state change");
    }
}

package org.jlvs.ha.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jlvs.admin.keepalived.PingCheck;
import org.jlvs.sys.probe.IcmpEchoSocket;
import org.junit.jupiter.api.Test;

/**
 * PING_CHECK against loopbacks: the raw socket, the datagram socket it falls back to where raw
 * ones are refused, a namespace that ignores echo requests, and no ICMP socket at all.
 */
class PingCheckerTest {
    private final List<String> log = new CopyOnWriteArrayList<>();

    private static PingChecker checker(String address, Duration timeout, NativeProbes probes) throws Exception {
        PingCheck cfg = new PingCheck(Opts.AT, Opts.of(1, timeout));
        Target t = new Target(new InetSocketAddress(InetAddress.getByName(address), 0), null, timeout);
        PingChecker c = new PingChecker(cfg, t, probes);
        c.retryIt(1);
        return c;
    }

    private static IcmpEchoSocket raw(boolean v6) {
        try {
            return IcmpEchoSocket.open(v6, IcmpEchoSocket.Kind.RAW);
        } catch (IllegalStateException e) {
            assumeTrue(false, "no raw ICMP sockets here (" + e.getMessage() + ")");
            return null;
        }
    }

    @Test
    void theLoopbackAnswersOverARawSocketInBothFamilies() throws Exception {
        raw(false).close();
        try (NativeProbes probes = new NativeProbes(log::add)) {
            assertEquals(PingChecker.Attempt.SUCCESS, checker("127.0.0.1", Duration.ofSeconds(2), probes).attempt());
            assertEquals(PingChecker.Attempt.SUCCESS, checker("::1", Duration.ofSeconds(2), probes).attempt());
            // many at once share the socket; each gets its own reply
            List<Thread> ts = new java.util.ArrayList<>();
            List<PingChecker.Attempt> got = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 20; i++) {
                PingChecker c = checker("127.0.0." + (1 + i % 5), Duration.ofSeconds(2), probes);
                ts.add(Thread.ofVirtual().start(() -> {
                    try {
                        got.add(c.attempt());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            for (Thread t : ts) {
                t.join();
            }
            assertEquals(java.util.Collections.nCopies(20, PingChecker.Attempt.SUCCESS), got);
            assertEquals(List.of(), log, "a raw socket is not worth a word");
        }
    }

    @Test
    void withoutRawSocketsTheDatagramSocketIsUsedAndSaidSo() throws Exception {
        try (TestNetns ns = TestNetns.create("pingdg")) {
            assumeTrue(ns != null, "no network namespaces here");
            ns.sysctl("net/ipv4/ping_group_range", "0 2147483647");
            NativeProbes.Opener opener = (v6, kind) -> {
                if (kind == IcmpEchoSocket.Kind.RAW) {
                    throw new IllegalStateException("EPERM (operation not permitted)");
                }
                return ns.inside(() -> IcmpEchoSocket.open(v6, kind));
            };
            try (NativeProbes probes = new NativeProbes(log::add, opener)) {
                assertEquals(PingChecker.Attempt.SUCCESS, checker("127.0.0.1", Duration.ofSeconds(2), probes).attempt());
                assertEquals(IcmpEchoSocket.Kind.DATAGRAM, probes.pinger(false).kind());
                assertEquals(List.of("PING_CHECK: no raw ICMP socket (EPERM (operation not permitted): jlvsd is not root"
                        + " and has no CAP_NET_RAW); pinging through an ICMP datagram socket (net.ipv4.ping_group_range)"), log);
            }
        }
    }

    @Test
    void aHostThatIgnoresEchoRequestsTimesOut() throws Exception {
        raw(false).close();
        try (TestNetns ns = TestNetns.create("pingto")) {
            assumeTrue(ns != null, "no network namespaces here");
            ns.sysctl("net/ipv4/icmp_echo_ignore_all", "1");
            NativeProbes.Opener opener = (v6, kind) -> ns.inside(() -> IcmpEchoSocket.open(v6, kind));
            try (NativeProbes probes = new NativeProbes(log::add, opener)) {
                long t0 = System.nanoTime();
                PingChecker c = checker("127.0.0.1", Duration.ofMillis(500), probes);
                assertEquals(PingChecker.Attempt.TIMEOUT, c.attempt());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(ms >= 450 && ms < 3000, "connect_timeout: " + ms + " ms");
                RecordingContext ctx = new RecordingContext();
                c.settle(PingChecker.Attempt.TIMEOUT, ctx);
                assertEquals(List.of("ICMP CHECK on service [127.0.0.1]:tcp:80 failed."), ctx.log);
                assertEquals(List.of("down"), ctx.reports);
            }
        }
    }

    @Test
    void withNoIcmpSocketAtAllTheCheckIsRescheduledAndTheReasonSaidOnce() throws Exception {
        NativeProbes.Opener refuse = (v6, kind) -> {
            throw new IllegalStateException(kind == IcmpEchoSocket.Kind.RAW ? "EPERM (operation not permitted)"
                    : "EACCES (permission denied)");
        };
        try (NativeProbes probes = new NativeProbes(log::add, refuse)) {
            PingChecker c = checker("127.0.0.1", Duration.ofSeconds(1), probes);
            assertEquals(PingChecker.Attempt.NO_SOCKET, c.attempt());
            assertEquals(PingChecker.Attempt.NO_SOCKET, c.attempt());
            assertNull(probes.pinger(false));
            assertEquals(1, log.size(), log.toString());
            assertTrue(log.getFirst().startsWith("PING_CHECK: no ICMP socket: raw EPERM (operation not permitted)"
                    + " (jlvsd is not root and has no CAP_NET_RAW), datagram EACCES (permission denied) (gid "), log.getFirst());
            assertTrue(log.getFirst().endsWith(" is outside net.ipv4.ping_group_range); PING_CHECKs cannot run"), log.getFirst());
            RecordingContext ctx = new RecordingContext();
            assertEquals(Duration.ofSeconds(60), c.settle(PingChecker.Attempt.NO_SOCKET, ctx));
            assertEquals(List.of("ICMP connect fail to create socket. Rescheduling."), ctx.log);
            assertEquals(List.of(), ctx.reports, "the server keeps its state");
        }
    }

    @Test
    void keepalivedsLinesAndRetries() throws Exception {
        try (NativeProbes probes = new NativeProbes(log::add)) {
            PingChecker c = checker("127.0.0.1", Duration.ofSeconds(1), probes);
            RecordingContext ctx = new RecordingContext();
            ctx.logAll = true;
            c.settle(PingChecker.Attempt.SUCCESS, ctx);
            assertEquals(Duration.ofSeconds(3), c.settle(PingChecker.Attempt.TIMEOUT, ctx));
            c.settle(PingChecker.Attempt.SEND_FAILED, ctx);
            assertEquals(List.of("ICMP connection to [127.0.0.1]:tcp:80 success.",
                    "ICMP connection to address [127.0.0.1]:tcp:80 timeout.",
                    "send ICMP packet fail",
                    "ICMP CHECK on service [127.0.0.1]:tcp:80 of [10.0.0.1]:tcp:80 failed after 1 retries."), ctx.log);
            assertEquals(List.of("up", "down"), ctx.reports);
        }
    }
}

package org.jlvs.ha.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jlvs.admin.http.HttpGet;
import org.jlvs.admin.keepalived.HttpCheck;
import org.jlvs.admin.keepalived.HttpUrl;
import org.junit.jupiter.api.Test;

/** HTTP_GET against local stub servers: status codes, the body digest, the url walk, a server that never answers. */
class HttpGetCheckerTest {

    static String md5(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpUrl url(String path, String digest, int from, int to) {
        return new HttpUrl(Opts.AT, path, digest, List.of(new HttpUrl.StatusRange(from, to)), null, null, false, List.of());
    }

    private static HttpGetChecker checker(int port, int retry, boolean fastRecovery, HttpUrl... urls) {
        HttpCheck cfg = new HttpCheck(Opts.AT, false, Opts.of(retry, Duration.ofSeconds(2)), List.of(urls), null, null,
                fastRecovery, false, null, false);
        HttpGetChecker c = new HttpGetChecker(cfg, Opts.target(port, Duration.ofSeconds(2)), null);
        c.retryIt(retry);
        return c;
    }

    @Test
    void keepalivedsRequestAndTheBodyDigest() throws Exception {
        try (Stubs s = new Stubs()) {
            int port = Stubs.freePort();
            List<String> requests = new CopyOnWriteArrayList<>();
            s.http(port, 200, "hello\n", requests);
            HttpGetChecker c = checker(port, 1, false, url("/health", md5("hello\n"), 200, 200));
            RecordingContext ctx = new RecordingContext();
            HttpGet.Answer a = c.attempt();
            HttpGet.Response r = assertInstanceOf(HttpGet.Response.class, a);
            assertEquals(md5("hello\n"), r.md5Hex());
            assertEquals("GET /health HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nHost: 127.0.0.1:" + port + "\r\n\r\n",
                    requests.getFirst());
            assertEquals(Duration.ofSeconds(60), c.settle(a, ctx));
            assertEquals(List.of("up"), ctx.reports);
            assertEquals(List.of("Remote Web server [127.0.0.1]:tcp:80 succeed on service."), ctx.log);
        }
    }

    @Test
    void aWrongDigestOrStatusFailsTheUrl() throws Exception {
        try (Stubs s = new Stubs()) {
            int port = Stubs.freePort();
            s.http(port, 200, "changed", null);
            HttpGetChecker c = checker(port, 0, false, url("/", md5("original"), 200, 299));
            RecordingContext ctx = new RecordingContext();
            ctx.logAll = true;
            c.settle(c.attempt(), ctx);
            assertEquals(List.of("down"), ctx.reports);
            assertEquals(List.of("MD5 digest error to server [127.0.0.1]:tcp:80.",
                    "HTTP_CHECK on service [127.0.0.1]:tcp:80 failed."), ctx.log);
            int port2 = Stubs.freePort();
            s.http(port2, 503, "busy", null);
            HttpGetChecker c2 = checker(port2, 0, false, url("/", null, 200, 299));
            RecordingContext ctx2 = new RecordingContext();
            ctx2.logAll = true;
            c2.settle(c2.attempt(), ctx2);
            assertEquals("HTTP status code error to server [127.0.0.1]:tcp:80.", ctx2.log.getFirst());
        }
    }

    @Test
    void urlsAreWalkedOnePerDelayLoopAndAFailedCheckerNeedsTwoGoodRounds() throws Exception {
        try (Stubs s = new Stubs()) {
            int port = Stubs.freePort();
            s.http(port, 200, "ok", null);
            HttpGetChecker c = checker(port, 1, false, url("/a", null, 200, 200), url("/b", null, 200, 200));
            RecordingContext ctx = new RecordingContext();
            assertEquals(Duration.ofSeconds(60), c.settle(c.attempt(), ctx));
            assertEquals(List.of(), ctx.reports, "one url of two done");
            c.settle(c.attempt(), ctx);
            assertEquals(List.of("up"), ctx.reports);

            // down after its retry, the failed url is tried each max(delay_before_retry, delay_loop)
            HttpGet.Failure refused = new HttpGet.Failure(HttpGet.Kind.CONNECT_ERROR, "Error connecting", "x");
            assertEquals(Duration.ofSeconds(3), c.settle(refused, ctx));
            assertEquals(Duration.ofSeconds(60), c.settle(refused, ctx));
            assertEquals(List.of("up", "down"), ctx.reports);
            assertTrue(ctx.log.contains("HTTP_CHECK on service [127.0.0.1]:tcp:80 failed after 1 retries."), ctx.log.toString());
            assertEquals(Duration.ofSeconds(60), c.settle(refused, ctx));
            HttpGet.Response ok = new HttpGet.Response(200, 2, md5("ok"), 2, new byte[0]);
            c.settle(ok, ctx);  // the failed url passes: walk all again
            c.settle(ok, ctx);
            assertEquals(List.of("up", "down"), ctx.reports);
            c.settle(ok, ctx);
            assertEquals(List.of("up", "down", "up"), ctx.reports);
        }
    }

    @Test
    void fastRecoveryWalksTheUrlsWithoutWaiting() {
        HttpGetChecker c = checker(1, 0, true, url("/a", null, 200, 200), url("/b", null, 200, 200));
        RecordingContext ctx = new RecordingContext();
        ctx.up = false;
        ctx.hasRun = true;
        HttpGet.Response ok = new HttpGet.Response(200, 0, md5none(), 0, new byte[0]);
        assertEquals(Duration.ZERO, c.settle(ok, ctx));
        c.settle(ok, ctx);
        assertEquals(List.of("up"), ctx.reports);
    }

    private static String md5none() {
        try {
            return md5("");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aServerThatAcceptsButNeverAnswersTimesOut() throws Exception {
        try (Stubs s = new Stubs()) {
            int port = Stubs.freePort();
            s.hung(port);
            HttpCheck cfg = new HttpCheck(Opts.AT, false, Opts.of(0, Duration.ofMillis(600)),
                    List.of(url("/", null, 200, 200)), null, null, false, false, null, false);
            HttpGetChecker c = new HttpGetChecker(cfg, Opts.target(port, Duration.ofMillis(600)), null);
            long t0 = System.nanoTime();
            HttpGet.Failure f = assertInstanceOf(HttpGet.Failure.class, c.attempt());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("Timeout WEB read", f.what());
            assertTrue(ms >= 500 && ms < 3000, "took " + ms + " ms");
        }
    }
}

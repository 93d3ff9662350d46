package org.jlvs.ha.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.jlvs.admin.http.HttpGet;
import org.jlvs.admin.keepalived.HttpCheck;
import org.jlvs.admin.keepalived.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSL_GET against a TLS server with a self-signed certificate (keepalived does not verify it), and SNI. */
class SslGetTest {
    @TempDir
    Path dir;

    /** A self-signed key pair made with the JDK's keytool. */
    private SSLContext serverContext() throws Exception {
        Path ks = dir.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "s", "-keyalg", "EC", "-dname", "CN=rs.example", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "secret", "-keypass", "secret")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool");
        KeyStore k = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(ks)) {
            k.load(in, "secret".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(k, "secret".toCharArray());
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(kmf.getKeyManagers(), null, null);
        return c;
    }

    @Test
    void aSelfSignedServerPassesAndTheDigestIsOfTheDecryptedBody() throws Exception {
        SSLServerSocket ss = (SSLServerSocket) serverContext().getServerSocketFactory()
                .createServerSocket(0, 8, InetAddress.getLoopbackAddress());
        List<String> sni = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.ofVirtual().start(() -> {
            while (!ss.isClosed()) {
                try (SSLSocket c = (SSLSocket) ss.accept()) {
                    c.startHandshake();
                    sni.add(String.valueOf(c.getSession() instanceof javax.net.ssl.ExtendedSSLSession e
                            ? e.getRequestedServerNames() : "?"));
                    Stubs.readHead(c.getInputStream());
                    OutputStream o = c.getOutputStream();
                    o.write("HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nok\n".getBytes(StandardCharsets.US_ASCII));
                    o.flush();
                } catch (Exception e) {
                    // next
                }
            }
        });
        try (ss) {
            HttpUrl url = new HttpUrl(Opts.AT, "/", HttpGetCheckerTest.md5("ok\n"),
                    List.of(new HttpUrl.StatusRange(200, 200)), null, null, false, List.of());
            HttpCheck cfg = new HttpCheck(Opts.AT, true, Opts.of(0, Duration.ofSeconds(5)), List.of(url), null,
                    "www.example.com", false, true, null, false);
            HttpGetChecker c = new HttpGetChecker(cfg, Opts.target(ss.getLocalPort(), Duration.ofSeconds(5)), null);
            HttpGet.Answer a = c.attempt();
            HttpGet.Response r = assertInstanceOf(HttpGet.Response.class, a, () -> a.toString());
            assertEquals(HttpGetCheckerTest.md5("ok\n"), r.md5Hex());
            RecordingContext ctx = new RecordingContext();
            c.settle(r, ctx);
            assertEquals(List.of("up"), ctx.reports);
            assertTrue(sni.getFirst().contains("www.example.com"), "enable_sni sends the virtualhost: " + sni);
        }
    }
}

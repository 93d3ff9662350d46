package org.jlvs.admin.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/** bin/jlvs genhash against a local web server: the body's MD5, and what an unreachable server gives. */
class GenHashTest {

    @Test
    void printsTheBodysMd5AsKeepalivedsGenhash() throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
        s.createContext("/", ex -> {
            byte[] b = "<html>ok</html>\n".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        s.start();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int rc = GenHash.run(new GenHash.Options("127.0.0.1", s.getAddress().getPort(), "/index.html", false, false,
                    null, "1.0", 2, false), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
            assertEquals(0, rc);
            // what md5sum prints for "<html>ok</html>\n"
            assertEquals("6dcbae99902569903251b649576043bb\n", out.toString(StandardCharsets.UTF_8));
        } finally {
            s.stop(0);
        }
    }

    @Test
    void aClosedPortIsConnectionTimedOutAndExitOne() throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = GenHash.run(new GenHash.Options("127.0.0.1", port, "/", false, false, null, "1.0", 1, false),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(1, rc);
        assertEquals("Connection timed out\n", out.toString(StandardCharsets.UTF_8));
    }
}

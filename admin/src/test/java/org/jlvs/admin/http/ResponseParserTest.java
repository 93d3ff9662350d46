package org.jlvs.admin.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** How an answer is digested: only the body, no further than Content-Length, whatever the read sizes. */
class ResponseParserTest {

    static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void theBodyUpToContentLengthIsDigested() throws Exception {
        String answer = "HTTP/1.1 200 OK\r\nServer: x\r\ncontent-length: 5\r\n\r\nhello, and more";
        HttpGet.Response r = assertInstanceOf(HttpGet.Response.class,
                HttpGet.read(new ByteArrayInputStream(answer.getBytes(StandardCharsets.ISO_8859_1)), false));
        assertEquals(200, r.status());
        assertEquals(5, r.contentLength());
        assertEquals(md5("hello"), r.md5Hex());
    }

    @Test
    void aHeaderSplitAcrossReadsAndNoContentLength() throws Exception {
        ResponseParser p = new ResponseParser(HttpGet.md5(), 100);
        byte[] a = "HTTP/1.0 404 Not Found\r\n\r".getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = "\nbody bytes".getBytes(StandardCharsets.ISO_8859_1);
        p.accept(a, 0, a.length);
        p.accept(b, 0, b.length);
        assertEquals(404, p.status());
        assertEquals(HexFormat.of().formatHex(p.digest()), md5("body bytes"));
        assertEquals("body bytes", new String(p.keptBody(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void noHeaderMeansNoData() {
        HttpGet.Failure f = assertInstanceOf(HttpGet.Failure.class,
                HttpGet.read(new ByteArrayInputStream("garbage".getBytes(StandardCharsets.ISO_8859_1)), false));
        assertEquals("Read, no data received from ", f.what());
    }

    @Test
    void requestsAsKeepalivedSendsThem() {
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);
        assertEquals("GET /x HTTP/1.1\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: www.example.com\r\n\r\n",
                HttpGet.requestText(new HttpGet.Request(v4, null, "/x", "www.example.com", "1.1", false, null,
                        Duration.ofSeconds(1), false)));
        InetSocketAddress v6 = new InetSocketAddress(org.jlvs.core.model.IpAddress.parse("2001:db8::1").toInetAddress(), 80);
        assertEquals("GET / HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\nConnection: close\r\nHost: [2001:db8::1]:80\r\n\r\n",
                HttpGet.requestText(new HttpGet.Request(v6, null, "/", null, "1.0C", false, null, Duration.ofSeconds(1), false)));
    }
}

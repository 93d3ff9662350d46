package org.jlvs.admin.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.jlvs.core.model.IpAddress;

/**
 * One GET as keepalived's HTTP_GET/SSL_GET and genhash send it: {@code GET path HTTP/1.x},
 * {@code User-Agent: KeepAliveClient}, {@code Connection: close} for 1.0C and 1.1, and
 * {@code Host:} the virtualhost, else the address and port. The answer is read to the end of
 * the stream; its body (after the header, up to Content-Length when given) is digested with MD5.
 * TLS peers are not verified, as keepalived does not verify them without a CA.
 */
public final class HttpGet {
    /** The body kept for regex checks is cut here; the digest still covers all of it. */
    static final int KEPT_BODY_MAX = 1 << 20;
    static final int HEADER_MAX = 64 * 1024;

    /**
     * What to fetch.
     *
     * @param bindTo      null for any source address
     * @param virtualhost null: Host is the address and port
     * @param protocol    "1.0", "1.0C" or "1.1"
     * @param sniName     with tls: the SNI name to send, null for none
     * @param keepBody    keep (up to 1 MiB of) the body, for regex checks
     */
    public record Request(InetSocketAddress server, InetSocketAddress bindTo, String path, String virtualhost,
                          String protocol, boolean tls, String sniName, Duration timeout, boolean keepBody) {
    }

    /** What came back: an HTTP answer, or the step that failed in keepalived's words. */
    public sealed interface Answer {
    }

    /**
     * A complete answer.
     *
     * @param contentLength -1 when the header had none
     * @param body          the first bytes of the body when asked for, else empty
     */
    public record Response(int status, long contentLength, String md5Hex, long bodyBytes, byte[] body) implements Answer {
    }

    /**
     * A failed exchange. {@code what} is keepalived's phrase for the step, as it completes
     * "&lt;what&gt; server [addr]:proto:port." ("Timeout connecting", "Read, no data received from ", ...).
     */
    public record Failure(Kind kind, String what, String detail) implements Answer {
    }

    /** The step that failed. */
    public enum Kind { BIND, CONNECT_TIMEOUT, CONNECT_ERROR, TLS, SEND, READ_TIMEOUT, READ_ERROR, NO_DATA }

    private HttpGet() {
    }

    /** keepalived's request text. */
    public static String requestText(Request r) {
        String host;
        if (r.virtualhost() != null) {
            host = r.virtualhost();
        } else {
            // inet_ntop's text: IPv6 compressed, in brackets
            host = IpAddress.of(r.server().getAddress()).toUriString() + ":" + r.server().getPort();
        }
        String p = r.protocol() == null ? "1.0" : r.protocol();
        boolean close = p.equalsIgnoreCase("1.0C") || p.equals("1.1");
        return "GET " + r.path() + " HTTP/1." + (p.equals("1.1") ? 1 : 0) + "\r\n"
                + "User-Agent: KeepAliveClient\r\n"
                + (close ? "Connection: close\r\n" : "")
                + "Host: " + host + "\r\n\r\n";
    }

    /** Fetches and reads to the end; never throws for network trouble. */
    public static Answer fetch(Request r) {
        Socket s;
        try {
            s = Connector.connect(r.server(), r.bindTo(), r.timeout());
        } catch (Connector.ConnectException e) {
            return switch (e.failure()) {
                case BIND -> new Failure(Kind.BIND, "WEB socket bind failed", e.getMessage());
                case TIMEOUT -> new Failure(Kind.CONNECT_TIMEOUT, "Timeout connecting", e.getMessage());
                case ERROR -> new Failure(Kind.CONNECT_ERROR, "Error connecting", e.getMessage());
            };
        }
        try (Socket sock = s) {
            Socket io = sock;
            if (r.tls()) {
                try {
                    io = tls(sock, r);
                } catch (IOException | GeneralSecurityException e) {
                    return new Failure(Kind.TLS, "SSL handshake/communication error connecting to", e.getMessage());
                }
            }
            try {
                OutputStream o = io.getOutputStream();
                o.write(requestText(r).getBytes(StandardCharsets.ISO_8859_1));
                o.flush();
            } catch (IOException e) {
                return new Failure(Kind.SEND, "Cannot send get request to", e.getMessage());
            }
            return read(io.getInputStream(), r.keepBody());
        } catch (IOException e) {
            return new Failure(Kind.READ_ERROR, "Read error with", e.getMessage());
        }
    }

    private static SSLSocket tls(Socket plain, Request r) throws IOException, GeneralSecurityException {
        InetSocketAddress a = r.server();
        SSLSocket ssl = (SSLSocket) trustAll().getSocketFactory()
                .createSocket(plain, a.getAddress().getHostAddress(), a.getPort(), true);
        SSLParameters p = ssl.getSSLParameters();
        List<SNIServerName> names = r.sniName() == null ? List.of() : List.of(new SNIHostName(r.sniName()));
        p.setServerNames(names);
        ssl.setSSLParameters(p);
        ssl.setUseClientMode(true);
        ssl.startHandshake();
        return ssl;
    }

    private static volatile SSLContext trustAll;

    /** A client context that accepts any server certificate (keepalived's SSL_GET without a CA). */
    static SSLContext trustAll() throws GeneralSecurityException {
        SSLContext c = trustAll;
        if (c == null) {
            c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            trustAll = c;
        }
        return c;
    }

    /** Reads the header, then the body to the end of the stream, digesting the body. */
    static Answer read(InputStream in, boolean keepBody) {
        ResponseParser parser = new ResponseParser(md5(), keepBody ? KEPT_BODY_MAX : 0);
        byte[] buf = new byte[16 * 1024];
        boolean any = false;
        while (true) {
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                return any ? new Failure(Kind.READ_TIMEOUT, "Timeout HTTP read", e.getMessage())
                        : new Failure(Kind.READ_TIMEOUT, "Timeout WEB read", e.getMessage());
            } catch (IOException e) {
                return new Failure(Kind.READ_ERROR, "Read error with", e.getMessage());
            }
            if (n < 0) {
                break;
            }
            any = true;
            parser.accept(buf, 0, n);
            if (parser.headerTooLong()) {
                break;
            }
        }
        if (!parser.headerDone()) {
            return new Failure(Kind.NO_DATA, "Read, no data received from ", "no complete header");
        }
        return new Response(parser.status(), parser.contentLength(), HexFormat.of().formatHex(parser.digest()),
                parser.bodyBytes(), parser.keptBody());
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}

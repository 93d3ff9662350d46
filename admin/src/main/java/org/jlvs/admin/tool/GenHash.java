package org.jlvs.admin.tool;

import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import org.jlvs.admin.http.HttpGet;
import org.jlvs.core.model.IpAddress;

/**
 * keepalived's genhash: fetch a URL as HTTP_GET/SSL_GET would and print the MD5 of its body
 * (the value for a url's {@code digest}) as 32 lower-case hex digits and a newline.
 */
final class GenHash {

    /** What to fetch and how. */
    record Options(String server, int port, String url, boolean ssl, boolean sni, String virtualhost,
                   String protocol, int timeoutSeconds, boolean verbose) {
    }

    private GenHash() {
    }

    /** 0 with the digest on {@code out}; 1 when the server cannot be reached or sends no HTTP answer. */
    static int run(Options o, PrintStream out, PrintStream err) {
        IpAddress a = IpAddress.tryParse(o.server());
        if (a == null) {
            err.println("server should be an IP, not " + o.server());
            return 1;
        }
        InetAddress ia = a.toInetAddress();
        HttpGet.Request r = new HttpGet.Request(new InetSocketAddress(ia, o.port()), null, o.url(), o.virtualhost(),
                o.protocol(), o.ssl(), o.ssl() && o.sni() ? o.virtualhost() : null,
                Duration.ofSeconds(o.timeoutSeconds()), false);
        if (o.verbose()) {
            err.print("request:\n" + HttpGet.requestText(r).replace("\r\n", "\n"));
        }
        HttpGet.Answer answer = HttpGet.fetch(r);
        switch (answer) {
            case HttpGet.Response resp -> {
                if (o.verbose()) {
                    err.println("status " + resp.status() + ", body " + resp.bodyBytes() + " bytes"
                            + (resp.contentLength() >= 0 ? ", Content-Length " + resp.contentLength() : ""));
                }
                out.println(resp.md5Hex());
                return 0;
            }
            case HttpGet.Failure f -> {
                if (f.kind() == HttpGet.Kind.NO_DATA) {
                    err.println("no data received from remote webserver");
                } else {
                    out.println("Connection timed out");
                    if (o.verbose()) {
                        err.println(f.what().strip() + ": " + f.detail());
                    }
                }
                return 1;
            }
        }
    }
}

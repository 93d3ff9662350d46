package org.jlvs.admin.keepalived;

import java.util.List;

/**
 * {@code HTTP_GET}, or {@code SSL_GET} when {@code tls}: every url must pass.
 *
 * @param httpProtocol "1.0", "1.0C" (1.0 with Connection: close) or "1.1"; null for keepalived's default
 * @param virtualhost  the Host header, null for the servers' virtualhost or the address
 */
public record HttpCheck(Origin at, boolean tls, CheckerOptions options, List<HttpUrl> urls, String httpProtocol,
                        String virtualhost, boolean fastRecovery, boolean enableSni, String sniName,
                        boolean tlsCompliant) implements Checker {

    public HttpCheck {
        urls = List.copyOf(urls);
    }

    @Override
    public String keyword() {
        return tls ? "SSL_GET" : "HTTP_GET";
    }
}

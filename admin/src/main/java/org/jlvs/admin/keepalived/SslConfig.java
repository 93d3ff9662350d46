package org.jlvs.admin.keepalived;

/** The top-level {@code SSL} block: the client context of SSL_GET (null fields: not given). */
public record SslConfig(Origin at, String password, String ca, String certificate, String key) {
}

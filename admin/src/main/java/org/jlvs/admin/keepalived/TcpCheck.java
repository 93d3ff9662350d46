package org.jlvs.admin.keepalived;

/** {@code TCP_CHECK}: a TCP connect completes within connect_timeout. */
public record TcpCheck(Origin at, CheckerOptions options) implements Checker {

    @Override
    public String keyword() {
        return "TCP_CHECK";
    }
}

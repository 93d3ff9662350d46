package org.jlvs.admin.keepalived;

/** {@code PING_CHECK} (check_ping.c): an ICMP (ICMPv6) echo request answered within connect_timeout. */
public record PingCheck(Origin at, CheckerOptions options) implements Checker {

    @Override
    public String keyword() {
        return "PING_CHECK";
    }
}

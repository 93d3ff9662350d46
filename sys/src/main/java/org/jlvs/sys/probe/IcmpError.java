package org.jlvs.sys.probe;

/**
 * An ICMP error from a socket's error queue (struct sock_extended_err with its origin):
 * {@code icmp6} tells ICMPv6 from ICMP, {@code type}/{@code code} are the message's.
 */
public record IcmpError(boolean icmp6, int type, int code) {
    /** ICMP destination unreachable (3), ICMPv6 destination unreachable (1). */
    public boolean destinationUnreachable() {
        return icmp6 ? type == 1 : type == 3;
    }
}

package org.jlvs.admin.ipvsadm;

import java.util.HashMap;
import java.util.Map;

import org.jlvs.core.model.IpAddress;
import org.jlvs.sys.libc.HostNames;

/**
 * How listings name an endpoint (ipvsadm's addrport_to_anyname): {@code addr:port}, or
 * {@code [addr]:port} for IPv6. Without -n an address (IPv4 or IPv6: ipvsadm 1.31 passes the
 * family's own address length to gethostbyaddr) becomes its reverse-lookup name, kept in the
 * brackets for IPv6, and a port the /etc/services name for the protocol.
 */
final class Names {
    /** ipvsadm formats into a 60-byte buffer. */
    private static final int MAX = 59;

    private final boolean numeric;
    private final ServicesFile services;
    private final Map<IpAddress, String> hosts = new HashMap<>();

    Names(boolean numeric, ServicesFile services) {
        this.numeric = numeric;
        this.services = services;
    }

    /** @param proto "tcp", "udp", "sctp", or null when no protocol is known (fwmark services) */
    String addrPort(IpAddress a, int port, String proto) {
        String host = numeric ? a.toString() : host(a);
        String p = null;
        if (!numeric && proto != null) {
            p = services.name(port, proto);
        }
        String s = (a.isV6() ? "[" + host + "]" : host) + ":" + (p != null ? p : Integer.toString(port));
        return s.length() > MAX ? s.substring(0, MAX) : s;
    }

    private String host(IpAddress a) {
        return hosts.computeIfAbsent(a, Names::reverse);
    }

    /** gethostbyaddr, falling back to the numeric form (inet_ntop's, not the JDK's). */
    private static String reverse(IpAddress a) {
        String name = HostNames.nameOf(a.bytes());
        return name != null ? name : a.toString();
    }
}

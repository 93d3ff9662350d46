package org.jlvs.ha.check;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.jlvs.admin.keepalived.CheckerOptions;
import org.jlvs.admin.keepalived.RealServer;
import org.jlvs.core.model.IpAddress;

/**
 * Where a checker connects and from where: connect_ip/connect_port, else the real server's
 * address and port; bindto/bind_port when given; connect_timeout (5 s by default).
 *
 * @param from null when no source address is set
 */
record Target(InetSocketAddress to, InetSocketAddress from, Duration timeout) {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    static Target of(CheckerOptions o, RealServer rs) {
        return of(o.connectIp(), o.connectPort(), o.bindTo(), o.bindPort(), o.connectTimeout(), rs);
    }

    static Target of(IpAddress connectIp, int connectPort, IpAddress bindTo, int bindPort, Duration timeout,
                     RealServer rs) {
        IpAddress ip = connectIp != null ? connectIp : rs.address();
        int port = connectPort >= 0 ? connectPort : rs.port();
        InetSocketAddress from = null;
        if (bindTo != null) {
            from = new InetSocketAddress(bindTo.toInetAddress(), bindPort);
        } else if (bindPort > 0) {
            from = new InetSocketAddress(bindPort);
        }
        return new Target(new InetSocketAddress(ip.toInetAddress(), port), from,
                timeout == null || timeout.isZero() ? DEFAULT_TIMEOUT : timeout);
    }

    /** keepalived's inet_sockaddrtopair: {@code [addr]:port}. */
    String pair() {
        return "[" + IpAddress.of(to.getAddress()) + "]:" + to.getPort();
    }
}

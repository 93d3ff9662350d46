package org.jlvs.socket;

import java.util.List;
import java.util.Map;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.ServiceKey;

/**
 * How the socket plane serves the table.
 *
 * @param extraListeners where fwmark and port-zero services are served: they have no single
 *                       address and port of their own (--fwmark-ports, the config)
 * @param proxyProtocol  PROXY protocol version (1 or 2) to send, by realserver or virtual service
 *                       endpoint ({@code addr:port}, {@code [v6]:port}); absent means none
 * @param proxyProtocolAll the version for every other realserver (0: none)
 * @param transparent    connect to realservers from the client's own address (IP_TRANSPARENT)
 * @param connectTimeoutMillis how long a realserver may take to accept a connection
 * @param threads        event-loop threads (0: one per CPU)
 */
public record SocketPlaneConfig(Map<ServiceKey, List<Endpoint>> extraListeners,
                                Map<String, Integer> proxyProtocol,
                                int proxyProtocolAll,
                                boolean transparent,
                                int connectTimeoutMillis,
                                int threads) {

    /** A protocol, address and port to listen on for a service that has none of its own. */
    public record Endpoint(Protocol protocol, IpAddress address, int port) {
        @Override
        public String toString() {
            return protocol.lowerName() + ":" + address.toUriString() + ":" + port;
        }
    }

    public static SocketPlaneConfig defaults() {
        return new SocketPlaneConfig(Map.of(), Map.of(), 0, false, 5000, 0);
    }

    /** The PROXY protocol version for a connection to {@code dest} of {@code svc}, or 0. */
    public int proxyVersion(ServiceKey svc, Destination dest) {
        if (proxyProtocol.isEmpty()) {
            return proxyProtocolAll;  // the usual case: no endpoint strings built per connection
        }
        Integer v = proxyProtocol.get(dest.endpoint());
        if (v == null && !svc.isFwmark()) {
            v = proxyProtocol.get(svc.address().toUriString() + ":" + svc.port());
        }
        return v == null ? proxyProtocolAll : v;
    }
}

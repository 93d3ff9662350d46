package org.jlvs.core.model;

import java.util.Objects;

/**
 * What identifies a virtual service: protocol + VIP + port, or a firewall mark of a family.
 * For a fwmark service {@code protocol} and {@code address} are null and {@code port} is 0.
 */
public record ServiceKey(Protocol protocol, IpAddress address, int port, int fwmark, boolean v6) {

    public ServiceKey {
        if (fwmark != 0) {
            if (protocol != null || address != null || port != 0) {
                throw new IllegalArgumentException("a fwmark service has no protocol, address or port");
            }
        } else {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(address, "address");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            if (address.isV6() != v6) {
                throw new IllegalArgumentException("family does not match the address");
            }
        }
    }

    public static ServiceKey of(Protocol protocol, IpAddress address, int port) {
        return new ServiceKey(protocol, address, port, 0, address.isV6());
    }

    public static ServiceKey fwmark(int mark, boolean v6) {
        if (mark == 0) {
            throw new IllegalArgumentException("fwmark 0 is not a mark");
        }
        return new ServiceKey(null, null, 0, mark, v6);
    }

    public boolean isFwmark() {
        return fwmark != 0;
    }

    /** The kernel's log form: {@code TCP 10.0.0.1:80} or {@code FWM 1}. */
    @Override
    public String toString() {
        if (isFwmark()) {
            return "FWM " + Integer.toUnsignedString(fwmark) + (v6 ? " IPv6" : "");
        }
        return protocol.name() + " " + address.toUriString() + ":" + port;
    }
}

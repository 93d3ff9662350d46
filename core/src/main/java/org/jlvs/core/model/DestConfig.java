package org.jlvs.core.model;

import java.util.Objects;

/** What an add or edit of a realserver says (ipvsadm -a/-e, a keepalived real_server). */
public record DestConfig(IpAddress address, int port, Forwarding forwarding, int weight,
                         int upperThreshold, int lowerThreshold,
                         TunnelType tunnelType, int tunnelPort, int tunnelFlags) {
    public DestConfig {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(forwarding, "forwarding");
        Objects.requireNonNull(tunnelType, "tunnelType");
    }

    /** A realserver with ipvsadm's defaults for everything but address, port, method and weight. */
    public static DestConfig of(IpAddress address, int port, Forwarding fwd, int weight) {
        return new DestConfig(address, port, fwd, weight, 0, 0, TunnelType.IPIP, 0, 0);
    }

    public DestConfig withWeight(int w) {
        return new DestConfig(address, port, forwarding, w, upperThreshold, lowerThreshold, tunnelType, tunnelPort, tunnelFlags);
    }

    public DestConfig withThresholds(int upper, int lower) {
        return new DestConfig(address, port, forwarding, weight, upper, lower, tunnelType, tunnelPort, tunnelFlags);
    }

    public String endpoint() {
        return address.toUriString() + ":" + port;
    }
}

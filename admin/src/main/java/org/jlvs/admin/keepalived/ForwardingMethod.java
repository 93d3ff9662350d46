package org.jlvs.admin.keepalived;

import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.TunnelType;

/**
 * {@code lvs_method NAT|DR|TUN [type ipip|gue|gre] [port N] [nocsum|csum|remcsum]}.
 *
 * @param tunnelPort  GUE port, 0 otherwise
 * @param tunnelFlags IP_VS_TUNNEL_ENCAP_FLAG_*: 0 nocsum, 1 csum, 2 remcsum
 */
public record ForwardingMethod(Forwarding forwarding, TunnelType tunnelType, int tunnelPort, int tunnelFlags) {
    public static final ForwardingMethod NAT = of(Forwarding.MASQ);

    public static ForwardingMethod of(Forwarding f) {
        return new ForwardingMethod(f, TunnelType.IPIP, 0, 0);
    }

    public boolean nat() {
        return forwarding == Forwarding.MASQ;
    }

    public boolean tunnel() {
        return forwarding == Forwarding.TUNNEL;
    }
}

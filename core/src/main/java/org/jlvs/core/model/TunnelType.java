package org.jlvs.core.model;

/** Encapsulation of a tunnel (-i) realserver: IP_VS_CONN_F_TUNNEL_TYPE_*. */
public enum TunnelType {
    IPIP,
    GUE,
    GRE;

    public String lowerName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

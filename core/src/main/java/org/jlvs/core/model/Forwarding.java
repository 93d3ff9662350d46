package org.jlvs.core.model;

/** How packets reach a realserver (IP_VS_CONN_F_FWD_MASK); named by ipvsadm's listing word. */
public enum Forwarding {
    /** LVS-NAT, ipvsadm -m. */
    MASQ("Masq", 0),
    /** The director itself (IP_VS_CONN_F_LOCALNODE). */
    LOCAL("Local", 1),
    /** LVS-TUN, ipvsadm -i. */
    TUNNEL("Tunnel", 2),
    /** LVS-DR, ipvsadm -g (the default). */
    ROUTE("Route", 3);

    private final String word;
    private final int kernelCode;

    Forwarding(String word, int kernelCode) {
        this.word = word;
        this.kernelCode = kernelCode;
    }

    /** The word ipvsadm -L prints in the Forward column. */
    public String word() {
        return word;
    }

    /** The IP_VS_CONN_F_* forwarding code (as carried by the sync protocol). */
    public int kernelCode() {
        return kernelCode;
    }

    private static final Forwarding[] BY_CODE = {MASQ, LOCAL, TUNNEL, ROUTE};

    /** The method for an IP_VS_CONN_F_* code (0..3), or null; allocates nothing (packet paths call it). */
    public static Forwarding ofKernelCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}

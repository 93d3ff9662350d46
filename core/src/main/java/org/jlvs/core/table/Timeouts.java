package org.jlvs.core.table;

/**
 * The three timeouts ipvsadm --set changes, in seconds: TCP ESTABLISHED, TCP FIN_WAIT and UDP.
 * Kernel defaults 900 120 300.
 */
public final class Timeouts {
    public static final int DEFAULT_TCP = 900;
    public static final int DEFAULT_TCP_FIN = 120;
    public static final int DEFAULT_UDP = 300;
    /** ipvsadm's limit: 31 days. */
    public static final int MAX = 2678400;

    private volatile int tcp = DEFAULT_TCP;
    private volatile int tcpFin = DEFAULT_TCP_FIN;
    private volatile int udp = DEFAULT_UDP;

    public int tcp() {
        return tcp;
    }

    public int tcpFin() {
        return tcpFin;
    }

    public int udp() {
        return udp;
    }

    /** Sets the non-zero values; a value out of 0..{@link #MAX} refuses the whole change. */
    public void set(int tcp, int tcpFin, int udp) throws IpvsException {
        for (int v : new int[] {tcp, tcpFin, udp}) {
            if (v < 0 || v > MAX) {
                throw new IpvsException(Errno.EINVAL, "timeout must be in 0.." + MAX);
            }
        }
        if (tcp != 0) {
            this.tcp = tcp;
        }
        if (tcpFin != 0) {
            this.tcpFin = tcpFin;
        }
        if (udp != 0) {
            this.udp = udp;
        }
    }
}

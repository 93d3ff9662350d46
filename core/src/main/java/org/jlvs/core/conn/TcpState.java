package org.jlvs.core.conn;

/**
 * The kernel's TCP connection states ({@code ip_vs_proto_tcp.c}) in their kernel order, with the
 * names ipvsadm -c prints, their default timeouts and whether a connection in the state counts
 * as active (tcp_state_active_table, 4.8+).
 */
public enum TcpState {
    NONE(2, false),
    ESTABLISHED(15 * 60, true),
    SYN_SENT(2 * 60, true),
    SYN_RECV(60, true),
    FIN_WAIT(2 * 60, false),
    TIME_WAIT(2 * 60, false),
    CLOSE(10, false),
    CLOSE_WAIT(60, false),
    LAST_ACK(30, false),
    LISTEN(2 * 60, false),
    SYNACK(2 * 60, true);

    private static final TcpState[] BY_INDEX = values();

    private final int defaultTimeoutSeconds;
    private final boolean active;

    TcpState(int defaultTimeoutSeconds, boolean active) {
        this.defaultTimeoutSeconds = defaultTimeoutSeconds;
        this.active = active;
    }

    public int defaultTimeoutSeconds() {
        return defaultTimeoutSeconds;
    }

    public boolean active() {
        return active;
    }

    public static TcpState of(int index) {
        return BY_INDEX[index];
    }

    public static boolean isActive(int index) {
        return index >= 0 && index < BY_INDEX.length && BY_INDEX[index].active;
    }
}

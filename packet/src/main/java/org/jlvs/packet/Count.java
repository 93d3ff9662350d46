package org.jlvs.packet;

/**
 * What the packet plane counts: packets forwarded by each method, and packets dropped or passed
 * on, by reason. Names are the ones status output and metrics show.
 */
public enum Count {
    RECEIVED("received"),
    NAT_IN("nat-in"),
    NAT_OUT("nat-out"),
    DR("dr"),
    TUN("tun"),
    ICMP_IN("icmp-in"),
    ICMP_OUT("icmp-out"),
    SCHEDULED("scheduled"),
    FRAG_NEEDED_SENT("frag-needed-sent"),
    FRAGMENTED("fragmented"),
    PASSED_NOT_OURS("passed-no-service"),
    PASSED_NOT_SYN("passed-no-connection-not-syn"),
    PASSED_ICMP_INFO("passed-icmp-not-error"),
    PASSED_REPLY_NO_CONN("passed-reply-no-connection"),
    PASSED_OTHER_PROTOCOL("passed-other-protocol"),
    DROP_TRUNCATED_IP("drop-truncated-ip"),
    DROP_BAD_IP_HEADER("drop-bad-ip-header"),
    DROP_STRAY_FRAGMENT("drop-stray-fragment"),
    DROP_TRUNCATED_L4("drop-truncated-transport"),
    DROP_BAD_L4_HEADER("drop-bad-transport-header"),
    DROP_ICMP_BAD_QUOTE("drop-icmp-bad-quote"),
    DROP_NO_DEST("drop-no-destination"),
    DROP_DEST_GONE("drop-destination-removed"),
    DROP_CONN_EXPIRED("drop-connection-expired"),
    DROP_NO_NEIGHBOUR("drop-no-neighbour-mac"),
    DROP_TOO_BIG("drop-too-big"),
    DROP_SEND_FAILED("drop-send-failed"),
    PASSED_ICMP_NO_CONN("passed-icmp-no-connection"),
    DROP_INTERNAL_ERROR("drop-internal-error");

    private final String label;

    Count(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static final Count[] ALL = values();
}

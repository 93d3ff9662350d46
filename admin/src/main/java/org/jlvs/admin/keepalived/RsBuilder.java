package org.jlvs.admin.keepalived;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jlvs.core.model.IpAddress;

/** A real_server while it is being read: keepalived's real_server_t, unset values as null. */
final class RsBuilder {
    final Origin at;
    /** null for a placeholder whose line was bad (already reported); it is dropped without a word. */
    final IpAddress address;
    int port;
    Integer weight;
    /** Copied from the virtual server when the real_server line is read; null: not set. */
    ForwardingMethod method;
    Boolean inhibit;
    Boolean alpha;
    Script notifyUp;
    Script notifyDown;
    long upperThreshold;
    long lowerThreshold;
    Duration connectTimeout;
    Duration delayLoop;
    Duration delayBeforeRetry;
    Duration warmup;
    Integer retry;
    String virtualhost;
    Boolean smtpAlert;
    final List<CheckerBuilder> checkers = new ArrayList<>();

    RsBuilder(Origin at, IpAddress address, int port, ForwardingMethod method) {
        this.at = at;
        this.address = address;
        this.port = port;
        this.method = method;
    }

    /** keepalived's rs_iseq: the same address and port. */
    boolean sameAs(IpAddress a, int p) {
        return a.equals(address) && port == p;
    }
}

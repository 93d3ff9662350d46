package org.jlvs.admin.keepalived;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jlvs.core.model.Protocol;

/** A virtual_server while it is being read: keepalived's virtual_server_t, unset values as null. */
final class VsBuilder {
    /** KEEPALIVED_DEFAULT_DELAY. */
    static final Duration DEFAULT_DELAY_LOOP = Duration.ofSeconds(60);
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** IPVS_SVC_PERSISTENT_TIMEOUT, also ipvsadm's -p without a value. */
    static final int DEFAULT_PERSISTENCE = 360;

    final Origin at;
    /** null for a placeholder whose line was bad (already reported); it is dropped without a word. */
    final VsTarget target;
    /** null: family not known yet (AF_UNSPEC). */
    Boolean v6;
    Protocol protocol;
    String scheduler;
    int flags;
    int persistenceTimeout;
    /** null: host mask. */
    Integer persistenceNetmask;
    String persistenceEngine;
    /** null: not set (keepalived's IP_VS_CONN_F_FWD_MASK). */
    ForwardingMethod method;
    Duration delayLoop = DEFAULT_DELAY_LOOP;
    Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    Integer retry;
    Duration delayBeforeRetry;
    Duration warmup;
    boolean inhibit;
    boolean alpha;
    boolean omega;
    long quorum = 1;
    long hysteresis;
    Script quorumUp;
    Script quorumDown;
    SorryBuilder sorry;
    int weight = 1;
    String virtualhost;
    boolean haSuspend;
    Boolean smtpAlert;
    final List<RsBuilder> realServers = new ArrayList<>();

    VsBuilder(Origin at, VsTarget target, Boolean v6) {
        this.at = at;
        this.target = target;
        this.v6 = v6;
    }

    boolean placeholder() {
        return target == null;
    }

    String name() {
        return Names.virtualServer(target, protocol);
    }
}

package org.jlvs.admin.keepalived;

import java.time.Duration;
import java.util.List;

import org.jlvs.core.model.IpAddress;

/**
 * A {@code real_server}, after keepalived's fix-ups: the port is the one IPVS gets for a
 * single-address virtual server (NAT: its own, else the VIP's; DR/TUN: the VIP's; fwmark DR/TUN: 0),
 * and the settings it inherits from its virtual server are filled in.
 *
 * @param weight           the configured weight (keepalived's iweight), the VS's {@code weight} when none
 * @param delayBeforeRetry null: each checker's own default
 * @param warmup           null: each checker's delay_loop
 * @param retry            null: each checker's own default
 */
public record RealServer(Origin at, IpAddress address, int port, int weight, ForwardingMethod method,
                         boolean inhibitOnFailure, boolean alpha, Script notifyUp, Script notifyDown,
                         int upperThreshold, int lowerThreshold, Duration connectTimeout, Duration delayLoop,
                         Duration delayBeforeRetry, Duration warmup, Integer retry, String virtualhost,
                         boolean smtpAlert, List<Checker> checkers) {

    public RealServer {
        checkers = List.copyOf(checkers);
    }

    /** {@code addr:port}, IPv6 in brackets. */
    public String endpoint() {
        return address.toUriString() + ":" + port;
    }

    /** The same real server with other checkers (the engine drops the ones keepalived would not run). */
    public RealServer withCheckers(List<Checker> list) {
        return new RealServer(at, address, port, weight, method, inhibitOnFailure, alpha, notifyUp, notifyDown,
                upperThreshold, lowerThreshold, connectTimeout, delayLoop, delayBeforeRetry, warmup, retry, virtualhost,
                smtpAlert, list);
    }
}

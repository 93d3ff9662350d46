package org.jlvs.admin.keepalived;

import java.time.Duration;
import java.util.List;

import org.jlvs.core.model.Protocol;

/**
 * A {@code virtual_server} after keepalived's fix-ups (default scheduler wlc, method NAT,
 * protocol UDP for address services, persistence forced for port 0, quorum capped...).
 *
 * @param v6                 the address family (for fwmark services: ip_family, else the servers')
 * @param protocol           null for a fwmark service (and a group of fwmarks only)
 * @param flags              {@link org.jlvs.core.model.SchedFlags} ONEPACKET and SCHED1..3 bits
 * @param persistenceTimeout seconds; 0: not persistent
 * @param persistenceNetmask IPv4 netmask as an int, or IPv6 prefix length; the host mask when not set
 * @param persistenceEngine  null when none
 * @param quorumUp           null when none (same for quorumDown and sorryServer)
 */
public record VirtualServer(Origin at, VsTarget target, boolean v6, Protocol protocol, String scheduler, int flags,
                           int persistenceTimeout, int persistenceNetmask, String persistenceEngine,
                           ForwardingMethod method, Duration delayLoop, Duration connectTimeout,
                           boolean inhibitOnFailure, boolean alpha, boolean omega, int quorum, int hysteresis,
                           Script quorumUp, Script quorumDown, SorryServer sorryServer, String virtualhost,
                           boolean haSuspend, boolean smtpAlert, List<RealServer> realServers) {

    public VirtualServer {
        realServers = List.copyOf(realServers);
    }

    public boolean persistent() {
        return persistenceTimeout > 0;
    }

    /** keepalived's name for it in logs: {@code [addr]:proto:port}, {@code FWM n} or {@code [group]:0}. */
    public String name() {
        return Names.virtualServer(target, protocol);
    }

    /** The same virtual server with other real servers. */
    public VirtualServer withRealServers(List<RealServer> list) {
        return new VirtualServer(at, target, v6, protocol, scheduler, flags, persistenceTimeout, persistenceNetmask,
                persistenceEngine, method, delayLoop, connectTimeout, inhibitOnFailure, alpha, omega, quorum, hysteresis,
                quorumUp, quorumDown, sorryServer, virtualhost, haSuspend, smtpAlert, list);
    }
}

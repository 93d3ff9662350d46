package org.jlvs.core.table;

import java.util.List;

import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.stats.StatsSnapshot;

/**
 * The whole table at one moment, as listings read it (ipvsadm -L/-S, /proc formats, metrics):
 * services in the kernel's order, each with its destinations in list order (newest first).
 */
public record TableSnapshot(List<ServiceView> services, int tcpTimeout, int tcpFinTimeout, int udpTimeout,
                            StatsSnapshot totals, int connTableSize) {

    public record ServiceView(ServiceConfig config, StatsSnapshot stats, List<DestView> dests) {
    }

    public record DestView(DestConfig config, int activeConns, int inactConns, int persistConns,
                           boolean overloaded, StatsSnapshot stats) {
    }
}

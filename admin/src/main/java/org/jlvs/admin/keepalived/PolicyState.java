package org.jlvs.admin.keepalived;

import java.util.ArrayList;
import java.util.List;

import org.jlvs.core.model.IpAddress;

/** The run-time state {@link RealServerPolicy} keeps, as keepalived keeps it in its structures. */
final class PolicyState {

    private PolicyState() {
    }

    /** A virtual server: its services, quorum state, servers and sorry server. */
    static final class Vs {
        final VirtualServer config;
        List<VsServices.Svc> services;
        final List<Rs> servers = new ArrayList<>();
        final Rs sorry;
        /** The sorry server is also one of the real servers (keepalived's s_svr_duplicates_rs). */
        final boolean sorryDuplicatesRs;
        /** keepalived's FMT_VS, for log lines. */
        final String name;
        boolean quorumUp;

        Vs(VirtualServer config, List<VsServices.Svc> services, Rs sorry, boolean sorryDuplicatesRs) {
            this.config = config;
            this.services = services;
            this.sorry = sorry;
            this.sorryDuplicatesRs = sorryDuplicatesRs;
            this.name = config.name();
        }

        /** keepalived's weigh_live_realservers: the weights of the alive servers. */
        long liveWeight() {
            long sum = 0;
            for (Rs r : servers) {
                if (r.alive) {
                    sum += r.realWeight();
                }
            }
            return sum;
        }
    }

    /** A real server or a sorry server: whether it is alive, whether it is in IPVS, its weight. */
    static final class Rs {
        /** The configuration it comes from; null for a sorry server. */
        final RealServer config;
        final IpAddress address;
        final int port;
        final ForwardingMethod method;
        final int upper;
        final int lower;
        final boolean inhibit;
        /** The configured weight (iweight). */
        final int weight;
        /** keepalived's FMT_RS, for log lines. */
        final String name;
        final List<Check> checkers = new ArrayList<>();
        long effectiveWeight;
        int failedCheckers;
        boolean alive;
        /** It has an entry in IPVS (possibly at weight 0). */
        boolean set;

        Rs(RealServer config, IpAddress address, int port, ForwardingMethod method, int upper, int lower,
           boolean inhibit, int weight, String name) {
            this.config = config;
            this.address = address;
            this.port = port;
            this.method = method;
            this.upper = upper;
            this.lower = lower;
            this.inhibit = inhibit;
            this.weight = weight;
            this.name = name;
            this.effectiveWeight = weight;
        }

        /** What its FILE_CHECKs add to its weight now. */
        long fileWeight() {
            long sum = 0;
            for (Check c : checkers) {
                sum += c.fileWeight;
            }
            return sum;
        }

        /** keepalived's real_weight: the effective weight clamped to what IPVS takes. */
        int realWeight() {
            return (int) Math.max(0, Math.min(Integer.MAX_VALUE, effectiveWeight));
        }

        Script notifyUp() {
            return config == null ? null : config.notifyUp();
        }

        Script notifyDown() {
            return config == null ? null : config.notifyDown();
        }
    }

    /**
     * One checker: up or down, whether it has reported, the last MISC_CHECK exit status, a
     * FILE_CHECK's last number and the weight it adds (keepalived's cur_weight).
     */
    static final class Check {
        final Checker config;
        boolean up = true;
        boolean hasRun;
        int lastExit;
        long fileValue;
        int fileWeight;

        Check(Checker config) {
            this.config = config;
        }

        boolean alpha() {
            return config.options().alpha();
        }
    }
}

package org.jlvs.admin.ipvsadm;

import java.util.EnumSet;

import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.TunnelType;

/**
 * One parsed ipvsadm command line (its ipvs_command_entry), filled option by option with
 * ipvsadm's starting values, so that later options see what earlier ones set.
 */
final class Entry {
    static final int AF_UNSPEC = 0;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    /** An address as parse_service fills it: family, address, port and the service's netmask. */
    static final class Endpoint {
        int af = AF_UNSPEC;
        IpAddress addr = IpAddress.V4_ANY;
        int port;
        /** IPv4 mask as a number, or IPv6 prefix length. */
        int netmask = 0xFFFF_FFFF;

        Endpoint copy() {
            Endpoint e = new Endpoint();
            e.af = af;
            e.addr = addr;
            e.port = port;
            e.netmask = netmask;
            return e;
        }
    }

    Cmd cmd;
    final EnumSet<Opt> options = EnumSet.noneOf(Opt.class);
    int format;

    // the virtual service
    final Endpoint svc = new Endpoint();
    /** Null until -t, -u, --sctp-service or -f sets it (-f sets TCP, "a sane value"). */
    Protocol protocol;
    int fwmark;
    String sched = "";
    int flags;
    int timeout;
    String pe = "";
    String schedFlagsArg = "";

    // the real server
    int destAf = AF_UNSPEC;
    IpAddress destAddr = IpAddress.V4_ANY;
    int destPort;
    Forwarding forwarding = Forwarding.ROUTE;
    int weight = 1;
    int upperThreshold;
    int lowerThreshold;
    TunnelType tunnelType = TunnelType.IPIP;
    int tunnelPort;
    int tunnelFlags;

    // --set
    int tcpTimeout;
    int tcpFinTimeout;
    int udpTimeout;

    // sync daemon
    SyncDaemon.Role role;
    String mcastInterface = "";
    int syncId;
    int syncMaxLen;
    IpAddress mcastGroup;
    int mcastPort;
    int mcastTtl;

    /** ipvsadm's set_option: each slot at most once. */
    void set(Opt o) {
        if (!options.add(o)) {
            throw Exit.fail("multiple '" + o.text + "' options specified");
        }
    }

    boolean has(Opt o) {
        return options.contains(o);
    }
}

package org.jlvs.admin.keepalived;

import java.util.ArrayList;
import java.util.List;

import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.SchedFlags;
import org.jlvs.core.model.ServiceConfig;

/**
 * keepalived's checks and corrections after reading (link_vsg_to_vs, validate_check_config):
 * defaults for scheduler, method and protocol, persistence forced for port 0, duplicate real
 * servers removed, settings inherited, quorum capped at the total weight, real-server ports
 * reset to what IPVS will get. Each correction is reported at the virtual server's line, with
 * keepalived's wording.
 */
final class Fixups {
    private static final String DEFAULT_SCHEDULER = "wlc";
    private static final long UINT_MAX = 0xFFFF_FFFFL;

    private final ParseContext ctx;
    private final Reporter rep;
    private final GlobalDefs global;

    private Fixups(ParseContext ctx) {
        this.ctx = ctx;
        this.rep = ctx.rep;
        this.global = ctx.global.build();
    }

    static KeepalivedConfig apply(ParseContext ctx) {
        return new Fixups(ctx).run();
    }

    private KeepalivedConfig run() {
        List<VirtualServer> out = new ArrayList<>();
        for (VsBuilder vs : ctx.virtualServers) {
            if (vs.placeholder()) {
                continue;
            }
            VirtualServerGroup vsg = null;
            if (vs.target instanceof VsTarget.Group g) {
                vsg = VirtualServerGroup.find(ctx.groups, g.name());
                if (vsg == null) {
                    rep.error(vs.at, "Virtual server group " + g.name()
                            + " specified but not configured - ignoring virtual server " + vs.name());
                    continue;
                }
            }
            VirtualServer fixed = fix(vs, vsg);
            if (fixed != null) {
                out.add(fixed);
            }
        }
        ScriptSecurity.check(out, global, ctx.root, rep);
        return new KeepalivedConfig(global, ctx.groups, out, ctx.ssl == null ? null : ctx.ssl.build());
    }

    private VirtualServer fix(VsBuilder vs, VirtualServerGroup vsg) {
        // a bad real_server line whose block was skipped leaves its placeholder here
        vs.realServers.removeIf(rs -> rs.address == null);
        if (vs.realServers.isEmpty()) {
            rep.error(vs.at, "Virtual server " + vs.name() + " has no real servers - ignoring");
            return null;
        }
        boolean fwmarkVs = vs.target instanceof VsTarget.Fwmark;
        boolean groupFwmarks = vsg != null && !vsg.fwmarks().isEmpty();
        int vport = vs.target instanceof VsTarget.Address a ? a.port() : 0;
        if (vs.haSuspend && (fwmarkVs || groupFwmarks)) {
            rep.error(vs.at, "Virtual server " + vs.name() + ": cannot use ha_suspend with fwmarks - clearing ha_suspend");
            vs.haSuspend = false;
        }
        boolean addressed = vsg != null ? !vsg.ranges().isEmpty() : !fwmarkVs;
        if (addressed) {
            if (vs.protocol == null) {
                rep.error(vs.at, "Virtual server " + vs.name() + ": no protocol set - defaulting to UDP");
                vs.protocol = Protocol.UDP;
            }
            if ((vs.flags & SchedFlags.ONEPACKET) != 0 && vs.protocol != Protocol.UDP) {
                rep.error(vs.at, "Virtual server " + vs.name() + ": one packet scheduling requires UDP - resetting");
                vs.flags &= ~SchedFlags.ONEPACKET;
            }
            if (vs.persistenceTimeout == 0 && vsg == null && vport == 0) {
                zeroPort(vs);
            }
        }
        if (vs.persistenceTimeout == 0 && vsg != null
                && vsg.ranges().stream().anyMatch(r -> r.port() == 0)) {
            zeroPort(vs);
        }
        if (vs.protocol != null && (vsg != null ? vsg.ranges().isEmpty() && groupFwmarks : fwmarkVs)) {
            rep.error(vs.at, "Warning: Virtual server " + vs.name() + ": protocol specified for fwmark - protocol will be ignored");
            vs.protocol = null;
        }
        if (vs.scheduler == null) {
            rep.error(vs.at, "Virtual server " + vs.name() + ": no scheduler set, setting default '" + DEFAULT_SCHEDULER + "'");
            vs.scheduler = DEFAULT_SCHEDULER;
        }
        List<RsBuilder> servers = inherit(vs);
        long weightSum = 0;
        for (RsBuilder rs : servers) {
            weightSum += rs.weight;
        }
        if (vs.sorry != null && vs.sorry.method == null) {
            vs.sorry.method = defaultMethod(vs);
        }
        if (vs.quorum > weightSum) {
            rep.error(vs.at, "Warning - quorum " + vs.quorum + " for " + vs.name() + " exceeds total weight of real servers "
                    + weightSum + ", reducing quorum to " + weightSum);
            vs.quorum = weightSum;
        }
        if (vs.hysteresis >= vs.quorum) {
            long h = (vs.quorum - 1) & UINT_MAX;  // an unsigned subtraction in keepalived
            rep.error(vs.at, "Virtual server " + vs.name() + ": hysteresis " + vs.hysteresis + " >= quorum " + vs.quorum
                    + "; setting hysteresis to " + h);
            vs.hysteresis = h;
        }
        if (vsg != null) {
            checkGroupPorts(vs, vsg, servers);
        } else {
            fixPorts(vs, servers, fwmarkVs, vport);
        }
        return build(vs, servers);
    }

    private void zeroPort(VsBuilder vs) {
        rep.error(vs.at, "Virtual server " + vs.name() + ": zero port only valid for persistent services - setting");
        vs.persistenceTimeout = VsBuilder.DEFAULT_PERSISTENCE;
    }

    /** The VS method, NAT (reported once) when the virtual server has none. */
    private ForwardingMethod defaultMethod(VsBuilder vs) {
        if (vs.method == null) {
            rep.error(vs.at, "Virtual server " + vs.name() + ": no forwarding method set, setting default NAT");
            vs.method = ForwardingMethod.NAT;
        }
        return vs.method;
    }

    /** Drops duplicates and fills what real servers take from their virtual server. */
    private List<RsBuilder> inherit(VsBuilder vs) {
        List<RsBuilder> kept = new ArrayList<>();
        for (RsBuilder rs : vs.realServers) {
            if (kept.stream().anyMatch(k -> k.sameAs(rs.address, rs.port))) {
                rep.error(vs.at, "VS " + vs.name() + ": real server " + trio(rs, vs) + " is duplicated - removing second rs");
                continue;
            }
            if (rs.method == null) {
                rs.method = defaultMethod(vs);
            }
            rs.alpha = rs.alpha != null ? rs.alpha : vs.alpha;
            rs.inhibit = rs.inhibit != null ? rs.inhibit : vs.inhibit;
            rs.retry = rs.retry != null ? rs.retry : vs.retry;
            rs.connectTimeout = rs.connectTimeout != null ? rs.connectTimeout : vs.connectTimeout;
            rs.delayLoop = rs.delayLoop != null ? rs.delayLoop : vs.delayLoop;
            rs.warmup = rs.warmup != null ? rs.warmup : vs.warmup;
            rs.delayBeforeRetry = rs.delayBeforeRetry != null ? rs.delayBeforeRetry : vs.delayBeforeRetry;
            rs.weight = rs.weight != null ? rs.weight : vs.weight;
            if (vs.sorry != null && rs.sameAs(vs.sorry.address, vs.sorry.port) && vs.sorry.inhibit != rs.inhibit) {
                rep.error(vs.at, "Virtual server " + vs.name() + ": real server " + trio(rs, vs)
                        + " matches sorry server, but inhibit setting differs, " + (rs.inhibit ? "sett" : "clear")
                        + "ing on sorry server");
                vs.sorry.inhibit = rs.inhibit;
            }
            kept.add(rs);
        }
        return kept;
    }

    /** A group keeps the servers' ports (IPVS gets the entry's port for non-NAT); only mismatches are reported. */
    private void checkGroupPorts(VsBuilder vs, VirtualServerGroup vsg, List<RsBuilder> servers) {
        if (!vsg.fwmarks().isEmpty()) {
            for (RsBuilder rs : servers) {
                if (!rs.method.nat() && rs.port != 0) {
                    rep.error(vs.at, "WARNING - fwmark virtual server " + vs.name() + ", real server " + trio(rs, vs)
                            + " has port specified - port will be ignored");
                }
            }
            if (vs.sorry != null && !vs.sorry.method.nat() && vs.sorry.port != 0) {
                rep.error(vs.at, "WARNING - fwmark virtual server " + vs.name() + ", sorry server has port specified - port will be ignored");
            }
        }
        for (VirtualServerGroup.AddressRange r : vsg.ranges()) {
            for (RsBuilder rs : servers) {
                if (!rs.method.nat() && rs.port != 0 && rs.port != r.port()) {
                    rep.error(vs.at, "virtual server " + vs.name() + ":[" + entry(r) + "] and real server "
                            + trio(rs, vs) + " ports don't match");
                }
            }
            if (vs.sorry != null && !vs.sorry.method.nat() && vs.sorry.port != 0 && vs.sorry.port != r.port()) {
                rep.error(vs.at, "WARNING - virtual server " + vs.name() + ", sorry server has port specified - port will be ignored");
            }
        }
    }

    /**
     * A single virtual server: NAT servers without a port take the VIP's (not on fwmark services);
     * DR/TUN servers get the VIP's port, or 0 on fwmark services. A NAT sorry server keeps its own
     * port, as in keepalived's code.
     */
    private void fixPorts(VsBuilder vs, List<RsBuilder> servers, boolean fwmark, int vport) {
        for (RsBuilder rs : servers) {
            if (rs.method.nat()) {
                if (!fwmark && rs.port == 0) {
                    rs.port = vport;
                }
            } else if (fwmark) {
                if (rs.port != 0) {
                    rep.error(vs.at, "WARNING - fwmark virtual server " + vs.name() + ", real server " + trio(rs, vs)
                            + " has port specified - clearing");
                    rs.port = 0;
                }
            } else if (rs.port == 0) {
                rs.port = vport;
            } else if (rs.port != vport) {
                rep.error(vs.at, "WARNING - virtual server " + vs.name() + " and real server " + trio(rs, vs)
                        + " ports don't match - resetting");
                rs.port = vport;
            }
        }
        SorryBuilder ss = vs.sorry;
        if (ss != null && !ss.method.nat()) {
            if (fwmark) {
                if (ss.port != 0) {
                    rep.error(vs.at, "WARNING - virtual server " + vs.name() + ", sorry server has port specified - clearing");
                    ss.port = 0;
                }
            } else if (ss.port == 0) {
                ss.port = vport;
            } else if (ss.port != vport) {
                rep.error(vs.at, "WARNING - virtual server " + vs.name() + " and sorry server ports don't match - resetting");
                ss.port = vport;
            }
        }
    }

    private VirtualServer build(VsBuilder vs, List<RsBuilder> servers) {
        boolean v6 = Boolean.TRUE.equals(vs.v6);
        boolean smtp = firstSet(vs.smtpAlert, global.smtpAlertChecker(), global.smtpAlert(), false);
        List<RealServer> rs = new ArrayList<>();
        for (RsBuilder r : servers) {
            rs.add(realServer(r, vs));
        }
        SorryServer sorry = vs.sorry == null ? null
                : new SorryServer(vs.sorry.at, vs.sorry.address, vs.sorry.port, vs.sorry.method, vs.sorry.inhibit);
        int netmask = vs.persistenceNetmask != null ? vs.persistenceNetmask : ServiceConfig.defaultNetmask(v6);
        return new VirtualServer(vs.at, vs.target, v6, vs.protocol, vs.scheduler, vs.flags, vs.persistenceTimeout,
                netmask, vs.persistenceEngine, vs.method == null ? ForwardingMethod.NAT : vs.method, vs.delayLoop,
                vs.connectTimeout, vs.inhibit, vs.alpha, vs.omega, (int) vs.quorum, (int) vs.hysteresis,
                vs.quorumUp, vs.quorumDown, sorry, vs.virtualhost, vs.haSuspend, smtp, rs);
    }

    private RealServer realServer(RsBuilder r, VsBuilder vs) {
        boolean smtp = firstSet(r.smtpAlert, global.smtpAlertChecker(), global.smtpAlert(), true);
        List<Checker> checkers = new ArrayList<>();
        for (CheckerBuilder c : r.checkers) {
            checkers.add(CheckerDefaults.build(c, r, vs));
        }
        return new RealServer(r.at, r.address, r.port, r.weight, r.method, r.inhibit, r.alpha, r.notifyUp,
                r.notifyDown, (int) r.upperThreshold, (int) r.lowerThreshold, r.connectTimeout, r.delayLoop,
                r.delayBeforeRetry, r.warmup, r.retry, r.virtualhost, smtp, checkers);
    }

    @SafeVarargs
    private static <T> T firstSet(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String trio(RsBuilder rs, VsBuilder vs) {
        return Names.trio(rs.address, vs.protocol, rs.port);
    }

    /** keepalived's format_vsge: {@code first-last,port} or {@code addr,port}. */
    private static String entry(VirtualServerGroup.AddressRange r) {
        return (r.first().equals(r.last()) ? r.first().toString() : r.first() + "-" + r.last()) + "," + r.port();
    }
}

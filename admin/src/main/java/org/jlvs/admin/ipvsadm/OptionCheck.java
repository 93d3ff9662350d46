package org.jlvs.admin.ipvsadm;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jlvs.core.model.TunnelType;

/**
 * ipvsadm's tables of which options go with which command, and which tunnel options with which
 * tunnel type, checked in option order so the first problem in that order is the one reported.
 */
final class OptionCheck {
    /** How an option relates to a command (or tunnel type). */
    private enum Rule { ILLEGAL, OPTIONAL, REQUIRED, ONE_OF }

    private static final Map<Cmd, Map<Opt, Rule>> COMMANDS = new EnumMap<>(Cmd.class);
    private static final Map<TunnelType, Map<Opt, Rule>> TUNNELS = new EnumMap<>(TunnelType.class);
    private static final Opt[] TUNNEL_OPTS = {Opt.TUN_PORT, Opt.TUN_NOCSUM, Opt.TUN_CSUM, Opt.TUN_REMCSUM};

    static {
        Set<Opt> svc = EnumSet.of(Opt.SERVICE);
        Set<Opt> svcAndServer = EnumSet.of(Opt.SERVICE, Opt.SERVER);
        Set<Opt> none = EnumSet.noneOf(Opt.class);
        Set<Opt> serviceOpts = EnumSet.of(Opt.SCHEDULER, Opt.PERSISTENT, Opt.NETMASK, Opt.ONEPACKET, Opt.PE,
                Opt.SCHED_FLAGS);
        Set<Opt> serverOpts = EnumSet.of(Opt.FORWARD, Opt.WEIGHT, Opt.UTHRESHOLD, Opt.LTHRESHOLD, Opt.TUN_TYPE,
                Opt.TUN_PORT, Opt.TUN_NOCSUM, Opt.TUN_CSUM, Opt.TUN_REMCSUM);
        command(Cmd.ADD, svc, serviceOpts, none);
        command(Cmd.EDIT, svc, serviceOpts, none);
        command(Cmd.DEL, svc, none, none);
        command(Cmd.FLUSH, none, none, none);
        command(Cmd.LIST, none,
                EnumSet.of(Opt.NUMERIC, Opt.STATS, Opt.RATE, Opt.THRESHOLDS, Opt.PERSISTENTCONN, Opt.NOSORT,
                        Opt.SYNCID, Opt.EXACT, Opt.TUN_INFO),
                EnumSet.of(Opt.CONNECTION, Opt.SERVICE, Opt.TIMEOUT, Opt.DAEMON));
        command(Cmd.ADDDEST, svcAndServer, serverOpts, none);
        command(Cmd.DELDEST, svcAndServer, none, none);
        command(Cmd.EDITDEST, svcAndServer, serverOpts, none);
        command(Cmd.TIMEOUT, none, none, none);
        command(Cmd.STARTDAEMON, none,
                EnumSet.of(Opt.MCAST, Opt.SYNCID, Opt.MCAST_GROUP, Opt.MCAST_PORT, Opt.MCAST_TTL, Opt.SYNC_MAXLEN),
                none);
        command(Cmd.STOPDAEMON, none, EnumSet.of(Opt.SYNCID), none);
        command(Cmd.RESTORE, none, none, none);
        command(Cmd.SAVE, none, EnumSet.of(Opt.NUMERIC), none);
        command(Cmd.ZERO, none, EnumSet.of(Opt.SERVICE), none);

        tunnel(TunnelType.IPIP, Rule.ILLEGAL, Rule.ILLEGAL, Rule.ILLEGAL, Rule.ILLEGAL);
        tunnel(TunnelType.GUE, Rule.REQUIRED, Rule.ONE_OF, Rule.ONE_OF, Rule.ONE_OF);
        tunnel(TunnelType.GRE, Rule.ILLEGAL, Rule.ONE_OF, Rule.ONE_OF, Rule.ILLEGAL);
    }

    private OptionCheck() {
    }

    private static void command(Cmd cmd, Set<Opt> required, Set<Opt> optional, Set<Opt> oneOf) {
        Map<Opt, Rule> m = new EnumMap<>(Opt.class);
        for (Opt o : Opt.values()) {
            m.put(o, required.contains(o) ? Rule.REQUIRED
                    : optional.contains(o) ? Rule.OPTIONAL
                    : oneOf.contains(o) ? Rule.ONE_OF : Rule.ILLEGAL);
        }
        COMMANDS.put(cmd, m);
    }

    private static void tunnel(TunnelType t, Rule... rules) {
        Map<Opt, Rule> m = new EnumMap<>(Opt.class);
        for (int i = 0; i < TUNNEL_OPTS.length; i++) {
            m.put(TUNNEL_OPTS[i], rules[i]);
        }
        TUNNELS.put(t, m);
    }

    /** ipvsadm's generic_opt_check. */
    static void command(Cmd cmd, Set<Opt> given) {
        check(COMMANDS.get(cmd), Opt.values(), given, cmd.text, "command");
    }

    /** The per-type tunnel option check (only reached for -i servers). */
    static void tunnel(TunnelType type, Set<Opt> given) {
        check(TUNNELS.get(type), TUNNEL_OPTS, given, type.lowerName(), "tunnel type");
    }

    private static void check(Map<Opt, Rule> rules, Opt[] order, Set<Opt> given, String what, String kind) {
        Opt first = null;
        for (Opt o : order) {
            Rule r = rules.get(o);
            if (!given.contains(o)) {
                if (r == Rule.REQUIRED) {
                    throw Exit.fail("You need to supply the '" + o.text + "' option for the '" + what + "' " + kind);
                }
                continue;
            }
            if (r == Rule.ILLEGAL) {
                throw Exit.fail("Illegal '" + o.text + "' option with the '" + what + "' " + kind);
            }
            if (r == Rule.ONE_OF) {
                if (first == null) {
                    first = o;
                } else {
                    // the later option is named first, as ipvsadm does
                    throw Exit.fail("The option '" + o.text + "' conflicts with the '" + first.text
                            + "' option in the '" + what + "' " + kind);
                }
            }
        }
    }
}

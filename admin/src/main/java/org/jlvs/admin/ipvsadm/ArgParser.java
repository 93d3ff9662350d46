package org.jlvs.admin.ipvsadm;

import java.util.List;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.SchedFlags;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.TunnelType;
import org.jlvs.core.table.Timeouts;

/**
 * ipvsadm's parse_options: the first option must be a command, every later option is read and
 * checked as it is met (left to right, stopping at the first error), then the --set words, the
 * leftover words and the -b flags. Errors end the process ({@link Exit}) except popt's own,
 * which end only this command line ({@link PoptError}).
 */
final class ArgParser {
    /** popt refused a word after the first option: "&lt;word&gt;: &lt;text&gt;", status -1. */
    static final class PoptError extends Exception {
        PoptError(String line) {
            super(line, null, false, false);
        }
    }

    private static final int TAG_SET = 128;
    private static final int TAG_START_DAEMON = 129;
    private static final int TAG_STOP_DAEMON = 130;
    private static final int TAG_MCAST_INTERFACE = 131;
    private static final int TAG_TIMEOUT = 132;
    private static final int TAG_DAEMON = 133;
    private static final int TAG_STATS = 134;
    private static final int TAG_RATE = 135;
    private static final int TAG_THRESHOLDS = 136;
    private static final int TAG_PERSISTENTCONN = 137;
    private static final int TAG_SORT = 138;
    private static final int TAG_NO_SORT = 139;
    private static final int TAG_PERSISTENCE_ENGINE = 140;
    private static final int TAG_SCTP_SERVICE = 141;
    private static final int TAG_MCAST_GROUP = 142;
    private static final int TAG_MCAST_PORT = 143;
    private static final int TAG_MCAST_TTL = 144;
    private static final int TAG_SYNC_MAXLEN = 145;
    private static final int TAG_TUN_INFO = 146;
    private static final int TAG_TUN_TYPE = 147;
    private static final int TAG_TUN_PORT = 148;
    private static final int TAG_TUN_NOCSUM = 149;
    private static final int TAG_TUN_CSUM = 150;
    private static final int TAG_TUN_REMCSUM = 151;
    private static final int TAG_SYNCID = 'I';

    /** The kernel keeps 15 characters of a scheduler name, 15 of an interface name, 16 of an engine name. */
    private static final int SCHED_NAME_MAX = 15;
    private static final int IFNAME_MAX = 15;
    private static final int PE_NAME_MAX = 16;
    /** 65535 minus the IPv4 and UDP headers. */
    private static final int SYNC_MAXLEN_MAX = 65507;

    private static final List<Popt.Option> TABLE = List.of(
            none("add-service", 'A'),
            none("edit-service", 'E'),
            none("delete-service", 'D'),
            none("clear", 'C'),
            none("list", 'L'),
            none("list", 'l'),
            none("zero", 'Z'),
            none("add-server", 'a'),
            none("edit-server", 'e'),
            none("delete-server", 'd'),
            new Popt.Option("set", (char) 0, Popt.Arg.NONE, TAG_SET),
            none("help", 'h'),
            none("version", 'v'),
            none("restore", 'R'),
            none("save", 'S'),
            longArg("start-daemon", TAG_START_DAEMON),
            longArg("stop-daemon", TAG_STOP_DAEMON),
            arg("tcp-service", 't'),
            arg("udp-service", 'u'),
            longArg("sctp-service", TAG_SCTP_SERVICE),
            arg("fwmark-service", 'f'),
            arg("scheduler", 's'),
            new Popt.Option("persistent", 'p', Popt.Arg.OPTIONAL, 'p'),
            arg("netmask", 'M'),
            arg("real-server", 'r'),
            none("masquerading", 'm'),
            none("ipip", 'i'),
            none("gatewaying", 'g'),
            arg("weight", 'w'),
            arg("u-threshold", 'x'),
            arg("l-threshold", 'y'),
            none("numeric", 'n'),
            none("connection", 'c'),
            longArg("mcast-interface", TAG_MCAST_INTERFACE),
            longArg("syncid", TAG_SYNCID),
            longNone("timeout", TAG_TIMEOUT),
            longNone("daemon", TAG_DAEMON),
            longNone("stats", TAG_STATS),
            longNone("rate", TAG_RATE),
            longNone("thresholds", TAG_THRESHOLDS),
            longNone("persistent-conn", TAG_PERSISTENTCONN),
            longNone("tun-info", TAG_TUN_INFO),
            longNone("nosort", TAG_NO_SORT),
            longNone("sort", TAG_SORT),
            none("exact", 'X'),
            none("ipv6", '6'),
            none("ops", 'o'),
            longArg("pe", TAG_PERSISTENCE_ENGINE),
            arg("sched-flags", 'b'),
            longArg("mcast-group", TAG_MCAST_GROUP),
            longArg("mcast-port", TAG_MCAST_PORT),
            longArg("mcast-ttl", TAG_MCAST_TTL),
            longArg("sync-maxlen", TAG_SYNC_MAXLEN),
            longArg("tun-type", TAG_TUN_TYPE),
            longArg("tun-port", TAG_TUN_PORT),
            longNone("tun-nocsum", TAG_TUN_NOCSUM),
            longNone("tun-csum", TAG_TUN_CSUM),
            longNone("tun-remcsum", TAG_TUN_REMCSUM));

    private final ServicesFile services;
    private final Entry ce = new Entry();
    private Popt popt;

    private ArgParser(ServicesFile services) {
        this.services = services;
    }

    /**
     * Parses one command line (without the program name).
     *
     * @throws Exit      for -h/-v (status 0, text for stdout) and every ipvsadm error
     * @throws PoptError for a popt error after the first option
     */
    static Entry parse(String[] args, ServicesFile services) throws PoptError {
        return new ArgParser(services).run(args);
    }

    private Entry run(String[] args) throws PoptError {
        popt = new Popt(args, TABLE);
        int c = popt.next();
        if (c < 0) {
            throw Exit.tryHelp();
        }
        switch (c) {
            case 'A' -> ce.cmd = Cmd.ADD;
            case 'E' -> ce.cmd = Cmd.EDIT;
            case 'D' -> ce.cmd = Cmd.DEL;
            case 'a' -> ce.cmd = Cmd.ADDDEST;
            case 'e' -> ce.cmd = Cmd.EDITDEST;
            case 'd' -> ce.cmd = Cmd.DELDEST;
            case 'C' -> ce.cmd = Cmd.FLUSH;
            case 'L', 'l' -> ce.cmd = Cmd.LIST;
            case 'Z' -> ce.cmd = Cmd.ZERO;
            case TAG_SET -> ce.cmd = Cmd.TIMEOUT;
            case 'R' -> ce.cmd = Cmd.RESTORE;
            case 'S' -> ce.cmd = Cmd.SAVE;
            case TAG_START_DAEMON -> {
                ce.cmd = Cmd.STARTDAEMON;
                ce.role = role(popt.optArg(), "illegal start-daemon parameter specified");
            }
            case TAG_STOP_DAEMON -> {
                ce.cmd = Cmd.STOPDAEMON;
                // sic: ipvsadm's message says start_daemon
                ce.role = role(popt.optArg(), "illegal start_daemon specified");
            }
            case 'h' -> throw Exit.print(Usage.help());
            case 'v' -> throw Exit.print(Usage.VERSION + "\n");
            default -> throw Exit.tryHelp();
        }

        while ((c = popt.next()) >= 0) {
            option(c, popt.optArg());
        }
        if (c < -1) {
            throw new PoptError(popt.badOption() + ": " + Popt.strerror(c));
        }

        if (ce.cmd == Cmd.TIMEOUT) {
            String tcp = popt.nextLeftover();
            String fin = tcp == null ? null : popt.nextLeftover();
            String udp = fin == null ? null : popt.nextLeftover();
            if (udp == null) {
                throw Exit.fail("--set option requires 3 timeout values");
            }
            ce.tcpTimeout = timeout(tcp, 0);
            ce.tcpFinTimeout = timeout(fin, 0);
            ce.udpTimeout = timeout(udp, 0);
        }
        String extra = popt.nextLeftover();
        if (extra != null) {
            throw Exit.fail("unexpected argument " + extra);
        }
        if (!ce.schedFlagsArg.isEmpty()) {
            ce.flags |= schedFlags(ce.schedFlagsArg);
        }
        return ce;
    }

    /** One option after the command, as ipvsadm's big switch reads it. */
    private void option(int c, String arg) {
        switch (c) {
            case 't', 'u', TAG_SCTP_SERVICE -> {
                ce.set(Opt.SERVICE);
                ce.protocol = c == 't' ? Protocol.TCP : c == 'u' ? Protocol.UDP : Protocol.SCTP;
                if ((parseService(arg, ce.svc) & SERVICE_ADDR) == 0) {
                    throw Exit.fail("illegal virtual server address[:port] specified");
                }
            }
            case 'f' -> {
                ce.set(Opt.SERVICE);
                ce.svc.af = Entry.AF_INET;
                ce.protocol = Protocol.TCP;
                ce.fwmark = fwmark(arg);
            }
            case 's' -> {
                ce.set(Opt.SCHEDULER);
                ce.sched = cut(arg, SCHED_NAME_MAX);
            }
            case 'p' -> {
                ce.set(Opt.PERSISTENT);
                ce.flags |= SchedFlags.PERSISTENT;
                ce.timeout = arg == null ? ServiceConfig.DEFAULT_PERSISTENCE_TIMEOUT
                        : timeout(arg, 1);
            }
            case 'M' -> {
                ce.set(Opt.NETMASK);
                // read with the family known at this moment: an IPv6 address given later overwrites it
                if (ce.svc.af != Entry.AF_INET6) {
                    Integer mask = InetText.aton(arg);
                    if (mask == null) {
                        mask = InetText.hostToAddr(arg);
                    }
                    if (mask == null) {
                        throw Exit.fail("illegal virtual server persistent mask specified");
                    }
                    ce.svc.netmask = mask;
                } else {
                    int bits = Numbers.atoi(arg);
                    if (Integer.compareUnsigned(bits, 1) < 0 || Integer.compareUnsigned(bits, 128) > 0) {
                        throw Exit.fail("illegal ipv6 netmask specified");
                    }
                    ce.svc.netmask = bits;
                }
            }
            case 'r' -> {
                ce.set(Opt.SERVER);
                // parsed into a copy of the service, so the service's protocol names the port
                // and the service's port (as known now) fills a missing one
                Entry.Endpoint dest = ce.svc.copy();
                int parsed = parseService(arg, dest);
                ce.destAf = dest.af;
                ce.destAddr = dest.addr;
                ce.destPort = dest.port;
                if ((parsed & SERVICE_ADDR) == 0) {
                    throw Exit.fail("illegal real server address[:port] specified");
                }
                if (parsed == SERVICE_ADDR) {
                    ce.destPort = ce.svc.port;
                }
            }
            case 'i' -> forwarding(Forwarding.TUNNEL);
            case 'g' -> forwarding(Forwarding.ROUTE);
            case 'm' -> forwarding(Forwarding.MASQ);
            case 'w' -> {
                ce.set(Opt.WEIGHT);
                ce.weight = (int) number(arg, 0, 65535, "illegal weight specified");
            }
            case 'x' -> {
                ce.set(Opt.UTHRESHOLD);
                ce.upperThreshold = (int) number(arg, 0, Integer.MAX_VALUE, "illegal u_threshold specified");
            }
            case 'y' -> {
                ce.set(Opt.LTHRESHOLD);
                ce.lowerThreshold = (int) number(arg, 0, Integer.MAX_VALUE, "illegal l_threshold specified");
            }
            case 'c' -> ce.set(Opt.CONNECTION);
            case 'n' -> format(Opt.NUMERIC, Fmt.NUMERIC);
            case TAG_MCAST_INTERFACE -> {
                ce.set(Opt.MCAST);
                ce.mcastInterface = cut(arg, IFNAME_MAX);
            }
            case TAG_SYNCID -> {
                ce.set(Opt.SYNCID);
                ce.syncId = (int) number(arg, 0, 255, "illegal syncid specified");
            }
            case TAG_TIMEOUT -> ce.set(Opt.TIMEOUT);
            case TAG_DAEMON -> ce.set(Opt.DAEMON);
            case TAG_STATS -> format(Opt.STATS, Fmt.STATS);
            case TAG_RATE -> format(Opt.RATE, Fmt.RATE);
            case TAG_THRESHOLDS -> format(Opt.THRESHOLDS, Fmt.THRESHOLDS);
            case TAG_PERSISTENTCONN -> format(Opt.PERSISTENTCONN, Fmt.PERSISTENTCONN);
            case TAG_NO_SORT -> format(Opt.NOSORT, Fmt.NOSORT);
            case TAG_SORT -> {
                // sorting is the default; --sort is accepted everywhere and does nothing
            }
            case 'X' -> format(Opt.EXACT, Fmt.EXACT);
            case '6' -> {
                if (ce.fwmark == 0) {
                    // ipvsadm's message carries its own newline, so an empty line follows
                    throw Exit.fail("-6 used before -f\n");
                }
                ce.svc.af = Entry.AF_INET6;
                ce.svc.netmask = 128;
            }
            case 'o' -> {
                ce.set(Opt.ONEPACKET);
                ce.flags |= SchedFlags.ONEPACKET;
            }
            case TAG_PERSISTENCE_ENGINE -> {
                ce.set(Opt.PE);
                ce.pe = cut(arg, PE_NAME_MAX);
            }
            case 'b' -> {
                ce.set(Opt.SCHED_FLAGS);
                ce.schedFlagsArg = cut(arg, 127);
            }
            case TAG_MCAST_GROUP -> {
                ce.set(Opt.MCAST_GROUP);
                ce.mcastGroup = mcastGroup(arg);
            }
            case TAG_MCAST_PORT -> {
                ce.set(Opt.MCAST_PORT);
                ce.mcastPort = (int) number(arg, 1, 65535, "illegal mcast-port specified");
            }
            case TAG_MCAST_TTL -> {
                ce.set(Opt.MCAST_TTL);
                ce.mcastTtl = (int) number(arg, 1, 255, "illegal mcast-ttl specified");
            }
            case TAG_SYNC_MAXLEN -> {
                ce.set(Opt.SYNC_MAXLEN);
                ce.syncMaxLen = (int) number(arg, 1, SYNC_MAXLEN_MAX, "illegal sync-maxlen specified");
            }
            case TAG_TUN_INFO -> format(Opt.TUN_INFO, Fmt.TUN_INFO);
            case TAG_TUN_TYPE -> {
                ce.set(Opt.TUN_TYPE);
                ce.tunnelType = switch (arg) {
                    case "ipip" -> TunnelType.IPIP;
                    case "gue" -> TunnelType.GUE;
                    case "gre" -> TunnelType.GRE;
                    default -> throw Exit.fail("illegal tunnel type specified");
                };
            }
            case TAG_TUN_PORT -> {
                ce.set(Opt.TUN_PORT);
                ce.tunnelPort = (int) number(arg, 1, 65535, "illegal tunnel port specified");
            }
            case TAG_TUN_NOCSUM -> ce.set(Opt.TUN_NOCSUM);
            case TAG_TUN_CSUM -> {
                ce.set(Opt.TUN_CSUM);
                ce.tunnelFlags |= Destination.TUN_F_CSUM;
            }
            case TAG_TUN_REMCSUM -> {
                ce.set(Opt.TUN_REMCSUM);
                ce.tunnelFlags |= Destination.TUN_F_REMCSUM;
            }
            // a command (or -h/-v) after the first option: named by the word popt read last
            default -> throw Exit.fail("invalid option `" + popt.badOption() + "'");
        }
    }

    private void forwarding(Forwarding f) {
        ce.set(Opt.FORWARD);
        ce.forwarding = f;
    }

    private void format(Opt o, int bit) {
        ce.set(o);
        ce.format |= bit;
    }

    // ------------------------------------------------------------------ values

    static final int SERVICE_NONE = 0;
    static final int SERVICE_ADDR = 1;
    static final int SERVICE_PORT = 2;

    /**
     * ipvsadm's parse_service: {@code [v6]:port}, a bare IPv6 address, or {@code host[:port]}
     * split at the last colon. Sets what it reads into {@code ep}; returns SERVICE_* bits.
     */
    int parseService(String buf, Entry.Endpoint ep) {
        if (allDigits(buf)) {
            return SERVICE_NONE;
        }
        String host = buf;
        String port = null;
        if (buf.startsWith("[")) {
            int close = buf.indexOf(']', 1);
            if (close < 0 || close + 1 >= buf.length() || buf.charAt(close + 1) != ':') {
                return SERVICE_NONE;
            }
            host = buf.substring(1, close);
            port = buf.substring(close + 2);
        }
        IpAddress v6 = InetText.pton6(host);
        if (v6 != null) {
            ep.af = Entry.AF_INET6;
            ep.addr = v6;
            ep.netmask = 128;
        } else {
            // the port is what follows the last colon of what is left (inside brackets too)
            int colon = host.lastIndexOf(':');
            port = colon < 0 ? null : host.substring(colon + 1);
            if (colon >= 0) {
                host = host.substring(0, colon);
            }
            Integer v4 = InetText.aton(host);
            if (v4 == null) {
                v4 = InetText.hostToAddr(host);
            }
            if (v4 == null) {
                return SERVICE_NONE;
            }
            ep.af = Entry.AF_INET;
            ep.addr = IpAddress.ofV4(v4);
        }
        int result = SERVICE_ADDR;
        if (port != null) {
            result |= SERVICE_PORT;
            long p = Numbers.inRange(port, 0, 65535);
            if (p == -1 && ce.protocol != null) {
                p = services.port(port, ce.protocol.lowerName());
            }
            if (p == -1) {
                return SERVICE_NONE;
            }
            ep.port = (int) p;
        }
        return result;
    }

    /** C's str_is_digit: true for the empty string too. */
    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Numbers.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** 1..2^32-1, read by strtol (so a negative number wraps above the limit and is refused). */
    private static int fwmark(String arg) {
        Long v = Numbers.strtol(arg);
        if (v == null || v <= 0 || v > 0xFFFF_FFFFL) {
            throw Exit.fail("invalid fwmark value `" + arg + "' specified");
        }
        return (int) (long) v;
    }

    private static int timeout(String arg, int min) {
        long v = Numbers.inRange(arg, min, Timeouts.MAX);
        if (v == -1) {
            throw Exit.fail("invalid timeout value `" + arg + "' specified");
        }
        return (int) v;
    }

    private static long number(String arg, long min, long max, String message) {
        long v = Numbers.inRange(arg, min, max);
        if (v == -1) {
            throw Exit.fail(message);
        }
        return v;
    }

    private static SyncDaemon.Role role(String arg, String message) {
        return switch (arg) {
            case "master" -> SyncDaemon.Role.MASTER;
            case "backup" -> SyncDaemon.Role.BACKUP;
            default -> throw Exit.fail(message);
        };
    }

    /** A multicast group: IPv6 when the text has a colon, else a strict dotted IPv4 address. */
    private static IpAddress mcastGroup(String arg) {
        if (arg.indexOf(':') >= 0) {
            IpAddress a = InetText.pton6(arg);
            if (a == null || (a.hi() >>> 56) != 0xFF) {
                throw Exit.fail("invalid IPv6 mcast-group `" + arg + "'");
            }
            return a;
        }
        Integer a = InetText.pton4(arg);
        if (a == null || (a >>> 28) != 0xE) {
            throw Exit.fail("invalid IPv4 mcast-group `" + arg + "'");
        }
        return IpAddress.ofV4(a);
    }

    /**
     * The -b list, read after all options so that the scheduler given anywhere on the line
     * (wlc when none) decides whether sh-* and mh-* flags fit. Empty items are skipped; a list
     * of commas only would crash ipvsadm and is refused here.
     */
    private int schedFlags(String list) {
        String sched = ce.sched.isEmpty() ? "wlc" : ce.sched;
        int flags = 0;
        boolean any = false;
        for (String flag : list.split(",")) {
            if (flag.isEmpty()) {
                continue;
            }
            any = true;
            switch (flag) {
                case "flag-1" -> flags |= SchedFlags.SCHED1;
                case "flag-2" -> flags |= SchedFlags.SCHED2;
                case "flag-3" -> flags |= SchedFlags.SCHED3;
                case "sh-fallback", "sh-port", "mh-fallback", "mh-port" -> {
                    flags |= flag.endsWith("fallback") ? SchedFlags.SCHED1 : SchedFlags.SCHED2;
                    if (!sched.equals(flag.substring(0, 2))) {
                        throw Exit.fail("incompatible scheduler flag `" + flag + "'");
                    }
                }
                default -> throw Exit.fail("invalid scheduler flag `" + flag + "'");
            }
        }
        if (!any) {
            throw Exit.fail("invalid scheduler flag `" + list + "'");
        }
        return flags;
    }

    /** C's strncpy into a fixed buffer: only the first {@code max} characters are kept. */
    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static Popt.Option none(String name, char c) {
        return new Popt.Option(name, c, Popt.Arg.NONE, c);
    }

    private static Popt.Option arg(String name, char c) {
        return new Popt.Option(name, c, Popt.Arg.REQUIRED, c);
    }

    private static Popt.Option longNone(String name, int tag) {
        return new Popt.Option(name, (char) 0, Popt.Arg.NONE, tag);
    }

    private static Popt.Option longArg(String name, int tag) {
        return new Popt.Option(name, (char) 0, Popt.Arg.REQUIRED, tag);
    }
}

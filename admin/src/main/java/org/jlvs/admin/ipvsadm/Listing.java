package org.jlvs.admin.ipvsadm;

import java.util.ArrayList;
import java.util.List;

import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.Destination;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.SchedFlags;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.model.TunnelType;
import org.jlvs.core.stats.StatsSnapshot;
import org.jlvs.core.table.TableSnapshot;
import org.jlvs.core.table.TableSnapshot.DestView;
import org.jlvs.core.table.TableSnapshot.ServiceView;

/**
 * The table as {@code ipvsadm -L} (every variant) and {@code ipvsadm -S} print it, with
 * ipvsadm's exact field widths. Destination lines end in the padding of their last column.
 */
final class Listing {
    /** The kernel's IPVS version, as its info call reports it. */
    static final String IPVS_VERSION = "1.2.1";
    private static final int SVC_NAME_WIDTH = 33;
    private static final int DEST_NAME_WIDTH = 28;
    private static final long U32 = 0xFFFF_FFFFL;

    private final StringBuilder out;
    private final int format;
    private final Names names;

    Listing(StringBuilder out, int format, Names names) {
        this.out = out;
        this.format = format;
        this.names = names;
    }

    /** {@code -L} without a service, or {@code -S} (format has RULE). */
    void all(TableSnapshot snap) {
        if (!has(Fmt.RULE)) {
            out.append("IP Virtual Server version ").append(IPVS_VERSION)
                    .append(" (size=").append(snap.connTableSize()).append(")\n");
        }
        List<ServiceView> services = new ArrayList<>(snap.services());
        if (!has(Fmt.NOSORT)) {
            Order.mergeSort(services, (a, b) -> Order.compareServices(a.config().key(), b.config().key()));
        }
        title();
        for (ServiceView s : services) {
            service(s);
        }
    }

    /** The two title lines of the variant (none for -S). */
    void title() {
        if (has(Fmt.STATS)) {
            out.append(left("Prot LocalAddress:Port", SVC_NAME_WIDTH));
            for (String h : new String[] {"Conns", "InPkts", "OutPkts", "InBytes", "OutBytes"}) {
                out.append(' ').append(right(h, 8));
            }
            out.append("\n  -> RemoteAddress:Port\n");
        } else if (has(Fmt.RATE)) {
            out.append(left("Prot LocalAddress:Port", SVC_NAME_WIDTH));
            for (String h : new String[] {"CPS", "InPPS", "OutPPS", "InBPS", "OutBPS"}) {
                out.append(' ').append(right(h, 8));
            }
            out.append("\n  -> RemoteAddress:Port\n");
        } else if (has(Fmt.THRESHOLDS)) {
            out.append(left("Prot LocalAddress:Port", SVC_NAME_WIDTH)).append(' ')
                    .append(left("Uthreshold", 10)).append(' ').append(left("Lthreshold", 10)).append(' ')
                    .append(left("ActiveConn", 10)).append(' ').append(left("InActConn", 10))
                    .append("\n  -> RemoteAddress:Port\n");
        } else if (has(Fmt.PERSISTENTCONN)) {
            out.append(left("Prot LocalAddress:Port", SVC_NAME_WIDTH)).append(' ')
                    .append(left("Weight", 9)).append(' ').append(left("PersistConn", 11)).append(' ')
                    .append(left("ActiveConn", 10)).append(' ').append(left("InActConn", 10))
                    .append("\n  -> RemoteAddress:Port\n");
        } else if (has(Fmt.TUN_INFO)) {
            out.append("Prot LocalAddress:Port Scheduler Flags\n"
                    + "  -> RemoteAddress:Port           Forward TunnelInfo    Weight ActiveConn InActConn\n");
        } else if (!has(Fmt.RULE)) {
            out.append("Prot LocalAddress:Port Scheduler Flags\n"
                    + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n");
        }
    }

    /** One service line and its real-server lines. */
    void service(ServiceView sv) {
        ServiceConfig c = sv.config();
        ServiceKey key = c.key();
        String proto = key.isFwmark() ? null : key.protocol().lowerName();
        String name = serviceName(key);

        if (has(Fmt.RULE)) {
            out.append("-A ").append(name).append(" -s ").append(c.scheduler());
            if (c.persistent()) {
                out.append(" -p ").append(Integer.toUnsignedString(c.timeout())).append(mask(c, " -M "));
            }
            if (pe(c) != null) {
                out.append(" --pe ").append(pe(c));
            }
            if (c.onePacket()) {
                out.append(" -o");
            }
            if ((c.flags() & SchedFlags.SCHED_MASK) != 0) {
                out.append(" -b ").append(SchedFlags.names(c.scheduler(), c.flags()));
            }
        } else if (has(Fmt.STATS)) {
            StatsSnapshot s = sv.stats();
            out.append(left(name, SVC_NAME_WIDTH));
            numbers(s.conns(), s.inPkts(), s.outPkts(), s.inBytes(), s.outBytes());
        } else if (has(Fmt.RATE)) {
            StatsSnapshot s = sv.stats();
            out.append(left(name, SVC_NAME_WIDTH));
            numbers(s.cps(), s.inpps(), s.outpps(), s.inbps(), s.outbps());
        } else {
            out.append(name).append(' ').append(c.scheduler());
            if ((c.flags() & SchedFlags.SCHED_MASK) != 0) {
                out.append(" (").append(SchedFlags.names(c.scheduler(), c.flags())).append(')');
            }
            if (c.persistent()) {
                out.append(" persistent ").append(Integer.toUnsignedString(c.timeout())).append(mask(c, " mask "));
                // the engine shows only with persistence (-S writes it regardless)
                if (pe(c) != null) {
                    out.append(" pe ").append(pe(c));
                }
            }
            if (c.onePacket()) {
                out.append(" ops");
            }
        }
        out.append('\n');

        List<DestView> dests = new ArrayList<>(sv.dests());
        if (!has(Fmt.NOSORT)) {
            Order.mergeSort(dests, (a, b) -> Order.compareDests(a.config(), b.config()));
        }
        for (DestView d : dests) {
            dest(name, proto, d);
        }
    }

    private void dest(String svcName, String proto, DestView dv) {
        DestConfig d = dv.config();
        String name = names.addrPort(d.address(), d.port(), proto);
        if (!has(Fmt.RULE) && !d.address().isV6() && name.length() > DEST_NAME_WIDTH) {
            name = name.substring(0, DEST_NAME_WIDTH);
        }
        if (has(Fmt.RULE)) {
            out.append("-a ").append(svcName).append(" -r ").append(name).append(' ')
                    .append(forwardSwitch(d.forwarding())).append(" -w ").append(d.weight())
                    .append(tunnelOptions(d)).append('\n');
            return;
        }
        out.append("  -> ").append(left(name, DEST_NAME_WIDTH));
        StatsSnapshot s = dv.stats();
        if (has(Fmt.STATS)) {
            // libipvs reads a server's conns and packets with 32-bit reads
            numbers(s.conns() & U32, s.inPkts() & U32, s.outPkts() & U32, s.inBytes(), s.outBytes());
        } else if (has(Fmt.RATE)) {
            out.append(' ').append(right(Long.toString(s.cps() & U32), 8))
                    .append(' ').append(right(Long.toString(s.inpps() & U32), 8))
                    .append(' ').append(right(Long.toString(s.outpps() & U32), 8));
            numbers(s.inbps() & U32, s.outbps() & U32);
        } else if (has(Fmt.THRESHOLDS)) {
            columns(u(d.upperThreshold()), 10, u(d.lowerThreshold()), 10, u(dv.activeConns()), 10,
                    u(dv.inactConns()), 10);
        } else if (has(Fmt.PERSISTENTCONN)) {
            columns(u(d.weight()), 9, u(dv.persistConns()), 11, u(dv.activeConns()), 10, u(dv.inactConns()), 10);
        } else if (has(Fmt.TUN_INFO)) {
            columns(d.forwarding().word(), 7, tunnelInfo(d), 13, Integer.toString(d.weight()), 6,
                    u(dv.activeConns()), 10, u(dv.inactConns()), 10);
        } else {
            columns(d.forwarding().word(), 7, Integer.toString(d.weight()), 6, u(dv.activeConns()), 10,
                    u(dv.inactConns()), 10);
        }
        out.append('\n');
    }

    private String serviceName(ServiceKey key) {
        if (key.isFwmark()) {
            // printed as a signed int, as ipvsadm's %d does
            if (has(Fmt.RULE)) {
                return "-f " + key.fwmark() + (key.v6() ? " -6" : "");
            }
            return "FWM  " + key.fwmark() + (key.v6() ? " IPv6" : "");
        }
        String vname = names.addrPort(key.address(), key.port(), key.protocol().lowerName());
        if (has(Fmt.RULE)) {
            String opt = switch (key.protocol()) {
                case TCP -> "-t";
                case UDP -> "-u";
                case SCTP -> "--sctp-service";
            };
            return opt + " " + vname;
        }
        String name = left(key.protocol().name(), 4) + " " + vname;
        if (!key.v6() && name.length() > SVC_NAME_WIDTH) {
            name = name.substring(0, SVC_NAME_WIDTH);
        }
        return name;
    }

    /** The persistence mask when it is not the host default: dotted for IPv4, a prefix length for IPv6. */
    private static String mask(ServiceConfig c, String label) {
        if (c.key().v6()) {
            return c.netmask() != ServiceConfig.V6_HOST_PREFIX ? label + c.netmask() : "";
        }
        return c.netmask() != ServiceConfig.V4_HOST_MASK ? label + IpAddress.ofV4(c.netmask()) : "";
    }

    private static String pe(ServiceConfig c) {
        return c.pe() == null || c.pe().isEmpty() ? null : c.pe();
    }

    private static String forwardSwitch(Forwarding f) {
        return switch (f) {
            case MASQ -> "-m";
            case TUNNEL -> "-i";
            case ROUTE, LOCAL -> "-g";
        };
    }

    /** -S always restates a tunnel server's encapsulation. */
    private static String tunnelOptions(DestConfig d) {
        if (d.forwarding() != Forwarding.TUNNEL) {
            return "";
        }
        return switch (d.tunnelType()) {
            case IPIP -> " --tun-type ipip";
            case GUE -> " --tun-type gue --tun-port " + d.tunnelPort() + " " + checksumOption(d.tunnelFlags());
            case GRE -> " --tun-type gre " + checksumOption(d.tunnelFlags());
        };
    }

    private static String checksumOption(int flags) {
        if ((flags & Destination.TUN_F_CSUM) != 0) {
            return "--tun-csum";
        }
        if ((flags & Destination.TUN_F_REMCSUM) != 0) {
            return "--tun-remcsum";
        }
        return "--tun-nocsum";
    }

    /** The --tun-info column. */
    private static String tunnelInfo(DestConfig d) {
        if (d.forwarding() != Forwarding.TUNNEL) {
            return "n/a";
        }
        String csum = (d.tunnelFlags() & Destination.TUN_F_CSUM) != 0 ? "+c"
                : (d.tunnelFlags() & Destination.TUN_F_REMCSUM) != 0 ? "r+c" : "-c";
        TunnelType t = d.tunnelType();
        return switch (t) {
            case IPIP -> "ipip";
            case GUE -> "gue:" + d.tunnelPort() + ":" + csum;
            case GRE -> "gre:" + csum;
        };
    }

    private void numbers(long... values) {
        for (long v : values) {
            out.append(largeNumber(v, has(Fmt.EXACT)));
        }
    }

    /** Pairs of (text, width), each left-aligned after one space. */
    private void columns(Object... textAndWidth) {
        for (int i = 0; i < textAndWidth.length; i += 2) {
            out.append(' ').append(left((String) textAndWidth[i], (Integer) textAndWidth[i + 1]));
        }
    }

    /**
     * One --stats/--rate number in 9 columns: as is below 10^8, else scaled down with a K, M, G or
     * T suffix; with --exact always as is (wider when it has more than 8 digits).
     */
    static String largeNumber(long v, boolean exact) {
        if (exact) {
            return " " + right(Long.toUnsignedString(v), 8);
        }
        if (Long.compareUnsigned(v, 100_000_000L) < 0) {
            return right(Long.toUnsignedString(v), 9);
        }
        if (Long.compareUnsigned(v, 1_000_000_000L) < 0) {
            return right(Long.toUnsignedString(Long.divideUnsigned(v, 1_000L)), 8) + "K";
        }
        if (Long.compareUnsigned(v, 100_000_000_000L) < 0) {
            return right(Long.toUnsignedString(Long.divideUnsigned(v, 1_000_000L)), 8) + "M";
        }
        if (Long.compareUnsigned(v, 100_000_000_000_000L) < 0) {
            return right(Long.toUnsignedString(Long.divideUnsigned(v, 1_000_000_000L)), 8) + "G";
        }
        return right(Long.toUnsignedString(Long.divideUnsigned(v, 1_000_000_000_000L)), 8) + "T";
    }

    private boolean has(int bit) {
        return (format & bit) != 0;
    }

    private static String u(int v) {
        return Integer.toUnsignedString(v);
    }

    static String left(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String right(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}

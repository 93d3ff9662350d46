package org.jlvs.admin.keepalived;

import java.util.OptionalLong;

import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.TunnelType;

/** Reads {@code lvs_method|lb_kind NAT|DR|TUN [type ipip|gue|gre] [port N] [nocsum|csum|remcsum]}. */
final class MethodReader {
    private static final int NOCSUM = 0;
    private static final int CSUM = 1;
    private static final int REMCSUM = 2;

    private MethodReader() {
    }

    /**
     * The method, or null after reporting an unknown method (the setting is then left as it was).
     * As in keepalived's svr_forwarding_handler, the method itself is taken as soon as it is
     * known: a bad tunnel option is reported and only leaves the tunnel settings of
     * {@code previous} (null: ipip, no port, nocsum) as they were, so {@code TUN csum} is TUN ipip.
     */
    static ForwardingMethod read(Stmt s, String serverType, Reporter rep, ForwardingMethod previous) {
        String m = s.word(1);
        Forwarding f = m == null ? null : switch (m) {
            case "NAT" -> Forwarding.MASQ;
            case "DR" -> Forwarding.ROUTE;
            case "TUN" -> Forwarding.TUNNEL;
            default -> null;
        };
        if (f == null) {
            rep.error(s.at(), "PARSER : unknown [" + m + "] routing method for " + serverType + " server.");
            return null;
        }
        ForwardingMethod keep = previous == null ? ForwardingMethod.of(f)
                : new ForwardingMethod(f, previous.tunnelType(), previous.tunnelPort(), previous.tunnelFlags());
        TunnelType type = TunnelType.IPIP;
        int port = 0;
        int csum = NOCSUM;
        for (int i = 2; i < s.size(); i++) {
            String w = s.word(i);
            switch (w) {
                case "type" -> {
                    String t = s.word(++i);
                    if (t == null) {
                        rep.error(s.at(), "Missing tunnel type for " + serverType + " server.");
                        return keep;
                    }
                    switch (t) {
                        case "ipip" -> type = TunnelType.IPIP;
                        case "gue" -> type = TunnelType.GUE;
                        case "gre" -> type = TunnelType.GRE;
                        default -> {
                            rep.error(s.at(), "Unknown tunnel type " + t + " for " + serverType + " server.");
                            return keep;
                        }
                    }
                }
                case "port" -> {
                    OptionalLong p = s.word(i + 1) == null ? OptionalLong.empty() : Values.parseUnsigned(s.word(i + 1));
                    if (p.isEmpty() || p.getAsLong() < 1 || p.getAsLong() > 65535) {
                        rep.error(s.at(), "Invalid gue tunnel port " + s.word(i + 1) + " for " + serverType + " server.");
                        return keep;
                    }
                    port = (int) p.getAsLong();
                    i++;
                }
                case "nocsum" -> csum = NOCSUM;
                case "csum" -> csum = CSUM;
                case "remcsum" -> csum = REMCSUM;
                default -> {
                    rep.error(s.at(), "Invalid tunnel option " + w + " for " + serverType + " server.");
                    return keep;
                }
            }
        }
        if ((type == TunnelType.GUE) != (port != 0)) {
            rep.error(s.at(), "gue tunnels require port, otherwise cannot have port.");
            return keep;
        }
        if (type == TunnelType.IPIP && csum != NOCSUM) {
            rep.error(s.at(), "ipip tunnels do not support checksum option.");
            return keep;
        }
        if (type == TunnelType.GRE && csum == REMCSUM) {
            rep.error(s.at(), "gre tunnels do not support remote checksum option.");
            return keep;
        }
        return new ForwardingMethod(f, type, port, csum);
    }
}

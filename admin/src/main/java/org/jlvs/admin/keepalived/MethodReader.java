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

    /** The method, or null after reporting (the setting is then left as it was). */
    static ForwardingMethod read(Stmt s, String serverType, Reporter rep) {
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
                        return null;
                    }
                    switch (t) {
                        case "ipip" -> type = TunnelType.IPIP;
                        case "gue" -> type = TunnelType.GUE;
                        case "gre" -> type = TunnelType.GRE;
                        default -> {
                            rep.error(s.at(), "Unknown tunnel type " + t + " for " + serverType + " server.");
                            return null;
                        }
                    }
                }
                case "port" -> {
                    OptionalLong p = s.word(i + 1) == null ? OptionalLong.empty() : Values.parseUnsigned(s.word(i + 1));
                    if (p.isEmpty() || p.getAsLong() < 1 || p.getAsLong() > 65535) {
                        rep.error(s.at(), "Invalid gue tunnel port " + s.word(i + 1) + " for " + serverType + " server.");
                        return null;
                    }
                    port = (int) p.getAsLong();
                    i++;
                }
                case "nocsum" -> csum = NOCSUM;
                case "csum" -> csum = CSUM;
                case "remcsum" -> csum = REMCSUM;
                default -> {
                    rep.error(s.at(), "Invalid tunnel option " + w + " for " + serverType + " server.");
                    return null;
                }
            }
        }
        if ((type == TunnelType.GUE) != (port != 0)) {
            rep.error(s.at(), "gue tunnels require port, otherwise cannot have port.");
            return null;
        }
        if (type == TunnelType.IPIP && csum != NOCSUM) {
            rep.error(s.at(), "ipip tunnels do not support checksum option.");
            return null;
        }
        if (type == TunnelType.GRE && csum == REMCSUM) {
            rep.error(s.at(), "gre tunnels do not support remote checksum option.");
            return null;
        }
        return new ForwardingMethod(f, type, port, csum);
    }
}

package org.jlvs.admin.keepalived;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.SchedFlags;

/** The {@code virtual_server} block (keepalived's check_parser.c, virtual server level). */
final class VirtualServerKeywords {
    /** The schedulers keepalived accepts (lvs_schedulers[], plus twos from newer kernels). */
    static final Set<String> SCHEDULERS =
            Set.of("rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo", "ovf", "lblcr", "sed", "nq", "twos");
    /** IPVS_WEIGHT_LIMIT. */
    static final long WEIGHT_LIMIT = Integer.MAX_VALUE;
    static final long UINT_MAX = 0xFFFF_FFFFL;
    /** IP_VS_PENAME_MAXLEN less the NUL. */
    private static final int PE_NAME_MAX = 15;

    private VirtualServerKeywords() {
    }

    /**
     * {@code virtual_server IP [PORT] | fwmark N | group NAME} (alloc_vs). A bad line skips its
     * block; a placeholder takes the block's lines should no '{' follow (keepalived would then
     * write into whatever server came before).
     */
    static void open(ParseContext ctx, Stmt s) {
        VsBuilder vs = target(ctx, s);
        ctx.virtualServers.add(vs != null ? vs : new VsBuilder(s.at(), null, null));
    }

    private static VsBuilder target(ParseContext ctx, Stmt s) {
        String p1 = s.word(1);
        String p2 = s.word(2);
        VsTarget target;
        Boolean v6 = null;
        if ("group".equals(p1)) {
            if (p2 == null) {
                ctx.rep.error(s.at(), "virtual_server group: missing group name");
                ctx.blocks.skipBlock();
                return null;
            }
            target = new VsTarget.Group(p2);
        } else if ("fwmark".equals(p1)) {
            // read_unsigned with ignore_error: "fwmark 10abc" is 10 (0 would make no fwmark service)
            OptionalLong mark = p2 == null ? OptionalLong.empty() : ctx.values.lenient(s, 2, 1, UINT_MAX);
            if (mark.isEmpty()) {
                ctx.rep.error(s.at(), "virtual server fwmark '" + p2 + "' must be in [1, 4294967295] - skipping");
                ctx.blocks.skipBlock();
                return null;
            }
            target = new VsTarget.Fwmark((int) mark.getAsLong());
        } else {
            Values.Endpoint e = Values.endpoint(s, ctx.rep);
            if (e == null) {
                ctx.rep.error(s.at(), "Invalid virtual server IP address " + p1 + " - skipping");
                ctx.blocks.skipBlock();
                return null;
            }
            target = new VsTarget.Address(e.address(), e.port());
            v6 = e.address().isV6();
        }
        return new VsBuilder(s.at(), target, v6);
    }

    /**
     * End of the block (vs_end_handler): a non-tunnelled sorry server must match the family;
     * a fwmark service with only tunnelled servers takes the family of its servers, IPv4 if mixed.
     */
    static void close(ParseContext ctx) {
        VsBuilder vs = ctx.vs();
        if (vs.placeholder()) {
            return;
        }
        if (vs.sorry != null && (vs.sorry.method == null || !vs.sorry.method.tunnel())) {
            if (vs.v6 == null) {
                vs.v6 = vs.sorry.address.isV6();
            } else if (vs.v6 != vs.sorry.address.isV6()) {
                ctx.rep.error(vs.sorry.at, "Address family of virtual server and sorry server "
                        + vs.sorry.address + " don't match - skipping sorry server.");
                vs.sorry = null;
            }
        }
        if (vs.v6 == null && !(vs.target instanceof VsTarget.Group)) {
            Boolean family = vs.sorry != null ? vs.sorry.address.isV6() : null;
            boolean mixed = false;
            for (RsBuilder rs : vs.realServers) {
                if (family == null) {
                    family = rs.address.isV6();
                } else if (family != rs.address.isV6()) {
                    mixed = true;
                    break;
                }
            }
            vs.v6 = !mixed && Boolean.TRUE.equals(family);
        }
    }

    static KeywordTable table(ParseContext ctx) {
        Values v = ctx.values;
        Reporter rep = ctx.rep;
        KeywordTable t = new KeywordTable();
        t.on("ip_family", s -> ipFamily(ctx, s));
        t.on("retry", s -> v.unsigned(s, 1, 1, UINT_MAX).ifPresent(r -> ctx.vs().retry = (int) r));
        t.on("delay_before_retry", s -> v.lenientTimer(s, 1, Duration.ZERO, null).ifPresent(d -> ctx.vs().delayBeforeRetry = d));
        t.on("warmup", s -> v.lenientTimer(s, 1, Duration.ZERO, null).ifPresent(d -> ctx.vs().warmup = d));
        t.on("connect_timeout", s -> v.lenientTimer(s, 1, Values.MICROSECOND, null).ifPresent(d -> ctx.vs().connectTimeout = d));
        t.on("delay_loop", s -> v.lenientTimer(s, 1, Values.MICROSECOND, null).ifPresent(d -> ctx.vs().delayLoop = d));
        t.on("inhibit_on_failure", s -> ctx.vs().inhibit = true);
        t.on("lb_algo", s -> scheduler(ctx, s));
        t.on("lvs_sched", s -> scheduler(ctx, s));
        for (String f : new String[] {"hashed", "ops", "flag-1", "flag-2", "flag-3", "sh-port", "sh-fallback",
                "mh-port", "mh-fallback"}) {
            t.on(f, s -> schedFlag(ctx, s));
        }
        t.on("lb_kind", s -> method(ctx, s));
        t.on("lvs_method", s -> method(ctx, s));
        t.on("persistence_engine", s -> {
            String pe = v.text(s);
            if (pe != null && pe.length() > PE_NAME_MAX) {
                rep.error(s.at(), "persistence_name too long, truncating - " + pe);
                pe = pe.substring(0, PE_NAME_MAX);
            }
            ctx.vs().persistenceEngine = pe;
        });
        t.on("persistence_timeout", s -> {
            if (s.size() < 2) {
                ctx.vs().persistenceTimeout = VsBuilder.DEFAULT_PERSISTENCE;
                return;
            }
            v.unsigned(s, 1, 1, GlobalDefsReader.MAX_TIMEOUT).ifPresent(p -> ctx.vs().persistenceTimeout = (int) p);
        });
        t.on("persistence_granularity", s -> granularity(ctx, s));
        t.on("protocol", s -> {
            String p = s.word(1) == null ? "" : s.word(1).toUpperCase(Locale.ROOT);
            switch (p) {
                case "TCP" -> ctx.vs().protocol = Protocol.TCP;
                case "UDP" -> ctx.vs().protocol = Protocol.UDP;
                case "SCTP" -> ctx.vs().protocol = Protocol.SCTP;
                default -> rep.error(s.at(), "Unknown protocol " + s.word(1) + " - ignoring");
            }
        });
        t.on("ha_suspend", s -> ctx.vs().haSuspend = true);
        t.on("smtp_alert", s -> v.flag(s, 1).ifPresent(b -> ctx.vs().smtpAlert = b));
        t.on("virtualhost", s -> ctx.vs().virtualhost = v.text(s));
        t.on("snmp_name", s -> rep.warning(s.at(), "snmp_name is ignored: JLVS has no SNMP agent"));
        // a stray argument ("alpha 1") is ignored, as keepalived does at this level
        t.on("alpha", s -> ctx.vs().alpha = true);
        t.on("omega", s -> ctx.vs().omega = true);
        t.on("quorum_up", s -> {
            if (ctx.vs().quorumUp != null) {
                rep.error(s.at(), "quorum_up script already specified - ignoring " + s.word(1));
            } else {
                ctx.vs().quorumUp = ctx.script(s, "quorum");
            }
        });
        t.on("quorum_down", s -> {
            if (ctx.vs().quorumDown != null) {
                rep.error(s.at(), "quorum_down script already specified - ignoring " + s.word(1));
            } else {
                ctx.vs().quorumDown = ctx.script(s, "quorum");
            }
        });
        t.on("quorum", s -> {
            OptionalLong q = v.lenient(s, 1, 1, UINT_MAX);
            if (q.isEmpty()) {
                rep.error(s.at(), "Quorum " + s.word(1) + " must be in [1, " + UINT_MAX + "]. Setting to 1.");
                ctx.vs().quorum = 1;
            } else {
                ctx.vs().quorum = q.getAsLong();
            }
        });
        t.on("hysteresis", s -> {
            OptionalLong h = v.lenient(s, 1, 0, UINT_MAX);
            if (h.isEmpty()) {
                rep.error(s.at(), "Hysteresis " + s.word(1) + " must be in [0, " + UINT_MAX + "] - ignoring");
            } else {
                ctx.vs().hysteresis = h.getAsLong();
            }
        });
        t.on("weight", s -> {
            OptionalLong w = v.lenient(s, 1, 1, WEIGHT_LIMIT);
            if (w.isEmpty()) {
                rep.error(s.at(), "Virtual server weight " + s.word(1) + " is outside range 1-" + WEIGHT_LIMIT);
            } else {
                ctx.vs().weight = (int) w.getAsLong();
            }
        });
        t.on("sorry_server", s -> sorryServer(ctx, s));
        t.on("sorry_server_inhibit", s -> {
            if (ctx.vs().sorry != null) {
                ctx.vs().sorry.inhibit = true;
            } else {
                rep.error(s.at(), "Ignoring sorry_server inhibit used before or without sorry_server");
            }
        });
        t.on("sorry_server_lvs_method", s -> {
            if (ctx.vs().sorry == null) {
                rep.error(s.at(), "sorry_server forwarding used without sorry_server");
                return;
            }
            ForwardingMethod m = MethodReader.read(s, "sorry", rep, ctx.vs().sorry.method);
            if (m != null) {
                ctx.vs().sorry.method = m;
            }
        });
        t.block("real_server", s -> RealServerKeywords.open(ctx, s), RealServerKeywords.table(ctx),
                () -> RealServerKeywords.close(ctx));
        return t;
    }

    private static void ipFamily(ParseContext ctx, Stmt s) {
        Boolean v6 = switch (String.valueOf(s.word(1))) {
            case "inet" -> false;
            case "inet6" -> true;
            default -> null;
        };
        if (v6 == null) {
            ctx.rep.error(s.at(), "unknown address family " + s.word(1));
        } else if (ctx.vs().v6 != null && !ctx.vs().v6.equals(v6)) {
            ctx.rep.error(s.at(), "Virtual server specified family " + s.word(1) + " conflicts with server family");
        } else {
            ctx.vs().v6 = v6;
        }
    }

    private static void scheduler(ParseContext ctx, Stmt s) {
        String name = s.word(1);
        if (name == null || !SCHEDULERS.contains(name)) {
            ctx.rep.error(s.at(), "Invalid lvs_scheduler '" + name + "' - ignoring");
            return;
        }
        ctx.vs().scheduler = name;
    }

    /** The flag words; sh-* and mh-* count only after the matching lvs_sched, as in keepalived. */
    private static void schedFlag(ParseContext ctx, Stmt s) {
        VsBuilder vs = ctx.vs();
        String f = s.keyword();
        switch (f) {
            case "ops" -> vs.flags |= SchedFlags.ONEPACKET;
            case "flag-1" -> vs.flags |= SchedFlags.SCHED1;
            case "flag-2" -> vs.flags |= SchedFlags.SCHED2;
            case "flag-3" -> vs.flags |= SchedFlags.SCHED3;
            default -> {
                if ("sh".equals(vs.scheduler) || "mh".equals(vs.scheduler)) {
                    String prefix = vs.scheduler + "-";
                    if (f.equals(prefix + "port")) {
                        vs.flags |= SchedFlags.SCHED2;
                    } else if (f.equals(prefix + "fallback")) {
                        vs.flags |= SchedFlags.SCHED1;
                    }
                } else {
                    ctx.rep.error(s.at(), f + " only applies to sh scheduler - ignoring");
                }
            }
        }
    }

    private static void method(ParseContext ctx, Stmt s) {
        ForwardingMethod m = MethodReader.read(s, "virtual", ctx.rep, ctx.vs().method);
        if (m != null) {
            ctx.vs().method = m;
        }
    }

    private static void granularity(ParseContext ctx, Stmt s) {
        VsBuilder vs = ctx.vs();
        String w = s.word(1);
        if (w == null) {
            ctx.rep.error(s.at(), "persistence_granularity: missing value");
            return;
        }
        boolean v6 = vs.v6 != null ? vs.v6 : !w.contains(".");
        if (v6) {
            OptionalLong len = Values.parseUnsigned(w);
            if (len.isEmpty() || len.getAsLong() < 1 || len.getAsLong() > 128) {
                ctx.rep.error(s.at(), "Invalid IPv6 persistence_granularity specified - " + w);
                return;
            }
            vs.persistenceNetmask = (int) len.getAsLong();
        } else {
            // getaddrinfo(AI_NUMERICHOST) reads it as inet_aton does: "255.255.255.0", but also
            // "24" (0.0.0.24), "255.255.0" or "0xffffff00"; like ipvsadm and the kernel, a mask
            // with holes is accepted
            Long mask = inetAton(w);
            if (mask == null) {
                ctx.rep.error(s.at(), "Invalid IPv4 persistence_granularity specified - " + w);
                return;
            }
            vs.persistenceNetmask = (int) (long) mask;
        }
        if (vs.v6 == null) {
            vs.v6 = v6;
        }
        if (vs.persistenceTimeout == 0) {
            vs.persistenceTimeout = VsBuilder.DEFAULT_PERSISTENCE;
        }
    }

    /** glibc's inet_aton: one to four parts, each decimal, octal (0...) or hex (0x...); null if invalid. */
    static Long inetAton(String w) {
        String[] parts = w.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.charAt(0) < '0' || p.charAt(0) > '9') {
                return null;
            }
            int radix = 10;
            if (p.length() > 1 && p.charAt(0) == '0' && (p.charAt(1) == 'x' || p.charAt(1) == 'X')) {
                radix = 16;
                p = p.substring(2);
            } else if (p.charAt(0) == '0') {
                radix = 8;
            }
            if (p.length() > 11) {
                return null;
            }
            long n = 0;
            for (char c : p.toCharArray()) {
                int d = Character.digit(c, radix);
                if (d < 0) {
                    return null;
                }
                n = n * radix + d;
            }
            v[i] = n;
        }
        long last = v[v.length - 1];
        long limit = switch (v.length) {
            case 1 -> 0xFFFF_FFFFL;
            case 2 -> 0xFF_FFFFL;
            case 3 -> 0xFFFFL;
            default -> 0xFFL;
        };
        if (last > limit) {
            return null;
        }
        long addr = last;
        for (int i = 0; i < v.length - 1; i++) {
            if (v[i] > 0xFF) {
                return null;
            }
            addr |= v[i] << (24 - 8 * i);
        }
        return addr;
    }

    private static void sorryServer(ParseContext ctx, Stmt s) {
        VsBuilder vs = ctx.vs();
        Values.Endpoint e = Values.endpoint(s, ctx.rep);
        if (e == null) {
            ctx.rep.error(s.at(), "Invalid sorry server IP address " + s.word(1) + " - skipping");
            return;
        }
        vs.sorry = new SorryBuilder(s.at(), e.address(), e.port(), vs.method);
    }
}

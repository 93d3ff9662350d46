package org.jlvs.admin.keepalived;

import java.time.Duration;
import java.util.OptionalLong;

/** The {@code real_server} block (keepalived's check_parser.c, real server level). */
final class RealServerKeywords {

    private RealServerKeywords() {
    }

    /** {@code real_server IP [PORT]} (alloc_rs): a bad address skips the whole block. */
    static void open(ParseContext ctx, Stmt s) {
        VsBuilder vs = ctx.vs();
        Values.Endpoint e = Values.endpoint(s, ctx.rep);
        if (e == null) {
            ctx.rep.error(s.at(), "Invalid real server ip address " + s.word(1) + " - skipping");
            ctx.blocks.skipBlock();
            // a placeholder takes the block's lines should no '{' follow
            vs.realServers.add(new RsBuilder(s.at(), null, 0, vs.method));
            return;
        }
        // the method in force when the line is read; a later lb_kind does not change it
        vs.realServers.add(new RsBuilder(s.at(), e.address(), e.port(), vs.method));
    }

    /** End of the block (rs_end_handler): unless tunnelled, the family must be the virtual server's. */
    static void close(ParseContext ctx) {
        VsBuilder vs = ctx.vs();
        RsBuilder rs = vs.realServers.getLast();
        if (rs.address == null) {
            vs.realServers.removeLast();
            return;
        }
        if (rs.method != null && rs.method.tunnel()) {
            return;
        }
        if (vs.v6 == null) {
            vs.v6 = rs.address.isV6();
        } else if (vs.v6 != rs.address.isV6()) {
            ctx.rep.error(rs.at, "Address family of virtual server and real server " + rs.address
                    + " don't match - skipping real server.");
            vs.realServers.removeLast();
        }
    }

    static KeywordTable table(ParseContext ctx) {
        Values v = ctx.values;
        Reporter rep = ctx.rep;
        KeywordTable t = new KeywordTable();
        t.on("weight", s -> {
            String w = s.word(1);
            OptionalLong n = v.lenient(s, 1, 0, VirtualServerKeywords.WEIGHT_LIMIT);
            if (n.isEmpty()) {
                rep.error(s.at(), "Real server weight " + w + " is outside range 0-" + VirtualServerKeywords.WEIGHT_LIMIT);
                return;
            }
            ctx.rs().weight = (int) n.getAsLong();
        });
        t.on("lvs_method", s -> {
            ForwardingMethod m = MethodReader.read(s, "real", rep, ctx.rs().method);
            if (m != null) {
                ctx.rs().method = m;
            }
        });
        t.on("uthreshold", s -> v.lenient(s, 1, 0, VirtualServerKeywords.UINT_MAX).ifPresentOrElse(u -> ctx.rs().upperThreshold = u,
                () -> rep.error(s.at(), "Invalid real_server uthreshold '" + s.word(1) + "' - ignoring")));
        t.on("lthreshold", s -> v.lenient(s, 1, 0, VirtualServerKeywords.UINT_MAX).ifPresentOrElse(l -> ctx.rs().lowerThreshold = l,
                () -> rep.error(s.at(), "Invalid real_server lthreshold '" + s.word(1) + "' - ignoring")));
        t.on("inhibit_on_failure", s -> v.flag(s, 1).ifPresent(b -> ctx.rs().inhibit = b));
        t.on("notify_up", s -> {
            if (ctx.rs().notifyUp != null) {
                rep.error(s.at(), "notify_up script already specified - ignoring " + s.word(1));
            } else {
                ctx.rs().notifyUp = ctx.script(s, "notify");
            }
        });
        t.on("notify_down", s -> {
            if (ctx.rs().notifyDown != null) {
                rep.error(s.at(), "notify_down script already specified - ignoring " + s.word(1));
            } else {
                ctx.rs().notifyDown = ctx.script(s, "notify");
            }
        });
        t.on("alpha", s -> v.flag(s, 1).ifPresent(b -> ctx.rs().alpha = b));
        t.on("retry", s -> v.unsigned(s, 1, 1, VirtualServerKeywords.UINT_MAX).ifPresent(r -> ctx.rs().retry = (int) r));
        t.on("delay_before_retry", s -> v.lenientTimer(s, 1, Duration.ZERO, null).ifPresent(d -> ctx.rs().delayBeforeRetry = d));
        t.on("warmup", s -> v.lenientTimer(s, 1, Duration.ZERO, null).ifPresent(d -> ctx.rs().warmup = d));
        t.on("connect_timeout", s -> v.lenientTimer(s, 1, Values.MICROSECOND, null).ifPresent(d -> ctx.rs().connectTimeout = d));
        t.on("delay_loop", s -> v.lenientTimer(s, 1, Values.MICROSECOND, null).ifPresent(d -> ctx.rs().delayLoop = d));
        t.on("smtp_alert", s -> v.flag(s, 1).ifPresent(b -> ctx.rs().smtpAlert = b));
        t.on("virtualhost", s -> ctx.rs().virtualhost = v.text(s));
        t.on("snmp_name", s -> rep.warning(s.at(), "snmp_name is ignored: JLVS has no SNMP agent"));
        CheckerKeywords.install(t, ctx);
        return t;
    }
}

package org.jlvs.ha.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jlvs.admin.keepalived.Checker;
import org.jlvs.admin.keepalived.CheckerOptions;
import org.jlvs.admin.keepalived.DnsCheck;
import org.jlvs.admin.keepalived.FileCheck;
import org.jlvs.admin.keepalived.HttpCheck;
import org.jlvs.admin.keepalived.MiscCheck;
import org.jlvs.admin.keepalived.OtherCheck;
import org.jlvs.admin.keepalived.PingCheck;
import org.jlvs.admin.keepalived.RealServer;
import org.jlvs.admin.keepalived.SmtpCheck;
import org.jlvs.admin.keepalived.TcpCheck;
import org.jlvs.admin.keepalived.UdpCheck;
import org.jlvs.admin.keepalived.VirtualServer;

/** The running checker for a checker block, by its keyword. */
final class CheckerFactory {

    private CheckerFactory() {
    }

    @SuppressWarnings("unchecked")
    static HealthChecker<Object> create(Checker c, RealServer rs, VirtualServer vs, Scripts scripts,
                                        NativeProbes probes, TrackFiles files, Consumer<String> log) {
        warnUnsupported(c, rs, log);
        CheckerOptions o = c.options();
        HealthChecker<?> h = switch (c) {
            case TcpCheck t -> new TcpChecker(Target.of(o, rs), o);
            case HttpCheck http -> new HttpGetChecker(http, Target.of(o, rs),
                    rs.virtualhost() != null ? rs.virtualhost() : vs.virtualhost());
            case MiscCheck m -> new MiscChecker(m, scripts);
            case DnsCheck d -> new DnsChecker(d, Target.of(o, rs));
            case SmtpCheck s -> new SmtpChecker(s, endpoints(s, rs));
            case UdpCheck u -> new UdpChecker(u, Target.of(o, rs), probes);
            case PingCheck p -> new PingChecker(p, Target.of(o, rs), probes);
            case FileCheck f -> {
                // RunnableConfig has put the file's real path in
                java.nio.file.Path path = java.nio.file.Path.of(f.file().path());
                yield new FileChecker(files, path, probes.watcher().watch(path));
            }
            case OtherCheck other -> throw new IllegalArgumentException(other.keyword() + " is not run");
        };
        return (HealthChecker<Object>) h;
    }

    /** The real server (or the block's own connect_ip/connect_port), then each host block, unset values from the block. */
    static List<Target> endpoints(SmtpCheck s, RealServer rs) {
        CheckerOptions o = s.options();
        List<Target> out = new ArrayList<>();
        out.add(Target.of(o, rs));
        for (SmtpCheck.Host h : s.hosts()) {
            out.add(Target.of(h.connectIp() != null ? h.connectIp() : o.connectIp(),
                    h.connectPort() >= 0 ? h.connectPort() : o.connectPort(),
                    h.bindTo() != null ? h.bindTo() : o.bindTo(),
                    h.bindPort() != 0 ? h.bindPort() : o.bindPort(),
                    h.connectTimeout() != null ? h.connectTimeout() : o.connectTimeout(), rs));
        }
        return out;
    }

    /** Socket options the JDK cannot set: said once per checker, and the check runs without them. */
    private static void warnUnsupported(Checker c, RealServer rs, Consumer<String> log) {
        CheckerOptions o = c.options();
        if (o.fwmark() != 0) {
            log.accept(c.keyword() + " at " + c.at() + ": fwmark " + Integer.toUnsignedString(o.fwmark())
                    + " on checker packets is not supported by JLVS - checking without it");
        }
        if (o.bindIf() != null) {
            log.accept(c.keyword() + " at " + c.at() + ": bind_if " + o.bindIf()
                    + " is not supported by JLVS - checking without it");
        }
    }
}

package org.jlvs.admin.keepalived;

import java.util.List;
import java.util.Objects;

/**
 * Whether a checker in a reloaded file is the one that was running (keepalived's per-type
 * compare functions): the same keyword, the same connection (connect_ip/port, bindto/port,
 * bind_if, connect_timeout, fwmark) and the same type-specific settings. delay_loop, retry and
 * the like may change without losing the checker's state; where the block sits in the file
 * does not matter.
 */
final class SameChecker {

    private SameChecker() {
    }

    static boolean same(Checker a, Checker b) {
        if (!a.keyword().equals(b.keyword()) || !sameConnection(a.options(), b.options())) {
            return false;
        }
        return switch (a) {
            case TcpCheck t -> true;
            case HttpCheck h -> b instanceof HttpCheck o && Objects.equals(h.virtualhost(), o.virtualhost())
                    && sameUrls(h.urls(), o.urls());
            case MiscCheck m -> b instanceof MiscCheck o && m.script().argv().equals(o.script().argv())
                    && Objects.equals(m.script().user(), o.script().user())
                    && Objects.equals(m.script().group(), o.script().group());
            case DnsCheck d -> b instanceof DnsCheck o && Objects.equals(d.type(), o.type())
                    && Objects.equals(d.name(), o.name());
            case SmtpCheck s -> b instanceof SmtpCheck o && Objects.equals(s.heloName(), o.heloName())
                    && sameHosts(s.hosts(), o.hosts());
            case UdpCheck u -> true;  // keepalived's compare_udp_check looks at the connection only
            case PingCheck x -> true;
            case FileCheck f -> b instanceof FileCheck o && f.file().path().equals(o.file().path())
                    && f.weight() == o.weight() && f.reverse() == o.reverse();
            case OtherCheck x -> b instanceof OtherCheck o && sameSettings(x.settings(), o.settings());
        };
    }

    private static boolean sameConnection(CheckerOptions a, CheckerOptions b) {
        return Objects.equals(a.connectIp(), b.connectIp()) && a.connectPort() == b.connectPort()
                && Objects.equals(a.bindTo(), b.bindTo()) && a.bindPort() == b.bindPort()
                && Objects.equals(a.bindIf(), b.bindIf()) && Objects.equals(a.connectTimeout(), b.connectTimeout())
                && a.fwmark() == b.fwmark();
    }

    private static boolean sameUrls(List<HttpUrl> a, List<HttpUrl> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            HttpUrl x = a.get(i);
            HttpUrl y = b.get(i);
            if (!x.path().equals(y.path()) || !Objects.equals(x.digest(), y.digest())
                    || !x.statusCodes().equals(y.statusCodes()) || !Objects.equals(x.virtualhost(), y.virtualhost())
                    || !Objects.equals(x.regex(), y.regex()) || x.regexNoMatch() != y.regexNoMatch()) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameHosts(List<SmtpCheck.Host> a, List<SmtpCheck.Host> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            SmtpCheck.Host x = a.get(i);
            SmtpCheck.Host y = b.get(i);
            if (!Objects.equals(x.connectIp(), y.connectIp()) || x.connectPort() != y.connectPort()
                    || !Objects.equals(x.bindTo(), y.bindTo()) || x.bindPort() != y.bindPort()
                    || !Objects.equals(x.bindIf(), y.bindIf()) || !Objects.equals(x.connectTimeout(), y.connectTimeout())
                    || x.fwmark() != y.fwmark()) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameSettings(List<Setting> a, List<Setting> b) {
        return a.stream().map(SameChecker::text).toList().equals(b.stream().map(SameChecker::text).toList());
    }

    private static String text(Setting s) {
        return s.keyword() + " " + String.join(" ", s.args());
    }
}

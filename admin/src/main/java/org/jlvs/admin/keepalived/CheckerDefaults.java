package org.jlvs.admin.keepalived;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a checker block into its record, with keepalived's inheritance: a value not set on the
 * checker comes from its real server (which already took the virtual server's), else from the
 * checker type's default (retry: 1, MISC_CHECK 0, DNS_CHECK 3; delay_before_retry: 1 s,
 * HTTP_GET/SSL_GET 3 s, DNS_CHECK its delay_loop; warmup: the delay_loop).
 */
final class CheckerDefaults {

    private CheckerDefaults() {
    }

    static Checker build(CheckerBuilder c, RsBuilder rs, VsBuilder vs) {
        CheckerOptions o = options(c, rs);
        return switch (c.keyword) {
            case "TCP_CHECK" -> new TcpCheck(c.at, o);
            case "HTTP_GET", "SSL_GET" -> new HttpCheck(c.at, c.keyword.equals("SSL_GET"), o, urls(c), c.httpProtocol,
                    c.virtualhost, c.fastRecovery, c.enableSni, c.sniName, c.tlsCompliant);
            case "MISC_CHECK" -> new MiscCheck(c.at, o, script(c),
                    c.miscTimeout == null || c.miscTimeout.isZero() ? vs.delayLoop : c.miscTimeout, c.dynamic);
            case "DNS_CHECK" -> new DnsCheck(c.at, o, c.dnsType, c.dnsName);
            case "SMTP_CHECK" -> new SmtpCheck(c.at, o, c.heloName, c.hosts);
            case "UDP_CHECK" -> new UdpCheck(c.at, o, c.payload, c.requireReply, c.reply, c.minReplyLength,
                    c.maxReplyLength);
            case "PING_CHECK" -> new PingCheck(c.at, o);
            case "FILE_CHECK" -> new FileCheck(c.at, new CheckerOptions(null, -1, null, 0, null, null, 0, o.retry(),
                    o.delayLoop(), o.delayBeforeRetry(), Duration.ZERO, false, false),  // no alpha, nothing to time
                    c.trackFile, c.fileWeight != null ? c.fileWeight : c.trackFile.weight(),
                    c.fileWeight != null ? c.fileReverse : c.trackFile.reverse());
            default -> new OtherCheck(c.at, c.keyword, o, c.settings);
        };
    }

    private static CheckerOptions options(CheckerBuilder c, RsBuilder rs) {
        boolean connection = !c.keyword.equals("MISC_CHECK") && !c.keyword.equals("FILE_CHECK")
                && !c.keyword.equals("BFD_CHECK");
        int defaultRetry = switch (c.keyword) {
            case "MISC_CHECK" -> 0;
            case "DNS_CHECK" -> 3;
            default -> 1;
        };
        Duration defaultDelayBeforeRetry = switch (c.keyword) {
            case "HTTP_GET", "SSL_GET" -> Duration.ofSeconds(3);
            case "DNS_CHECK" -> null;
            default -> Duration.ofSeconds(1);
        };
        Duration delayLoop = or(c.delayLoop, rs.delayLoop);
        int retry = c.retry != null ? c.retry : rs.retry != null ? rs.retry : defaultRetry;
        Duration warmup = or(c.warmup, or(rs.warmup, delayLoop));
        Duration delayBeforeRetry = or(c.delayBeforeRetry, or(rs.delayBeforeRetry, or(defaultDelayBeforeRetry, delayLoop)));
        boolean alpha = c.alpha != null ? c.alpha : rs.alpha;
        if (!connection) {
            return new CheckerOptions(null, -1, null, 0, null, null, 0, retry, delayLoop, delayBeforeRetry, warmup,
                    alpha, c.logAllFailures);
        }
        return new CheckerOptions(c.connectIp, c.connectPort, c.bindTo, c.bindPort, c.bindIf,
                or(c.connectTimeout, rs.connectTimeout), c.fwmark, retry, delayLoop, delayBeforeRetry, warmup,
                alpha, c.logAllFailures);
    }

    private static Duration or(Duration d, Duration other) {
        return d != null ? d : other;
    }

    private static List<HttpUrl> urls(CheckerBuilder c) {
        List<HttpUrl> out = new ArrayList<>();
        for (CheckerBuilder.UrlBuilder u : c.urls) {
            out.add(new HttpUrl(u.at, u.path, u.digest, u.statusCodes, u.virtualhost, u.regex, u.regexNoMatch,
                    u.regexSettings));
        }
        return out;
    }

    /** A {@code user} line in the block takes precedence over user/group written after misc_path. */
    private static Script script(CheckerBuilder c) {
        Script s = c.script;
        if (c.user == null) {
            return s;
        }
        return new Script(s.command(), s.argv(), c.user, c.group);
    }
}

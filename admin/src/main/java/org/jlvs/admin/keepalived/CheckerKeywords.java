package org.jlvs.admin.keepalived;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/** The checker blocks of a real server (keepalived's check_api.c and check_*.c parsers). */
final class CheckerKeywords {
    private static final Set<String> DNS_TYPES = Set.of("A", "NS", "CNAME", "SOA", "MX", "TXT", "AAAA");
    private static final Set<String> HTTP_PROTOCOLS = Set.of("1.0", "1.0C", "1.1");
    /** Checkers JLVS reads but has no prober for yet. */
    private static final Set<String> NOT_RUN = Set.of("BFD_CHECK");
    /** keepalived's IPVS_WEIGHT_LIMIT: a FILE_CHECK weight is within plus or minus this. */
    private static final long FILE_WEIGHT_LIMIT = Integer.MAX_VALUE;

    private CheckerKeywords() {
    }

    /** Adds every checker keyword to the real-server table. */
    static void install(KeywordTable rs, ParseContext ctx) {
        KeywordTable tcp = common(new KeywordTable(), ctx, true);
        checker(rs, ctx, "TCP_CHECK", tcp);

        KeywordTable http = http(ctx);
        checker(rs, ctx, "HTTP_GET", http);
        checker(rs, ctx, "SSL_GET", http);

        KeywordTable misc = common(new KeywordTable(), ctx, false);
        misc.on("misc_path", s -> ctx.checker.script = ctx.script(s, "misc"));
        misc.on("misc_timeout", s -> ctx.values.unsigned(s, 1, 0, VirtualServerKeywords.UINT_MAX / 1_000_000)
                .ifPresent(t -> ctx.checker.miscTimeout = Duration.ofSeconds(t)));
        misc.on("misc_dynamic", s -> ctx.checker.dynamic = true);
        misc.on("user", s -> {
            if (s.size() < 2) {
                ctx.rep.error(s.at(), "No user specified for misc checker script");
                return;
            }
            ctx.checker.user = s.word(1);
            ctx.checker.group = s.word(2);
        });
        checker(rs, ctx, "MISC_CHECK", misc);

        KeywordTable dns = common(new KeywordTable(), ctx, true);
        dns.on("type", s -> {
            String type = s.word(1) == null ? "" : s.word(1).toUpperCase(Locale.ROOT);
            if (DNS_TYPES.contains(type)) {
                ctx.checker.dnsType = type;
            } else {
                ctx.rep.error(s.at(), "DNS_CHECK: unknown type '" + s.word(1) + "' - ignoring");
            }
        });
        dns.on("name", s -> ctx.checker.dnsName = ctx.values.text(s));
        checker(rs, ctx, "DNS_CHECK", dns);

        KeywordTable smtp = common(new KeywordTable(), ctx, true);
        smtp.on("helo_name", s -> ctx.checker.heloName = ctx.values.text(s));
        KeywordTable host = connection(new KeywordTable(), ctx, () -> ctx.smtpHost);
        smtp.block("host", s -> ctx.smtpHost = new CheckerBuilder("host", s.at()), host, () -> {
            CheckerBuilder h = ctx.smtpHost;
            ctx.checker.hosts.add(new SmtpCheck.Host(h.at, h.connectIp, h.connectPort, h.bindTo, h.bindPort,
                    h.bindIf, h.connectTimeout, h.fwmark));
        });
        checker(rs, ctx, "SMTP_CHECK", smtp);

        checker(rs, ctx, "UDP_CHECK", udp(ctx));
        checker(rs, ctx, "PING_CHECK", common(new KeywordTable(), ctx, true));
        checker(rs, ctx, "FILE_CHECK", file(ctx));
        checker(rs, ctx, "BFD_CHECK", kept(common(new KeywordTable(), ctx, false), ctx, "name", "weight"));
    }

    private static void checker(KeywordTable rs, ParseContext ctx, String keyword, KeywordTable body) {
        rs.block(keyword, s -> {
            ctx.checker = new CheckerBuilder(keyword, s.at());
            ctx.rs().checkers.add(ctx.checker);
            if (NOT_RUN.contains(keyword)) {
                ctx.rep.warning(s.at(), keyword + " is read but JLVS does not run it yet");
            }
        }, body, () -> close(ctx));
    }

    /** End of a checker block: keepalived drops a checker it cannot run. */
    private static void close(ParseContext ctx) {
        CheckerBuilder c = ctx.checker;
        switch (c.keyword) {
            case "HTTP_GET", "SSL_GET" -> {
                if (c.urls.isEmpty()) {
                    ctx.rep.error(c.at, c.keyword + " has no url with a path - checker ignored");
                    c.dropped = true;
                }
            }
            case "UDP_CHECK" -> {
                if (c.minReplyLength > c.maxReplyLength) {
                    ctx.rep.error(c.at, "UDP_CHECK min_reply length " + c.minReplyLength + " > max_reply_length "
                            + c.maxReplyLength + " - will always fail");
                }
            }
            case "FILE_CHECK" -> {
                if (c.trackFile == null) {
                    ctx.rep.error(c.at, "FILE_CHECK has no track_file specified - ignoring");
                    c.dropped = true;
                }
            }
            case "MISC_CHECK" -> {
                if (c.script == null) {
                    ctx.rep.error(c.at, "No script path has been specified for MISC_CHECKER - skipping");
                    c.dropped = true;
                }
            }
            default -> {
            }
        }
        if (c.dropped) {
            ctx.rs().checkers.remove(c);
        }
    }

    /** The options of every checker; the connection ones only where there is a connection. */
    private static KeywordTable common(KeywordTable t, ParseContext ctx, boolean connection) {
        Values v = ctx.values;
        if (connection) {
            connection(t, ctx, () -> ctx.checker);
        }
        t.on("retry", s -> v.unsigned(s, 1, 0, VirtualServerKeywords.UINT_MAX).ifPresent(r -> ctx.checker.retry = (int) r));
        t.on("delay_before_retry", s -> v.timer(s, 1, Duration.ZERO, null).ifPresent(d -> ctx.checker.delayBeforeRetry = d));
        t.on("warmup", s -> v.timer(s, 1, Duration.ZERO, null).ifPresent(d -> ctx.checker.warmup = d));
        t.on("delay_loop", s -> v.timer(s, 1, Values.MICROSECOND, null).ifPresent(d -> ctx.checker.delayLoop = d));
        t.on("alpha", s -> v.flag(s, 1).ifPresent(b -> ctx.checker.alpha = b));
        t.on("log_all_failures", s -> v.flag(s, 1).ifPresent(b -> ctx.checker.logAllFailures = b));
        return t;
    }

    /** Where a checker (or an SMTP host) connects from and to. */
    private static KeywordTable connection(KeywordTable t, ParseContext ctx, Supplier<CheckerBuilder> target) {
        Values v = ctx.values;
        t.on("connect_ip", s -> target.get().connectIp = v.address(s, 1));
        t.on("connect_port", s -> v.unsigned(s, 1, 0, 65535).ifPresent(p -> target.get().connectPort = (int) p));
        t.on("bindto", s -> target.get().bindTo = v.address(s, 1));
        t.on("bind_port", s -> v.unsigned(s, 1, 1, 65535).ifPresent(p -> target.get().bindPort = (int) p));
        t.on("bind_if", s -> target.get().bindIf = s.word(1));
        t.on("connect_timeout", s -> v.timer(s, 1, Values.MICROSECOND, null).ifPresent(d -> target.get().connectTimeout = d));
        t.on("fwmark", s -> v.unsigned(s, 1, 0, VirtualServerKeywords.UINT_MAX).ifPresent(m -> target.get().fwmark = (int) m));
        return t;
    }

    /** Keywords of checkers JLVS does not run yet, kept as written. */
    private static KeywordTable kept(KeywordTable t, ParseContext ctx, String... names) {
        for (String n : names) {
            t.on(n, s -> ctx.checker.settings.add(new Setting(s.at(), s.keyword(), s.words().subList(1, s.size()))));
        }
        return t;
    }

    /** FILE_CHECK's two keywords (and none of the other checkers'): the track file and its weight here. */
    private static KeywordTable file(ParseContext ctx) {
        KeywordTable t = new KeywordTable();
        t.on("track_file", s -> {
            TrackFile f = null;
            for (TrackFile tf : ctx.trackFiles) {
                if (tf.name().equals(s.word(1))) {
                    f = tf;
                    break;
                }
            }
            if (f == null) {
                ctx.rep.error(s.at(), "track_file " + s.word(1) + " not found");
            } else {
                ctx.checker.trackFile = f;
            }
        });
        t.on("weight", s -> {
            if (s.size() < 2) {
                ctx.rep.error(s.at(), "track file weight missing");
                return;
            }
            OptionalLong w = Values.parseSigned(s.word(1));
            if (w.isEmpty() || Math.abs(w.getAsLong()) > FILE_WEIGHT_LIMIT) {
                ctx.rep.error(s.at(), "weight for track file must be in [" + -FILE_WEIGHT_LIMIT + ".." + FILE_WEIGHT_LIMIT
                        + "] inclusive. Ignoring...");
                return;
            }
            boolean reverse = false;
            if (s.size() > 2) {
                if (s.word(2).equals("reverse")) {
                    reverse = true;
                } else if (!s.word(2).equals("noreverse")) {
                    ctx.rep.error(s.at(), "unknown track file weight option " + s.word(2) + " - ignoring");
                    return;
                }
            }
            ctx.checker.fileWeight = (int) w.getAsLong();
            ctx.checker.fileReverse = reverse;
        });
        return t;
    }

    /** UDP_CHECK's own keywords: hex payload and expected reply, the reply's length bounds. */
    private static KeywordTable udp(ParseContext ctx) {
        KeywordTable t = common(new KeywordTable(), ctx, true);
        t.on("payload", s -> {
            if (s.size() < 2) {
                ctx.rep.error(s.at(), "UDP_CHECK payload requires a payload");
                return;
            }
            HexBytes h = HexBytes.parse(String.join(" ", s.words().subList(1, s.size())), false);
            if (h == null) {
                ctx.rep.error(s.at(), "Invalid hex string for UDP_CHECK payload");
            } else {
                ctx.checker.payload = h;
            }
        });
        t.on("require_reply", s -> {
            ctx.checker.requireReply = true;
            if (s.size() < 2) {
                return;
            }
            HexBytes h = HexBytes.parse(String.join(" ", s.words().subList(1, s.size())), true);
            if (h == null) {
                ctx.rep.error(s.at(), "Invalid hex string for UDP_CHECK reply");
            } else {
                ctx.checker.reply = h;
            }
        });
        t.on("min_reply_length", s -> replyLength(ctx, s, "min").ifPresent(n -> ctx.checker.minReplyLength = n));
        t.on("max_reply_length", s -> replyLength(ctx, s, "max").ifPresent(n -> ctx.checker.maxReplyLength = n));
        return t;
    }

    private static java.util.OptionalInt replyLength(ParseContext ctx, Stmt s, String which) {
        OptionalLong n = s.word(1) == null ? OptionalLong.empty() : Values.parseUnsigned(s.word(1));
        if (n.isEmpty() || n.getAsLong() > 65535) {
            ctx.rep.error(s.at(), "UDP_CHECK " + which + " length " + s.word(1) + " not valid - must be between 0 & 65535");
            return java.util.OptionalInt.empty();
        }
        return java.util.OptionalInt.of((int) n.getAsLong());
    }

    private static KeywordTable http(ParseContext ctx) {
        Values v = ctx.values;
        Reporter rep = ctx.rep;
        KeywordTable t = common(new KeywordTable(), ctx, true);
        t.on("nb_get_retry", s -> {
            rep.warning(s.at(), "nb_get_retry is deprecated - please use 'retry'");
            v.unsigned(s, 1, 0, VirtualServerKeywords.UINT_MAX).ifPresent(r -> ctx.checker.retry = (int) r);
        });
        t.on("virtualhost", s -> ctx.checker.virtualhost = v.text(s));
        t.on("http_protocol", s -> {
            if (s.word(1) != null && HTTP_PROTOCOLS.contains(s.word(1))) {
                ctx.checker.httpProtocol = s.word(1);
            } else {
                rep.error(s.at(), "Invalid http_protocol '" + s.word(1) + "' - ignoring");
            }
        });
        t.on("fast_recovery", s -> v.flag(s, 1).ifPresent(b -> ctx.checker.fastRecovery = b));
        t.on("enable_sni", s -> v.flag(s, 1).ifPresent(b -> ctx.checker.enableSni = b));
        t.on("sni_name", s -> ctx.checker.sniName = v.text(s));
        t.on("tls_compliant", s -> v.flag(s, 1).ifPresent(b -> ctx.checker.tlsCompliant = b));

        KeywordTable url = new KeywordTable();
        url.on("path", s -> ctx.url.path = v.text(s));
        url.on("digest", s -> {
            String d = s.word(1);
            if (d == null || d.length() != 32 || !isHex(d)) {
                rep.error(s.at(), "digest '" + d + "' is not 32 hex characters - ignoring");
                return;
            }
            ctx.url.digest = d.toLowerCase(Locale.ROOT);
        });
        url.on("status_code", s -> statusCodes(ctx, s));
        url.on("virtualhost", s -> ctx.url.virtualhost = v.text(s));
        url.on("regex", s -> ctx.url.regex = v.text(s));
        url.on("regex_no_match", s -> ctx.url.regexNoMatch = true);
        for (String n : new String[] {"regex_options", "regex_stack", "regex_min_offset", "regex_max_offset"}) {
            url.on(n, s -> ctx.url.regexSettings.add(new Setting(s.at(), s.keyword(), s.words().subList(1, s.size()))));
        }
        t.block("url", s -> ctx.url = new CheckerBuilder.UrlBuilder(s.at()), url, () -> {
            CheckerBuilder.UrlBuilder u = ctx.url;
            if (u.path == null) {
                rep.error(u.at, "url has no path - ignoring");
                return;
            }
            if (u.statusCodes.isEmpty()) {
                u.statusCodes.add(new HttpUrl.StatusRange(200, 299));
            }
            ctx.checker.urls.add(u);
        });
        return t;
    }

    /** {@code status_code 200 301-302 ...}. */
    private static void statusCodes(ParseContext ctx, Stmt s) {
        for (int i = 1; i < s.size(); i++) {
            String w = s.word(i);
            int dash = w.indexOf('-');
            OptionalLong from = Values.parseUnsigned(dash < 0 ? w : w.substring(0, dash));
            OptionalLong to = dash < 0 ? from : Values.parseUnsigned(w.substring(dash + 1));
            if (from.isEmpty() || to.isEmpty() || from.getAsLong() < 100 || to.getAsLong() > 599
                    || from.getAsLong() > to.getAsLong()) {
                ctx.rep.error(s.at(), "Invalid HTTP_GET status code '" + w + "' - ignoring");
                continue;
            }
            ctx.url.statusCodes.add(new HttpUrl.StatusRange((int) from.getAsLong(), (int) to.getAsLong()));
        }
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!HexFormat.isHexDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

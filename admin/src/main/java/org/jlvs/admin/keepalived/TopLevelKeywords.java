package org.jlvs.admin.keepalived;

import java.util.List;

/**
 * The keywords allowed at the top of a keepalived.conf, as the checker process of keepalived
 * sees them: its own blocks are read, the VRRP, BFD and static-address blocks belong to other
 * processes and are skipped with their block (one warning each: the failover work reads them).
 */
final class TopLevelKeywords {
    private static final List<String> OTHER_PROCESS_BLOCKS = List.of(
            "vrrp_instance", "vrrp_sync_group", "vrrp_script",
            "vrrp_track_process", "track_process", "static_ipaddress", "static_routes", "static_rules",
            "static_track_group", "garp_group", "linkbeat_interfaces", "bfd_instance");
    /** Parent-process settings allowed outside global_defs. */
    private static final List<String> PARENT_SETTINGS = List.of(
            "net_namespace", "net_namespace_ipvs", "namespace_with_ipsets", "instance", "use_pid_dir",
            "linkbeat_use_polling");

    private TopLevelKeywords() {
    }

    static KeywordTable table(ParseContext ctx) {
        KeywordTable t = new KeywordTable();
        t.block("global_defs", null, ctx.global.table(ctx), null);
        t.on("virtual_server_group", s -> GroupReader.read(ctx, s));
        t.block("virtual_server", s -> VirtualServerKeywords.open(ctx, s), VirtualServerKeywords.table(ctx),
                () -> VirtualServerKeywords.close(ctx));
        t.block("SSL", s -> {
            if (ctx.ssl != null) {
                ctx.rep.error(s.at(), "SSL context already specified - replacing");
            }
            ctx.ssl = new ParseContext.SslReader(s.at());
        }, ssl(ctx), null);
        TrackFileReader.install(t, ctx);
        for (String name : OTHER_PROCESS_BLOCKS) {
            t.inactive(name, s -> ctx.rep.warning(s.at(), String.join(" ", s.words())
                    + ": not read by JLVS yet - block skipped"));
        }
        for (String name : PARENT_SETTINGS) {
            t.on(name, s -> ctx.rep.warning(s.at(), "'" + s.keyword() + "' is not supported by JLVS - ignored"));
        }
        return t;
    }

    private static KeywordTable ssl(ParseContext ctx) {
        KeywordTable t = new KeywordTable();
        t.on("password", s -> ctx.ssl.password = ctx.values.text(s));
        t.on("ca", s -> ctx.ssl.ca = ctx.values.text(s));
        t.on("certificate", s -> ctx.ssl.certificate = ctx.values.text(s));
        t.on("key", s -> ctx.ssl.key = ctx.values.text(s));
        return t;
    }
}

package org.jlvs.admin.keepalived;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import org.jlvs.core.model.IpAddress;

/**
 * Reads {@code global_defs}: the load-balancing keywords into typed fields, the SMTP alert ones
 * too (JLVS does not send mail yet, which is said once per line), and every other keepalived
 * global keyword as a {@link Setting}, with a warning that JLVS keeps it without using it.
 */
final class GlobalDefsReader {
    /** LVS_MAX_TIMEOUT: 31 days. */
    static final long MAX_TIMEOUT = 86400L * 31;

    /** keepalived global_defs keywords that JLVS keeps as written (VRRP, SNMP, process and namespace tuning). */
    private static final Set<String> KEPT = Set.of(
            "vrrp_mcast_group4", "vrrp_mcast_group6", "vrrp_garp_master_delay", "vrrp_garp_master_repeat",
            "vrrp_garp_lower_prio_delay", "vrrp_garp_lower_prio_repeat", "vrrp_garp_master_refresh",
            "vrrp_garp_master_refresh_repeat", "vrrp_garp_interval", "vrrp_gna_interval", "vrrp_min_garp",
            "vrrp_lower_prio_no_advert", "vrrp_higher_prio_send_advert", "vrrp_version", "vrrp_iptables",
            "vrrp_ipsets", "vrrp_nftables", "vrrp_nftables_priority", "vrrp_nftables_ifindex",
            "vrrp_check_unicast_src", "vrrp_skip_check_adv_addr", "vrrp_strict", "vrrp_priority",
            "checker_priority", "bfd_priority", "vrrp_no_swap", "checker_no_swap", "bfd_no_swap",
            "vrrp_rt_priority", "checker_rt_priority", "bfd_rt_priority", "vrrp_rlimit_rttime",
            "vrrp_rlimit_rtime", "checker_rlimit_rttime", "checker_rlimit_rtime", "bfd_rlimit_rttime",
            "bfd_rlimit_rtime", "snmp_socket", "enable_snmp_keepalived", "enable_snmp_vrrp",
            "enable_snmp_checker", "enable_snmp_rfc", "enable_snmp_rfcv2", "enable_snmp_rfcv3", "enable_traps",
            "enable_dbus", "dbus_service_name", "process_names", "process_name", "vrrp_process_name",
            "checker_process_name", "lvs_process_name", "bfd_process_name", "vrrp_netlink_cmd_rcv_bufs",
            "vrrp_netlink_cmd_rcv_bufs_force", "vrrp_netlink_monitor_rcv_bufs",
            "vrrp_netlink_monitor_rcv_bufs_force", "lvs_netlink_cmd_rcv_bufs", "lvs_netlink_cmd_rcv_bufs_force",
            "lvs_netlink_monitor_rcv_bufs", "lvs_netlink_monitor_rcv_bufs_force", "process_monitor_rcv_bufs",
            "process_monitor_rcv_bufs_force", "no_checker_emails", "vrrp_rx_bufs_policy",
            "vrrp_rx_bufs_multiplier", "vrrp_startup_delay", "vrrp_log_unknown_vrids", "log_unknown_vrids",
            "random_seed", "reload_check_config", "reload_time_file", "reload_repeat", "reload_file",
            "config_save_dir", "data_use_instance", "umask", "state_dump_file", "stats_dump_file",
            "json_dump_file", "tmp_config_directory", "max_auto_priority", "min_auto_priority_delay",
            "dynamic_interfaces", "no_email_faults", "vrrp_garp_extra_if", "vrrp_notify_fifo",
            "vrrp_notify_fifo_script", "smtp_alert_vrrp",
            "default_interface", "instance", "net_namespace", "net_namespace_ipvs", "namespace_with_ipsets",
            "use_pid_dir", "linkbeat_use_polling", "nftables", "nftables_counters", "nftables_ifindex",
            "ipvs_nf_table_name", "nf_table_name", "fifo_write_vrrp_states_on_reload", "startup_script",
            "startup_script_timeout", "shutdown_script", "shutdown_script_timeout",
            "vrrp_owner_ignore_adverts", "disable_local_igmp", "vrrp_notify_priority_changes",
            "child_wait_time", "vrrp_cpu_affinity", "checker_cpu_affinity", "bfd_cpu_affinity");

    String routerId;
    final List<String> notificationEmails = new ArrayList<>();
    String notificationEmailFrom;
    String smtpServer;
    String smtpHeloName;
    Duration smtpConnectTimeout;
    Boolean smtpAlert;
    Boolean smtpAlertChecker;
    boolean checkerLogAllFailures;
    String scriptUser;
    String scriptGroup;
    boolean enableScriptSecurity;
    LvsTimeouts lvsTimeouts;
    SyncDaemonConfig lvsSyncDaemon;
    boolean lvsFlush;
    GlobalDefs.FlushOnStop lvsFlushOnStop = GlobalDefs.FlushOnStop.NO;
    String lvsNotifyFifo;
    String notifyFifo;
    Script lvsNotifyFifoScript;
    Script notifyFifoScript;
    boolean rsInitNotifies;
    final List<Setting> others = new ArrayList<>();

    GlobalDefs build() {
        return new GlobalDefs(routerId, notificationEmails, notificationEmailFrom, smtpServer, smtpHeloName,
                smtpConnectTimeout, smtpAlert, smtpAlertChecker, checkerLogAllFailures, scriptUser, scriptGroup,
                enableScriptSecurity, lvsTimeouts, lvsSyncDaemon, lvsFlush, lvsFlushOnStop, lvsNotifyFifo,
                notifyFifo, lvsNotifyFifoScript, notifyFifoScript, rsInitNotifies, others);
    }

    KeywordTable table(ParseContext ctx) {
        Values v = ctx.values;
        Reporter rep = ctx.rep;
        KeywordTable t = new KeywordTable();
        t.on("router_id", s -> routerId = v.text(s));
        t.on("lvs_id", s -> {
            rep.warning(s.at(), "lvs_id is the old name of router_id");
            routerId = v.text(s);
        });
        t.on("notification_email", s -> {
            noMail(rep, s);
            ctx.blocks.valueBlock(s, 1, e -> notificationEmails.addAll(e.words()));
        });
        t.on("notification_email_from", s -> {
            noMail(rep, s);
            notificationEmailFrom = v.text(s);
        });
        t.on("smtp_server", s -> {
            noMail(rep, s);
            smtpServer = v.text(s);
        });
        t.on("smtp_helo_name", s -> {
            noMail(rep, s);
            smtpHeloName = v.text(s);
        });
        t.on("smtp_connect_timeout", s -> {
            noMail(rep, s);
            v.timer(s, 1, Duration.ofSeconds(1), null).ifPresent(d -> smtpConnectTimeout = d);
        });
        t.on("smtp_alert", s -> {
            noMail(rep, s);
            v.flag(s, 1).ifPresent(b -> smtpAlert = b);
        });
        t.on("smtp_alert_checker", s -> {
            noMail(rep, s);
            v.flag(s, 1).ifPresent(b -> smtpAlertChecker = b);
        });
        t.on("checker_log_all_failures", s -> v.flag(s, 1).ifPresent(b -> checkerLogAllFailures = b));
        t.on("script_user", s -> {
            scriptUser = s.word(1);
            scriptGroup = s.word(2);
            if (scriptUser == null) {
                rep.error(s.at(), "script_user: missing user");
            }
        });
        t.on("enable_script_security", s -> enableScriptSecurity = true);
        t.on("lvs_timeouts", s -> timeouts(s, rep, v));
        t.on("lvs_sync_daemon", s -> syncDaemon(s, rep, v));
        t.on("lvs_flush", s -> lvsFlush = true);
        for (String name : List.of("lvs_flush_on_stop", "lvs_flush_onstop")) {
            t.on(name, s -> {
                if (s.word(1) == null) {
                    lvsFlushOnStop = GlobalDefs.FlushOnStop.FULL;
                } else if (s.word(1).equals("VS")) {
                    lvsFlushOnStop = GlobalDefs.FlushOnStop.VS;
                } else {
                    rep.error(s.at(), "Unknown lvs_flush_on_stop type " + s.word(1));
                }
            });
        }
        t.on("lvs_notify_fifo", s -> lvsNotifyFifo = s.word(1));
        t.on("notify_fifo", s -> notifyFifo = s.word(1));
        t.on("lvs_notify_fifo_script", s -> lvsNotifyFifoScript = ctx.script(s, "lvs_notify_fifo"));
        t.on("notify_fifo_script", s -> notifyFifoScript = ctx.script(s, "notify_fifo"));
        t.on("rs_init_notifies", s -> rsInitNotifies = true);
        for (String name : KEPT) {
            t.on(name, s -> {
                others.add(new Setting(s.at(), s.keyword(), s.words().subList(1, s.size())));
                rep.warning(s.at(), "'" + s.keyword() + "' is kept but not used by JLVS yet");
            });
        }
        return t;
    }

    private static void noMail(Reporter rep, Stmt s) {
        rep.warning(s.at(), "'" + s.keyword() + "' is kept, but JLVS does not send SMTP alerts yet");
    }

    /** {@code lvs_timeouts [tcp S] [tcpfin S] [udp S]}. */
    private void timeouts(Stmt s, Reporter rep, Values v) {
        int tcp = 0;
        int tcpFin = 0;
        int udp = 0;
        for (int i = 1; i < s.size(); i += 2) {
            String what = s.word(i);
            if (!what.equals("tcp") && !what.equals("tcpfin") && !what.equals("udp")) {
                rep.error(s.at(), "Unknown option " + what + " specified for lvs_timeouts");
                i--;
                continue;
            }
            OptionalLong val = v.unsigned(s, i + 1, 0, MAX_TIMEOUT);
            if (val.isEmpty()) {
                continue;
            }
            int sec = (int) val.getAsLong();
            switch (what) {
                case "tcp" -> tcp = sec;
                case "tcpfin" -> tcpFin = sec;
                default -> udp = sec;
            }
        }
        lvsTimeouts = new LvsTimeouts(tcp, tcpFin, udp);
    }

    /** {@code lvs_sync_daemon IFACE [[inst] NAME] [id N] [maxlen N] [port N] [ttl N] [group ADDR]}, or the old {@code IFACE NAME SYNCID}. */
    private void syncDaemon(Stmt s, Reporter rep, Values v) {
        String iface = s.word(1);
        if (iface == null) {
            rep.error(s.at(), "lvs_sync_daemon requires interface");
            return;
        }
        String instance = null;
        int syncId = -1;
        int maxLen = 0;
        int port = 0;
        int ttl = 0;
        IpAddress group = null;
        Set<String> options = Set.of("id", "maxlen", "port", "ttl", "group", "inst");
        for (int i = 2; i < s.size(); i++) {
            String w = s.word(i);
            switch (w) {
                case "inst" -> instance = s.word(++i);
                case "id" -> syncId = (int) v.unsigned(s, ++i, 0, 255).orElse(syncId);
                case "maxlen" -> maxLen = (int) v.unsigned(s, ++i, 1, 65535 - 20 - 8).orElse(maxLen);
                case "port" -> port = (int) v.unsigned(s, ++i, 1, 65535).orElse(port);
                case "ttl" -> ttl = (int) v.unsigned(s, ++i, 1, 255).orElse(ttl);
                case "group" -> group = v.address(s, ++i);
                default -> {
                    if (i == 2 && !options.contains(w)) {
                        instance = w;
                    } else if (i == 3 && Values.parseUnsigned(w).isPresent()) {
                        syncId = (int) v.unsigned(s, i, 0, 255).orElse(syncId);  // the old positional syncid
                    } else {
                        rep.error(s.at(), "Unknown option " + w + " specified for lvs_sync_daemon");
                    }
                }
            }
        }
        lvsSyncDaemon = new SyncDaemonConfig(s.at(), iface, instance, syncId, maxLen, port, ttl, group);
    }
}

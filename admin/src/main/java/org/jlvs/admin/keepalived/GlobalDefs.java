package org.jlvs.admin.keepalived;

import java.time.Duration;
import java.util.List;

/**
 * What {@code global_defs} says that concerns load balancing, plus every other recognised
 * keyword kept as written in {@code others} (VRRP defaults, SNMP, process tuning...).
 *
 * @param smtpAlert        {@code smtp_alert}, or null when not given
 * @param smtpAlertChecker {@code smtp_alert_checker}, or null when not given
 * @param lvsTimeouts      null when not given
 * @param lvsSyncDaemon    null when not given
 */
public record GlobalDefs(String routerId, List<String> notificationEmails, String notificationEmailFrom,
                         String smtpServer, String smtpHeloName, Duration smtpConnectTimeout,
                         Boolean smtpAlert, Boolean smtpAlertChecker, boolean checkerLogAllFailures,
                         String scriptUser, String scriptGroup, boolean enableScriptSecurity,
                         LvsTimeouts lvsTimeouts, SyncDaemonConfig lvsSyncDaemon,
                         boolean lvsFlush, FlushOnStop lvsFlushOnStop, String lvsNotifyFifo, String notifyFifo,
                         Script lvsNotifyFifoScript, Script notifyFifoScript, boolean rsInitNotifies, List<Setting> others) {

    /** {@code lvs_flush_on_stop [VS]}: how the table goes at shutdown. */
    public enum FlushOnStop {
        /** Entries are deleted one by one (the default). */
        NO,
        /** The whole table is flushed. */
        FULL,
        /** Each virtual server is deleted with its real servers. */
        VS
    }

    public GlobalDefs {
        notificationEmails = List.copyOf(notificationEmails);
        others = List.copyOf(others);
    }
}

package org.jlvs.admin.keepalived;

import java.time.Duration;
import java.util.List;

import org.jlvs.core.model.IpAddress;

/**
 * {@code SMTP_CHECK}: expect 220, HELO, expect 250, QUIT, expect 221. The legacy {@code host}
 * sub-blocks are extra endpoints, each of which must pass.
 *
 * @param heloName the HELO argument, smtpchecker.keepalived.org by default
 */
public record SmtpCheck(Origin at, CheckerOptions options, String heloName, List<Host> hosts) implements Checker {

    /** A {@code host { connect_ip ..; connect_port ..; bindto .. }} block; unset values are null / -1 / 0. */
    public record Host(Origin at, IpAddress connectIp, int connectPort, IpAddress bindTo, int bindPort,
                       String bindIf, Duration connectTimeout, int fwmark) {
    }

    public SmtpCheck {
        hosts = List.copyOf(hosts);
    }

    @Override
    public String keyword() {
        return "SMTP_CHECK";
    }
}

package org.jlvs.admin.keepalived;

/** One health-check block of a real server. A real server is alive when none of its checkers is down. */
public sealed interface Checker permits TcpCheck, HttpCheck, MiscCheck, DnsCheck, SmtpCheck, UdpCheck, PingCheck, FileCheck, OtherCheck {

    Origin at();

    /** The block keyword: TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK, DNS_CHECK, SMTP_CHECK, ... */
    String keyword();

    CheckerOptions options();
}

package org.jlvs.admin.keepalived;

/**
 * {@code DNS_CHECK}: a UDP query with recursion desired; a reply with the same id, QR set and
 * RCODE 0 passes.
 *
 * @param type A, NS, CNAME, SOA (default), MX, TXT or AAAA
 * @param name the name asked for, "." by default
 */
public record DnsCheck(Origin at, CheckerOptions options, String type, String name) implements Checker {

    @Override
    public String keyword() {
        return "DNS_CHECK";
    }
}

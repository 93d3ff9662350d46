package org.jlvs.ha.check;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** The query DNS_CHECK sends (one question, class IN, recursion desired) and the reply test it applies. */
final class DnsQuery {
    static final Map<String, Integer> TYPES = Map.of("A", 1, "NS", 2, "CNAME", 5, "SOA", 6, "MX", 15, "TXT", 16,
            "AAAA", 28, "RRSIG", 46, "DNSKEY", 48);

    private DnsQuery() {
    }

    static int type(String name) {
        Integer t = name == null ? null : TYPES.get(name.toUpperCase(Locale.ROOT));
        return t == null ? 6 : t;
    }

    /** The datagram: header with {@code id} and RD, then QNAME (labels; "." is the root), QTYPE, QCLASS IN. */
    static byte[] encode(int id, String name, int type) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        put16(b, id);
        put16(b, 0x0100);  // RD
        put16(b, 1);
        put16(b, 0);
        put16(b, 0);
        put16(b, 0);
        String n = name == null || name.isEmpty() ? "." : name;
        if (!n.equals(".")) {
            for (String label : n.split("\\.")) {
                if (label.isEmpty()) {
                    continue;
                }
                byte[] l = label.getBytes(StandardCharsets.US_ASCII);
                b.write(Math.min(63, l.length));
                b.write(l, 0, Math.min(63, l.length));
            }
        }
        b.write(0);
        put16(b, type);
        put16(b, 1);
        return b.toByteArray();
    }

    private static void put16(ByteArrayOutputStream b, int v) {
        b.write((v >> 8) & 0xff);
        b.write(v & 0xff);
    }

    /** What a received datagram means for a query with {@code id}. */
    enum Reply { IGNORE, OK, ERROR }

    /** keepalived's test: too short, another id or not a response are ignored; RCODE 0 passes, any other fails. */
    static Reply judge(byte[] d, int len, int id) {
        if (len < 12) {
            return Reply.IGNORE;
        }
        int rid = ((d[0] & 0xff) << 8) | (d[1] & 0xff);
        int flags = ((d[2] & 0xff) << 8) | (d[3] & 0xff);
        if (rid != id || (flags & 0x8000) == 0) {
            return Reply.IGNORE;
        }
        return (flags & 0x000f) == 0 ? Reply.OK : Reply.ERROR;
    }

    static int rcode(byte[] d) {
        return d[3] & 0x0f;
    }
}

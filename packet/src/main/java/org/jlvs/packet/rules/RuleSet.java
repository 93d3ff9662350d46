package org.jlvs.packet.rules;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.model.VirtualService;

/**
 * The iptables rules that bring a table's traffic to our queues, for one family: client packets
 * to each virtual address and port (raw PREROUTING, before conntrack and routing; fwmark services
 * in mangle PREROUTING, where marks are set), ICMP to each virtual address, and NAT replies from
 * each masqueraded realserver (mangle FORWARD, after routing). One conntrack match turns on the
 * kernel's defragmentation, so the queue sees whole datagrams.
 */
public final class RuleSet {
    public static final String CHAIN_IN = "JLVS-IN";
    public static final String CHAIN_MARK = "JLVS-MARK";
    public static final String CHAIN_OUT = "JLVS-OUT";

    private final boolean v6;
    private final Set<String> in = new LinkedHashSet<>();
    private final Set<String> mark = new LinkedHashSet<>();
    private final Set<String> out = new LinkedHashSet<>();
    private final QueueTarget q;

    /**
     * The rules for {@code services}; {@code retiredNat} are masqueraded realservers no longer in
     * the table whose connections still run (their replies must still be rewritten).
     */
    public RuleSet(boolean v6, VirtualService[] services, Iterable<Destination> retiredNat, QueueTarget q) {
        this.v6 = v6;
        String icmp = v6 ? "ipv6-icmp" : "icmp";
        this.q = q;
        for (VirtualService s : services) {
            ServiceKey k = s.key();
            if (k.v6() != v6) {
                continue;
            }
            if (k.isFwmark()) {
                mark.add("-m mark --mark " + Integer.toUnsignedString(k.fwmark()) + " " + q.text());
            } else {
                String proto = k.protocol().name().toLowerCase(java.util.Locale.ROOT);
                if (!proto.equals("tcp") && !proto.equals("udp")) {
                    continue;
                }
                String vip = host(k.address());
                in.add("-d " + vip + " -p " + proto + (k.port() != 0 ? " --dport " + k.port() : "") + " " + q.text());
                in.add("-d " + vip + " -p " + icmp + " " + q.text());
            }
            for (Destination d : s.destinations()) {
                natReplies(k, d);
            }
        }
        for (Destination d : retiredNat) {
            natReplies(d.service(), d);
        }
    }

    private void natReplies(ServiceKey k, Destination d) {
        if (d.forwarding() != Forwarding.MASQ || d.address().isV6() != v6) {
            return;
        }
        String rip = host(d.address());
        for (String proto : k.isFwmark() ? new String[] {"tcp", "udp"}
                : new String[] {k.protocol().name().toLowerCase(java.util.Locale.ROOT)}) {
            int sport = k.isFwmark() ? d.port() : d.port() != 0 ? d.port() : k.port();
            out.add("-s " + rip + " -p " + proto + (sport != 0 ? " --sport " + sport : "") + " " + q.text());
        }
        out.add("-s " + rip + " -p " + (v6 ? "ipv6-icmp" : "icmp") + " " + q.text());
    }

    private String host(IpAddress a) {
        return a + (v6 ? "/128" : "/32");
    }

    /** True when the table gives this family nothing to queue. */
    public boolean isEmpty() {
        return in.isEmpty() && mark.isEmpty() && out.isEmpty();
    }

    /** iptables-restore --noflush input that replaces our chains' contents. */
    public String restoreText() {
        StringBuilder b = new StringBuilder();
        b.append("*raw\n:").append(CHAIN_IN).append(" - [0:0]\n-F ").append(CHAIN_IN).append('\n');
        for (String r : in) {
            b.append("-A ").append(CHAIN_IN).append(' ').append(r).append('\n');
        }
        b.append("COMMIT\n*mangle\n:").append(CHAIN_MARK).append(" - [0:0]\n:").append(CHAIN_OUT).append(" - [0:0]\n");
        b.append("-F ").append(CHAIN_MARK).append("\n-F ").append(CHAIN_OUT).append('\n');
        // any conntrack match loads conntrack and with it defragmentation before the raw table
        b.append("-A ").append(CHAIN_MARK).append(" -m conntrack --ctstate UNTRACKED\n");
        for (String r : mark) {
            b.append("-A ").append(CHAIN_MARK).append(' ').append(r).append('\n');
        }
        for (String r : out) {
            b.append("-A ").append(CHAIN_OUT).append(' ').append(r).append('\n');
        }
        b.append("COMMIT\n");
        return b.toString();
    }
}

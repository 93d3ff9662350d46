package org.jlvs.packet.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.Destination;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.table.IpvsTable;
import org.junit.jupiter.api.Test;

class RuleSetTest {
    static final QueueTarget Q = new QueueTarget(0, 1);

    @Test
    void natServiceQueuesClientsIcmpAndReplies() throws Exception {
        IpvsTable t = new IpvsTable();
        ServiceKey k = ServiceKey.of(Protocol.TCP, IpAddress.parse("192.0.2.100"), 80);
        t.addService(ServiceConfig.of(k, "rr"));
        t.addDest(k, DestConfig.of(IpAddress.parse("198.51.100.11"), 8080, Forwarding.MASQ, 1));
        t.addDest(k, DestConfig.of(IpAddress.parse("198.51.100.12"), 80, Forwarding.ROUTE, 1));
        String text = new RuleSet(false, t.services(), List.of(), Q).restoreText();
        String q = " -j NFQUEUE --queue-num 0 --queue-bypass";
        assertTrue(text.contains("-A JLVS-IN -d 192.0.2.100/32 -p tcp --dport 80" + q), text);
        assertTrue(text.contains("-A JLVS-IN -d 192.0.2.100/32 -p icmp" + q), text);
        assertTrue(text.contains("-A JLVS-OUT -s 198.51.100.11/32 -p tcp --sport 8080" + q), text);
        assertTrue(text.contains("-A JLVS-OUT -s 198.51.100.11/32 -p icmp" + q), text);
        assertFalse(text.contains("198.51.100.12"), "DR replies never come back through us:\n" + text);
        assertTrue(text.contains("-A JLVS-MARK -m conntrack --ctstate UNTRACKED"), "defragmentation must be on");
        assertTrue(new RuleSet(true, t.services(), List.of(), Q).isEmpty(), "nothing for IPv6");
    }

    @Test
    void fwmarkAndRangesAndRetiredRealservers() throws Exception {
        IpvsTable t = new IpvsTable();
        ServiceKey k = ServiceKey.fwmark(7, true);
        t.addService(ServiceConfig.of(k, "rr"));
        Destination d = t.addDest(k, DestConfig.of(IpAddress.parse("2001:db8:100::11"), 0, Forwarding.MASQ, 1));
        QueueTarget range = new QueueTarget(2, 3);
        String text = new RuleSet(true, t.services(), List.of(), range).restoreText();
        assertTrue(text.contains("-A JLVS-MARK -m mark --mark 7 -j NFQUEUE --queue-balance 2:4 --queue-bypass"), text);
        assertTrue(text.contains("-A JLVS-OUT -s 2001:db8:100::11/128 -p tcp -j NFQUEUE"), text);
        assertTrue(text.contains("-A JLVS-OUT -s 2001:db8:100::11/128 -p ipv6-icmp -j NFQUEUE"), text);
        t.deleteDest(k, d.address(), 0);
        String after = new RuleSet(true, t.services(), List.of(), range).restoreText();
        assertFalse(after.contains("2001:db8:100::11"), after);
        String retired = new RuleSet(true, t.services(), List.of(d), range).restoreText();
        assertTrue(retired.contains("-A JLVS-OUT -s 2001:db8:100::11/128 -p udp -j NFQUEUE"), retired);
        assertEquals(2, retired.lines().filter(l -> l.equals("COMMIT")).count());
    }
}

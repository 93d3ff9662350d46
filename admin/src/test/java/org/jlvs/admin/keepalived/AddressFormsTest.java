package org.jlvs.admin.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server addresses and ports as keepalived's inet_stosockaddr reads them: what follows a '-'
 * or '/' in the address is dropped, a port of only zeros is no port, and a port is read with
 * strtoul (text after the digits ignored).
 */
class AddressFormsTest {
    @TempDir
    Path dir;

    @Test
    void prefixAndRangeSuffixesAreDroppedAndPortsReadLeniently() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "virtual_server 10.0.0.1/32 80 {\n  lb_algo rr\n  lb_kind DR\n"
                + "  protocol TCP\n  sorry_server 10.0.9.9/24 80\n"
                + "  real_server 10.0.1.1/24 80 { weight 1 }\n"
                + "  real_server 10.0.1.2-5 +80 { weight 1 }\n"
                + "  real_server 10.0.1.3 00 { weight 1 }\n}\n"
                + "virtual_server 10.0.0.2 80abc {\n  lb_algo rr\n  protocol UDP\n  real_server 10.0.1.1 0 { weight 1 }\n}\n"
                + "virtual_server 10.0.0.3 abc {\n  protocol UDP\n  real_server 10.0.1.1 0 { weight 1 }\n}\n");
        List<VirtualServer> vss = l.config().virtualServers();
        assertEquals(2, vss.size(), "a port without digits is invalid: that virtual server is skipped");
        VirtualServer vs = vss.get(0);
        assertEquals("10.0.9.9", vs.sorryServer().address().toString());
        assertEquals(List.of("10.0.1.1:80", "10.0.1.2:80", "10.0.1.3:80"),
                vs.realServers().stream().map(r -> r.address() + ":" + r.port()).toList());
        assertEquals(80, ((VsTarget.Address) vss.get(1).target()).port());
        assertEquals(80, vss.get(1).realServers().getFirst().port());
    }

    @Test
    void anIpv4GranularityIsReadAsInetAtonReadsIt() {
        assertEquals(0x0000_0018L, VirtualServerKeywords.inetAton("24"));
        assertEquals(0xFFFF_0000L, VirtualServerKeywords.inetAton("255.255.0"));
        assertEquals(0xFFFF_FF00L, VirtualServerKeywords.inetAton("0xffffff00"));
        assertEquals(0xFFFF_FF00L, VirtualServerKeywords.inetAton("255.255.255.0"));
        assertEquals(null, VirtualServerKeywords.inetAton("1..2"));
        assertEquals(null, VirtualServerKeywords.inetAton("256.0.0.0"));
        assertEquals(null, VirtualServerKeywords.inetAton("08.0.0.0"));
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  protocol TCP\n"
                + "  persistence_granularity 24\n  real_server 10.0.1.1 80 { }\n}\n");
        assertEquals("-A -t 10.0.0.1:80 -s rr -p 360 -M 0.0.0.24\n-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 1\n",
                ConfFiles.table(l, TableState.HEALTHY));
    }
}

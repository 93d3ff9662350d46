package org.jlvs.admin.ipvsadm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jlvs.core.model.IpAddress;
import org.jlvs.core.table.Command;
import org.jlvs.core.table.IpvsException;
import org.jlvs.core.table.TableSnapshot;
import org.junit.jupiter.api.Test;

/** -c, --daemon and names, through a control that has connections and daemons to show. */
class OtherListingsTest {
    private static final IpAddress C = IpAddress.parse("192.0.2.7");
    private static final IpAddress V = IpAddress.parse("10.0.0.1");
    private static final IpAddress D = IpAddress.parse("10.0.1.2");

    /** A LocalControl with canned connections and daemons. */
    private static class Canned implements IpvsControl {
        final LocalControl table = new LocalControl();
        final List<ConnRow> conns;
        final List<SyncDaemon> daemons;

        Canned(List<ConnRow> conns, List<SyncDaemon> daemons) {
            this.conns = conns;
            this.daemons = daemons;
        }

        @Override
        public void apply(Command command) throws IpvsException {
            table.apply(command);
        }

        @Override
        public TableSnapshot snapshot() {
            return table.snapshot();
        }

        @Override
        public List<ConnRow> connections() {
            return conns;
        }

        @Override
        public List<SyncDaemon> daemons() {
            return daemons;
        }

        @Override
        public void startDaemon(SyncDaemon daemon) {
        }

        @Override
        public void stopDaemon(SyncDaemon daemon) {
        }
    }

    private static String[] run(IpvsControl ctl, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = Ipvsadm.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), ctl);
        return new String[] {Integer.toString(rc), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static final List<ConnRow> ROWS = List.of(
            new ConnRow("TCP", 8015, "ESTABLISHED", C, 40000, V, 80, D, 80, null, null),
            new ConnRow("UDP", 59, "UDP", C, 5060, V, 5060, D, 5060, "sip", "call-1@example"),
            new ConnRow("IP", 300, "NONE", C, 0, V, 0, D, 0, null, null));

    @Test
    void connectionLines() {
        String[] r = run(new Canned(ROWS, List.of()), "-L", "-n", "-c");
        assertEquals("0", r[0]);
        assertEquals("IPVS connection entries\n"
                + "pro expire state       source             virtual            destination\n"
                + "TCP 133:35 ESTABLISHED 192.0.2.7:40000    10.0.0.1:80        10.0.1.2:80\n"
                + "UDP 00:59  UDP         192.0.2.7:5060     10.0.0.1:5060      10.0.1.2:5060\n"
                + "IP  05:00  NONE        192.0.2.7:0        10.0.0.1:0         10.0.1.2:0\n", r[1]);
    }

    @Test
    void persistenceEngineColumnsOnlyForLinesWithEngineData() {
        String[] r = run(new Canned(ROWS, List.of()), "-lnc", "--persistent-conn");
        assertEquals("IPVS connection entries\n"
                + "pro expire state       source             virtual            destination        pe name          pe_data\n"
                + "TCP 133:35 ESTABLISHED 192.0.2.7:40000    10.0.0.1:80        10.0.1.2:80\n"
                + "UDP 00:59  UDP         192.0.2.7:5060     10.0.0.1:5060      10.0.1.2:5060    sip                call-1@example\n"
                + "IP  05:00  NONE        192.0.2.7:0        10.0.0.1:0         10.0.1.2:0\n", r[1]);
    }

    @Test
    void anUnreadableConnectionTable() {
        String[] r = run(new Canned(null, List.of()), "-L", "-c");
        assertEquals("1", r[0]);
        assertEquals("cannot open file /proc/net/ip_vs_conn\n", r[2]);
    }

    @Test
    void daemonsMasterFirstWithOnlyTheKnownFields() {
        List<SyncDaemon> d = List.of(
                new SyncDaemon(SyncDaemon.Role.BACKUP, "eth1", 9, 0, null, 0, 0),
                new SyncDaemon(SyncDaemon.Role.MASTER, "eth0", 0, 1472, IpAddress.parse("224.0.0.81"), 8848, 1));
        String[] r = run(new Canned(List.of(), d), "-L", "--daemon");
        assertEquals("master sync daemon (mcast=eth0, syncid=0, maxlen=1472, group=224.0.0.81, port=8848, ttl=1)\n"
                + "backup sync daemon (mcast=eth1, syncid=9)\n", r[1]);
    }

    @Test
    void withoutNumericPortsAreNamedButFwmarkServersStayNumeric() {
        Canned ctl = new Canned(List.of(), List.of());
        run(ctl, "-A", "-t", "[2001:db8::1]:80", "-s", "rr");
        run(ctl, "-a", "-t", "[2001:db8::1]:80", "-r", "[2001:db8::2]:443", "-m");
        run(ctl, "-A", "-f", "3", "-6", "-s", "rr");
        run(ctl, "-a", "-f", "3", "-6", "-r", "[2001:db8::3]:80");
        ServicesFile services = ServicesFile.system();
        // names depend on the host's services file; IPv6 addresses are never resolved
        String http = services.name(80, "tcp") == null ? "80" : services.name(80, "tcp");
        String https = services.name(443, "tcp") == null ? "443" : services.name(443, "tcp");
        assertEquals("-A -t [2001:db8::1]:" + http + " -s rr\n"
                + "-a -t [2001:db8::1]:" + http + " -r [2001:db8::2]:" + https + " -m -w 1\n"
                + "-A -f 3 -6 -s rr\n"
                + "-a -f 3 -6 -r [2001:db8::3]:80 -g -w 1\n", run(ctl, "-S")[1]);
    }

    @Test
    void anUnreachableIpvsStopsEveryCommand() {
        IpvsControl down = new Canned(List.of(), List.of()) {
            @Override
            public String initError() {
                return "Protocol not available";
            }
        };
        String[] r = run(down, "-v");
        assertEquals("2", r[0]);
        assertEquals("", r[1]);
        assertEquals("Can't initialize ipvs: Protocol not available\n"
                + "Are you sure that IP Virtual Server is built in the kernel or as module?\n", r[2]);
    }

    @Test
    void servicesFileLookups() {
        ServicesFile f = ServicesFile.parse("# comment\nhttp\t\t80/tcp\t\twww # WWW\nhttp-alt 8080/tcp\ndomain 53/udp\n");
        assertEquals(80, f.port("www", "tcp"));
        assertEquals(80, f.port("http", "tcp"));
        assertEquals(-1, f.port("http", "udp"));
        assertEquals("http", f.name(80, "tcp"));
        assertEquals("domain", f.name(53, "udp"));
        assertEquals(null, f.name(53, "tcp"));
    }
}

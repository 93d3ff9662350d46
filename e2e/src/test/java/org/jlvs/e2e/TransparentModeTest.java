package org.jlvs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Transparent mode (root): client, director and realserver in their own namespaces, the
 * realserver's route back through the director. The realserver must see the client's own
 * address and port, as with LVS-NAT, and the director must leave no rules behind.
 */
class TransparentModeTest {
    static final String SERVER = """
            import http.server, socketserver
            class H(http.server.BaseHTTPRequestHandler):
                def do_GET(self):
                    b = ('peer=%s:%d\\n' % self.client_address).encode()
                    self.send_response(200); self.send_header('Content-Length', str(len(b))); self.end_headers()
                    self.wfile.write(b)
                def log_message(self, *a): pass
            socketserver.TCPServer(('10.88.1.11', 80), H).serve_forever()
            """;

    @Test
    void theRealserverSeesTheClientsOwnAddressAndPort() throws Exception {
        assumeTrue(Netns.usable(), "needs root and ip netns");
        try (Netns ns = new Netns("jt")) {
            String c = ns.add("cl");
            String d = ns.add("dir");
            String r = ns.add("rs");
            Netns.sh("ip link add " + c + "x netns " + c + " type veth peer name eth0 netns " + d);
            Netns.sh("ip link add " + r + "x netns " + r + " type veth peer name eth1 netns " + d);
            Netns.sh("ip -n " + c + " addr add 10.88.0.10/24 dev " + c + "x && ip -n " + c + " link set " + c + "x up"
                    + " && ip -n " + c + " route add default via 10.88.0.1");
            Netns.sh("ip -n " + d + " addr add 10.88.0.1/24 dev eth0 && ip -n " + d + " addr add 10.88.1.1/24 dev eth1"
                    + " && ip -n " + d + " link set eth0 up && ip -n " + d + " link set eth1 up"
                    + " && ip netns exec " + d + " sysctl -qw net.ipv4.ip_forward=1");
            Netns.sh("ip -n " + r + " addr add 10.88.1.11/24 dev " + r + "x && ip -n " + r + " link set " + r + "x up"
                    + " && ip -n " + r + " route add default via 10.88.1.1");
            ns.spawn(r, "python3", "-c", SERVER);
            try (Director dir = Director.startIn(List.of("ip", "netns", "exec", d), "--transparent")) {
                dir.ok("-A", "-t", "10.88.0.1:80", "-s", "rr");
                dir.ok("-a", "-t", "10.88.0.1:80", "-r", "10.88.1.11:80", "-m");
                Thread.sleep(500);
                Director.Result curl = dir.run(List.of("ip", "netns", "exec", c, "curl", "-s", "--max-time", "5",
                        "--local-port", "41000-41999", "http://10.88.0.1/"), "", Map.of());
                assertEquals(0, curl.status(), curl.out() + curl.err());
                Matcher m = Pattern.compile("peer=(\\S+):(\\d+)").matcher(curl.out());
                assertTrue(m.find(), curl.out());
                assertEquals("10.88.0.10", m.group(1));
                int port = Integer.parseInt(m.group(2));
                assertTrue(port >= 41000 && port <= 41999, "the client's own port: " + port);
                assertTrue(dir.ok("-L", "-n", "-c").contains("10.88.0.10:" + port), "the same connection in the table");
                assertTrue(Netns.sh("ip netns exec " + d + " nft list tables").contains("jlvs_transparent"));
                dir.terminate();
                assertFalse(Netns.sh("ip netns exec " + d + " nft list tables").contains("jlvs_transparent"),
                        "the director removed its rules");
                assertFalse(Netns.sh("ip -n " + d + " rule").contains("0x4a4c"));
            }
        }
    }
}

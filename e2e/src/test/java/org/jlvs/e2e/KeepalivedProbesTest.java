package org.jlvs.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * keepalived mode's UDP_CHECK and PING_CHECK end to end (root): bin/jlvsd -f in a director
 * namespace, the realserver in another across a veth, a UDP responder the test stops and starts,
 * echo requests the realserver's namespace ignores or answers, and an address nobody holds.
 */
class KeepalivedProbesTest {
    static final String RESPONDER = """
            import socket
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind(('10.231.7.2', 5353))
            while True:
                d, a = s.recvfrom(2048)
                s.sendto(b'pong', a)
            """;

    @Test
    void udpAndPingChecksFollowTheRealserver() throws Exception {
        assumeTrue(Netns.usable(), "needs root and ip netns");
        try (Netns ns = new Netns("kp")) {
            String d = ns.add("dir");
            String r = ns.add("rs");
            Netns.sh("ip -n " + d + " link add v0 type veth peer name v1 netns " + r);
            Netns.sh("ip -n " + d + " addr add 10.231.7.1/24 dev v0 && ip -n " + d + " link set v0 up");
            Netns.sh("ip -n " + r + " addr add 10.231.7.2/24 dev v1 && ip -n " + r + " link set v1 up");
            Process responder = ns.spawn(r, "python3", "-c", RESPONDER);
            Path conf = KeepalivedModeTest.write(java.nio.file.Files.createTempDirectory("kp-e2e"), """
                    virtual_server 10.231.7.1 5353 {
                      delay_loop 1
                      lb_algo rr
                      lb_kind NAT
                      protocol UDP
                      real_server 10.231.7.2 5353 {
                        UDP_CHECK {
                          connect_timeout 1
                          retry 0
                          require_reply 706f6e67
                        }
                      }
                    }
                    virtual_server 10.231.7.1 5354 {
                      delay_loop 1
                      lb_algo rr
                      lb_kind NAT
                      protocol UDP
                      ! nobody holds .3: its ARP goes unanswered, and the datagram draws a host unreachable
                      real_server 10.231.7.3 5354 {
                        UDP_CHECK {
                          connect_timeout 5
                          retry 0
                        }
                      }
                      real_server 10.231.7.2 5354 {
                      }
                    }
                    virtual_server 10.231.7.1 80 {
                      delay_loop 1
                      lb_algo rr
                      lb_kind NAT
                      protocol TCP
                      real_server 10.231.7.2 80 {
                        PING_CHECK {
                          connect_timeout 1
                          retry 0
                        }
                      }
                    }
                    """);
            try (Director dir = Director.startIn(List.of("ip", "netns", "exec", d), "-f", conf.toString(), "-i", "e2e")) {
                String udp = "10.231.7.2:5353 ";
                String ping = "10.231.7.2:80 ";
                String nobody = "10.231.7.3:5354 ";
                KeepalivedModeTest.awaitTable(dir, Duration.ofSeconds(10), t -> t.contains(udp) && t.contains(ping));
                await(dir, "UDP connection to [10.231.7.2]:udp:5353 success.", "ICMP connection to [10.231.7.2]:tcp:80 success.");

                // the neighbour that never answers: a host unreachable, within connect_timeout
                KeepalivedModeTest.awaitTable(dir, Duration.ofSeconds(12), t -> !t.contains(nobody));
                assertTrue(dir.log().contains("UDP_CHECK on service [10.231.7.3]:udp:5354 failed."), dir.log());

                responder.destroy();
                responder.waitFor(5, TimeUnit.SECONDS);
                KeepalivedModeTest.awaitTable(dir, Duration.ofSeconds(6), t -> !t.contains(udp) && t.contains(ping));
                assertTrue(dir.log().contains("UDP_CHECK on service [10.231.7.2]:udp:5353 failed."), dir.log());
                assertTrue(dir.log().contains("Removing service [10.231.7.2]:udp:5353 from VS [10.231.7.1]:udp:5353"),
                        dir.log());

                Netns.sh("ip netns exec " + r + " sysctl -qw net.ipv4.icmp_echo_ignore_all=1");
                KeepalivedModeTest.awaitTable(dir, Duration.ofSeconds(6), t -> !t.contains(ping));
                assertTrue(dir.log().contains("ICMP CHECK on service [10.231.7.2]:tcp:80 failed."), dir.log());

                Netns.sh("ip netns exec " + r + " sysctl -qw net.ipv4.icmp_echo_ignore_all=0");
                ns.spawn(r, "python3", "-c", RESPONDER);
                KeepalivedModeTest.awaitTable(dir, Duration.ofSeconds(8), t -> t.contains(udp) && t.contains(ping));
                assertTrue(dir.log().contains("Adding service [10.231.7.2]:tcp:80 to VS [10.231.7.1]:tcp:80"), dir.log());
            }
        }
    }

    private static void await(Director d, String... lines) throws Exception {
        long t0 = System.nanoTime();
        while (true) {
            String log = d.log();
            if (java.util.Arrays.stream(lines).allMatch(log::contains)) {
                return;
            }
            if (System.nanoTime() - t0 > Duration.ofSeconds(10).toNanos()) {
                throw new AssertionError("not logged: " + List.of(lines) + "\n" + log);
            }
            Thread.sleep(50);
        }
    }
}

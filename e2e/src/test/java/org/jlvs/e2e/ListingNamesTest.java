package org.jlvs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Listings without -n name hosts as ipvsadm does: gethostbyaddr's answer from the hosts file
 * (or DNS), with no check that the name leads back to the address. The namespace gets its own
 * /etc/hosts, host.conf and nsswitch.conf through /etc/netns, as {@code ip netns exec} binds them.
 */
class ListingNamesTest {

    @Test
    void hostsAreNamedAsTheCLibraryNamesThem() throws Exception {
        assumeTrue(Netns.usable(), "needs root and ip netns");
        try (Netns ns = new Netns("jn")) {
            String n = ns.add("d");
            Path etc = Path.of("/etc/netns", n);
            Files.createDirectories(etc);
            try {
                // web-a is named twice; with multi off its forward lookup gives only the first
                // address, so the JDK's own checked reverse lookup would not name 10.9.8.8
                Files.writeString(etc.resolve("hosts"), "127.0.0.1 localhost\n10.9.8.7 web-a\n10.9.8.8 web-a\n"
                        + "10.9.8.9 web-b.example web-b\n2001:db8::9 web6\n");
                Files.writeString(etc.resolve("host.conf"), "multi off\n");
                Files.writeString(etc.resolve("nsswitch.conf"), "hosts: files\nservices: files\n");
                try (Director d = Director.startIn(List.of("ip", "netns", "exec", n), "--data-plane", "none")) {
                    d.ok("-A", "-t", "10.9.8.8:80", "-s", "rr");
                    d.ok("-a", "-t", "10.9.8.8:80", "-r", "10.9.8.9:8765", "-m");
                    d.ok("-a", "-t", "10.9.8.8:80", "-r", "10.9.8.10:80", "-m");
                    d.ok("-A", "-t", "[2001:db8::9]:80", "-s", "wlc");
                    String out = d.ok("-L");
                    List<String> lines = out.lines().toList();
                    assertEquals("TCP  web-a:http rr", lines.get(3), out);
                    assertEquals("  -> web-b.example:8765           Masq    1      0          0         ", lines.get(4), out);
                    assertEquals("  -> 10.9.8.10:http               Masq    1      0          0         ", lines.get(5), out);
                    assertEquals("TCP  [web6]:http wlc", lines.get(6), out);
                    assertEquals("TCP  10.9.8.8:80 rr", d.ok("-L", "-n").lines().toList().get(3));
                }
            } finally {
                try (var s = Files.walk(etc)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}

package org.jlvs.core.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.jlvs.core.model.IpAddress;

/**
 * Which real-server addresses the kernel takes (ip_vs_add_dest): for IPv4 the address type the
 * host's local routing table gives it must be local or unicast (inet_addr_type: 0.0.0.0/8 and
 * 255.255.255.255 are broadcast, 224.0.0.0/4 multicast, and the local table marks the host's
 * broadcast addresses, such as 127.255.255.255); for IPv6 the address must be unicast and not
 * link-local (ipv6_addr_type: not ::, not multicast, not v4-mapped, not fe80::/10), unless it is
 * one of this host's own addresses.
 */
final class RealServerAddress {
    private static final Path FIB_TRIE = Path.of("/proc/net/fib_trie");
    private static final Path IF_INET6 = Path.of("/proc/net/if_inet6");

    private RealServerAddress() {
    }

    /** Whether the kernel would accept {@code a} as a real server, on this host. */
    static boolean acceptable(IpAddress a) {
        if (!a.isV6()) {
            // streamed: on a router the main table before the local one can be very long
            try (Stream<String> lines = Files.lines(FIB_TRIE, StandardCharsets.ISO_8859_1)) {
                return v4Acceptable(a.v4(), lines::iterator);
            } catch (IOException | UncheckedIOException | SecurityException e) {
                return v4Acceptable(a.v4(), List.of());
            }
        }
        return v6Acceptable(a.hi(), a.lo()) || isLocalV6(a, read(IF_INET6));
    }

    static boolean v4Acceptable(int v, Iterable<String> fibTrie) {
        int first = v >>> 24;
        if (first == 0 || v == -1 || (first & 0xF0) == 0xE0) {
            return false;
        }
        String type = localTableType(v, fibTrie);
        return type == null || type.equals("LOCAL") || type.equals("UNICAST");
    }

    /**
     * The type of the longest prefix of the "Local:" table in /proc/net/fib_trie that holds
     * {@code v}, or null when none does (the kernel then answers unicast).
     */
    static String localTableType(int v, Iterable<String> fibTrie) {
        boolean local = false;
        long leaf = -1;
        int bestLen = -1;
        String best = null;
        for (String line : fibTrie) {
            if (!line.startsWith(" ")) {
                local = line.startsWith("Local:");
                continue;
            }
            if (!local) {
                continue;
            }
            String t = line.trim();
            if (t.startsWith("|-- ")) {
                Integer addr = dotted(t.substring(4).trim());
                leaf = addr == null ? -1 : addr & 0xFFFF_FFFFL;
            } else if (t.startsWith("/") && leaf >= 0) {
                String[] f = t.split("\\s+");
                int len;
                try {
                    len = Integer.parseInt(f[0].substring(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (len < 0 || len > 32 || f.length < 3) {
                    continue;
                }
                long mask = len == 0 ? 0 : (0xFFFF_FFFFL << (32 - len)) & 0xFFFF_FFFFL;
                if (((v & 0xFFFF_FFFFL) & mask) == (leaf & mask) && len > bestLen) {
                    bestLen = len;
                    best = f[f.length - 1];
                }
            }
        }
        return best;
    }

    /** ipv6_addr_type has the unicast bit and not the link-local one. */
    static boolean v6Acceptable(long hi, long lo) {
        int w0 = (int) (hi >>> 32);
        int w1 = (int) hi;
        int w2 = (int) (lo >>> 32);
        int w3 = (int) lo;
        int top3 = w0 & 0xE000_0000;
        if (top3 != 0 && top3 != 0xE000_0000) {
            return true; // global unicast
        }
        if ((w0 & 0xFF00_0000) == 0xFF00_0000) {
            return false; // multicast
        }
        if ((w0 & 0xFFC0_0000) == 0xFE80_0000) {
            return false; // link-local
        }
        if ((w0 & 0xFFC0_0000) == 0xFEC0_0000 || (w0 & 0xFE00_0000) == 0xFC00_0000) {
            return true; // site-local, unique local
        }
        if ((w0 | w1) == 0) {
            if (w2 == 0) {
                return w3 != 0; // :: is not unicast; ::1 and ::a.b.c.d are
            }
            if (w2 == 0x0000_FFFF) {
                return false; // v4-mapped
            }
        }
        return true;
    }

    /** One of this host's IPv6 addresses (/proc/net/if_inet6: 32 hex digits first on each line). */
    static boolean isLocalV6(IpAddress a, List<String> ifInet6) {
        String hex = String.format("%016x%016x", a.hi(), a.lo());
        for (String line : ifInet6) {
            if (line.length() >= 32 && line.substring(0, 32).equalsIgnoreCase(hex)) {
                return true;
            }
        }
        return false;
    }

    private static Integer dotted(String s) {
        String[] p = s.split("\\.");
        if (p.length != 4) {
            return null;
        }
        int v = 0;
        for (String part : p) {
            int b;
            try {
                b = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                return null;
            }
            if (b < 0 || b > 255) {
                return null;
            }
            v = (v << 8) | b;
        }
        return v;
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.ISO_8859_1);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}

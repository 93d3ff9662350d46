package org.jlvs.core.table;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jlvs.core.model.IpAddress;

/**
 * Which real-server addresses the kernel takes (ip_vs_add_dest): for IPv4 the address type the
 * host's local routing table gives it must be local or unicast (inet_addr_type: 0.0.0.0/8 and
 * 255.255.255.255 are broadcast, 224.0.0.0/4 multicast, and the local table marks the host's
 * broadcast addresses, such as 127.255.255.255); for IPv6 the address must be unicast and not
 * link-local (ipv6_addr_type: not ::, not multicast, not v4-mapped, not fe80::/10), unless it is
 * one of this host's own addresses.
 *
 * <p>The local table's broadcast entries come from the interface addresses (fib_add_ifaddr: an
 * address's own broadcast, and the directed broadcast of a prefix shorter than /31), so they are
 * derived from those rather than read from /proc/net/fib_trie, which on a router lists every
 * route (the local and main tables are one trie unless policy rules split them).
 */
final class RealServerAddress {
    private static final Path IF_INET6 = Path.of("/proc/net/if_inet6");
    /** Interface addresses change rarely; a restore adds thousands of real servers in a second. */
    private static final long CACHE_NANOS = 1_000_000_000L;

    /** One IPv4 interface address: address, prefix length, broadcast (0 when it has none). */
    record V4Addr(int address, int prefixLength, int broadcast) {
    }

    private static volatile Set<Integer> broadcasts;
    private static volatile long broadcastsAt;

    private RealServerAddress() {
    }

    /** Whether the kernel would accept {@code a} as a real server, on this host. */
    static boolean acceptable(IpAddress a) {
        if (!a.isV6()) {
            return v4Acceptable(a.v4(), localBroadcasts());
        }
        return v6Acceptable(a.hi(), a.lo()) || isLocalV6(a, read(IF_INET6));
    }

    static boolean v4Acceptable(int v, Set<Integer> localBroadcasts) {
        int first = v >>> 24;
        if (first == 0 || v == -1 || (first & 0xF0) == 0xE0) {
            return false;
        }
        return !localBroadcasts.contains(v);
    }

    /** The broadcast entries fib_add_ifaddr puts in the local table for these addresses. */
    static Set<Integer> broadcasts(List<V4Addr> addrs) {
        Set<Integer> b = new HashSet<>();
        for (V4Addr a : addrs) {
            if (a.broadcast() != 0 && a.broadcast() != -1) {
                b.add(a.broadcast());
            }
            int len = a.prefixLength();
            int mask = len == 0 ? 0 : -1 << (32 - len);
            int prefix = a.address() & mask;
            if (len < 31 && (prefix >>> 24) != 0) {
                b.add(prefix | ~mask);
            }
        }
        return b;
    }

    private static Set<Integer> localBroadcasts() {
        long now = System.nanoTime();
        Set<Integer> b = broadcasts;
        if (b == null || now - broadcastsAt > CACHE_NANOS) {
            b = broadcasts(interfaceAddresses());
            broadcasts = b;
            broadcastsAt = now;
        }
        return b;
    }

    private static List<V4Addr> interfaceAddresses() {
        List<V4Addr> list = new ArrayList<>();
        try {
            Enumeration<NetworkInterface> all = NetworkInterface.getNetworkInterfaces();
            while (all != null && all.hasMoreElements()) {
                NetworkInterface ni = all.nextElement();
                if (!ni.isUp()) {
                    continue;  // a down interface's addresses leave the local table
                }
                for (InterfaceAddress ia : ni.getInterfaceAddresses()) {
                    if (ia.getAddress() instanceof Inet4Address a4) {
                        int brd = ia.getBroadcast() == null ? 0 : v4(ia.getBroadcast());
                        list.add(new V4Addr(v4(a4), ia.getNetworkPrefixLength(), brd));
                    }
                }
            }
        } catch (SocketException | SecurityException e) {
            // none known: every address is unicast to us, as it is to a host without interfaces
        }
        return list;
    }

    private static int v4(InetAddress a) {
        byte[] b = a.getAddress();
        return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
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

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.ISO_8859_1);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }
}

package org.jlvs.admin.keepalived;

import java.util.ArrayList;
import java.util.List;

import org.jlvs.core.model.IpAddress;

/**
 * {@code virtual_server_group NAME { ... }}: address ranges (each with a port) and firewall marks.
 * A virtual server using the group becomes one IPVS service per address and one per mark.
 */
public record VirtualServerGroup(Origin at, String name, List<AddressRange> ranges, List<FwmarkEntry> fwmarks) {

    public VirtualServerGroup {
        ranges = List.copyOf(ranges);
        fwmarks = List.copyOf(fwmarks);
    }

    /**
     * {@code IP}, {@code IP-LAST} (IPv4 last octet in decimal, IPv6 last group in hex),
     * {@code IP-IP} or {@code IP/LEN}, with a port (0 when none).
     */
    public record AddressRange(Origin at, IpAddress first, IpAddress last, int port) {
        /** More addresses than this in one entry are not expanded (keepalived's own loop stops at 65536 too). */
        private static final int MAX_ADDRESSES = 65536;

        /**
         * The addresses in the order keepalived adds them: IPv4 counts through the whole address,
         * IPv6 counts only the last 16-bit group, as keepalived's loop does.
         */
        public List<IpAddress> addresses() {
            List<IpAddress> out = new ArrayList<>();
            IpAddress a = first;
            while (out.size() < MAX_ADDRESSES) {
                out.add(a);
                if (a.equals(last) || (a.isV6() && (a.lo() & 0xFFFF) == (last.lo() & 0xFFFF))) {
                    break;
                }
                a = a.isV6()
                        ? IpAddress.ofV6(a.hi(), (a.lo() & ~0xFFFFL) | ((a.lo() + 1) & 0xFFFF))
                        : IpAddress.ofV4(a.v4() + 1);
            }
            return out;
        }
    }

    /** {@code fwmark N [inet|inet6]}; {@code v6} is null when no family was given. */
    public record FwmarkEntry(Origin at, int mark, Boolean v6) {
    }

    /** The group called {@code name} in {@code groups}, or null. */
    static VirtualServerGroup find(Iterable<VirtualServerGroup> groups, String name) {
        for (VirtualServerGroup g : groups) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        return null;
    }

    public boolean hasV4() {
        return ranges.stream().anyMatch(r -> !r.first().isV6()) || fwmarks.stream().anyMatch(f -> Boolean.FALSE.equals(f.v6()));
    }

    public boolean hasV6() {
        return ranges.stream().anyMatch(r -> r.first().isV6()) || fwmarks.stream().anyMatch(f -> Boolean.TRUE.equals(f.v6()));
    }
}

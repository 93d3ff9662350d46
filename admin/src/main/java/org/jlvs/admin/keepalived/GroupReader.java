package org.jlvs.admin.keepalived;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.jlvs.core.model.IpAddress;

/**
 * Reads {@code virtual_server_group NAME { ... }} (keepalived's vsg_handler and alloc_vsg_entry):
 * one entry per line, a bad entry reported and skipped, an empty group or one mixing IPv4, IPv6
 * and a fwmark without family dropped.
 */
final class GroupReader {
    private final ParseContext ctx;
    private final List<VirtualServerGroup.AddressRange> ranges = new ArrayList<>();
    private final List<VirtualServerGroup.FwmarkEntry> fwmarks = new ArrayList<>();
    private boolean haveV4;
    private boolean haveV6;
    private boolean fwmarkNoFamily;

    private GroupReader(ParseContext ctx) {
        this.ctx = ctx;
    }

    /** The handler of the top-level keyword. */
    static void read(ParseContext ctx, Stmt s) {
        String name = s.word(1);
        if (name == null) {
            ctx.rep.error(s.at(), "virtual_server_group: missing name");
            return;
        }
        GroupReader g = new GroupReader(ctx);
        ctx.blocks.valueBlock(s, 2, g::entry);
        if (g.ranges.isEmpty() && g.fwmarks.isEmpty()) {
            ctx.rep.error(s.at(), "virtual server group " + name + " has no entries - removing");
        } else if (g.haveV4 && g.haveV6 && g.fwmarkNoFamily) {
            ctx.rep.error(s.at(), "virtual server group " + name
                    + " cannot have IPv4, IPv6 and fwmark without family - removing");
        } else {
            ctx.groups.add(new VirtualServerGroup(s.at(), name, g.ranges, g.fwmarks));
        }
    }

    private void entry(Stmt s) {
        if (s.keyword().equals("fwmark")) {
            fwmark(s);
        } else {
            address(s);
        }
    }

    private void fwmark(Stmt s) {
        OptionalLong mark = s.word(1) == null ? OptionalLong.empty() : ctx.values.lenient(s, 1, 1, 0xFFFF_FFFFL);
        if (mark.isEmpty()) {
            ctx.rep.error(s.at(), "fwmark '" + s.word(1) + "' must be in [1, 4294967295] - ignoring");
            return;
        }
        Boolean v6 = null;
        if (s.size() > 2) {
            switch (s.word(2)) {
                case "inet" -> {
                    v6 = false;
                    haveV4 = true;
                }
                case "inet6" -> {
                    v6 = true;
                    haveV6 = true;
                }
                default -> {
                    ctx.rep.error(s.at(), "fwmark '" + mark.getAsLong() + "' family " + s.word(2) + " unknown - ignoring");
                    return;
                }
            }
        } else {
            fwmarkNoFamily = true;
        }
        fwmarks.add(new VirtualServerGroup.FwmarkEntry(s.at(), (int) mark.getAsLong(), v6));
    }

    private void address(Stmt s) {
        String text = s.keyword();
        int port = 0;
        if (s.size() >= 2) {
            port = Values.lenientPort(s.word(1));
            if (port < 0) {
                ctx.rep.error(s.at(), "Invalid virtual server group IP address " + text + " port " + s.word(1) + " - skipping");
                return;
            }
        }
        int cut = indexOfAny(text, "-/");
        IpAddress first = IpAddress.tryParse(cut < 0 ? text : text.substring(0, cut));
        if (first == null) {
            ctx.rep.error(s.at(), "Invalid virtual server group IP address " + text + " - skipping");
            return;
        }
        IpAddress last = cut < 0 ? first
                : text.charAt(cut) == '/' ? prefixEnd(s, first, text.substring(cut + 1))
                : rangeEnd(s, first, text.substring(cut + 1));
        if (last == null) {
            return;
        }
        ranges.add(new VirtualServerGroup.AddressRange(s.at(), first, last, port));
        if (first.isV6()) {
            haveV6 = true;
        } else {
            haveV4 = true;
        }
    }

    /** {@code IP/LEN}: the host bits must be zero; the range ends with them all set. */
    private IpAddress prefixEnd(Stmt s, IpAddress first, String len) {
        int max = first.isV6() ? 128 : 32;
        OptionalLong bits = Values.parseUnsigned(len);
        if (bits.isEmpty() || bits.getAsLong() < 1 || bits.getAsLong() > max) {
            ctx.rep.error(s.at(), "Invalid netmask - " + s.keyword() + " - skipping");
            return null;
        }
        int b = (int) bits.getAsLong();
        if (!first.mask(b).equals(first)) {
            ctx.rep.error(s.at(), "Address mask bits not empty - " + s.keyword() + " - skipping");
            return null;
        }
        IpAddress net = IpAddress.of(first.isV6(), -1L, -1L).mask(b);
        return IpAddress.of(first.isV6(), first.hi() | ~net.hi(), first.lo() | ~net.lo());
    }

    /** {@code IP-IP}, or {@code IP-LAST} with LAST the last octet (decimal) or the last IPv6 group (hex). */
    private IpAddress rangeEnd(Stmt s, IpAddress first, String end) {
        boolean fullAddress = first.isV6() ? end.contains(":") : end.contains(".");
        if (fullAddress) {
            IpAddress last = IpAddress.tryParse(end);
            if (last == null) {
                ctx.rep.error(s.at(), "Invalid range end " + s.keyword() + " - skipping");
                return null;
            }
            if (last.isV6() != first.isV6()) {
                ctx.rep.error(s.at(), "Range address families do not match " + s.keyword() + " - skipping");
                return null;
            }
            if (first.compareTo(last) > 0) {
                ctx.rep.error(s.at(), "Address range end is less than address range start - " + s.keyword() + " - skipping");
                return null;
            }
            return last;
        }
        long limit = first.isV6() ? 0xFFFF : 255;
        long value;
        try {
            value = Long.parseLong(end, first.isV6() ? 16 : 10);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 0 || value > limit) {
            ctx.rep.error(s.at(), "End address of range exceeds limit for address family - " + s.keyword() + " - skipping");
            return null;
        }
        long start = first.isV6() ? first.lo() & 0xFFFF : first.v4() & 0xFF;
        if (start >= value) {
            ctx.rep.error(s.at(), "Address range end is not greater than address range start - " + s.keyword() + " - skipping");
            return null;
        }
        return first.isV6()
                ? IpAddress.ofV6(first.hi(), (first.lo() & ~0xFFFFL) | value)
                : IpAddress.ofV4((first.v4() & ~0xFF) | (int) value);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}

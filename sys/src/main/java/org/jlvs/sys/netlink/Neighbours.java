package org.jlvs.sys.netlink;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import org.jlvs.sys.libc.Errno;

/**
 * The kernel's neighbour table (ARP and NDP) through rtnetlink RTM_GETNEIGH: which MAC an
 * address on an interface has, when the kernel knows it. Not for the packet path: callers
 * dump it when the table changes and on a timer.
 */
public final class Neighbours {
    static final int RTM_GETNEIGH = 30;
    static final int RTM_NEWNEIGH = 28;
    static final int NDA_DST = 1;
    static final int NDA_LLADDR = 2;
    /** NUD_INCOMPLETE | NUD_FAILED: no usable address. */
    static final int NUD_UNUSABLE = 0x01 | 0x20;

    /** One entry: interface, address bytes (4 or 16), MAC, NUD state. */
    public record Entry(int ifindex, byte[] address, byte[] mac, int state) {
    }

    private Neighbours() {
    }

    /** Every usable neighbour of {@code family} (AF_INET or AF_INET6). */
    public static List<Entry> dump(int family) {
        List<Entry> out = new ArrayList<>();
        try (NetlinkSocket s = NetlinkSocket.open(NetlinkSocket.NETLINK_ROUTE); Arena a = Arena.ofConfined()) {
            org.jlvs.sys.libc.Sockets.receiveTimeout(s.fd(), 1000);
            MemorySegment m = a.allocate(64, 8);
            NlMsg w = new NlMsg(m);
            w.begin(0, RTM_GETNEIGH, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_DUMP, 1);
            long h = w.header(12);
            m.set(JAVA_BYTE, h, (byte) family);
            int r = s.send(m, w.end());
            if (r < 0) {
                throw new IllegalStateException("RTM_GETNEIGH: " + Errno.describe(r));
            }
            MemorySegment buf = a.allocate(65536, 8);
            while (true) {
                int n = s.receive(buf);
                if (n <= 0) {
                    return out;
                }
                long off = 0;
                while (off < n) {
                    int len = NlAttrs.messageLength(buf, off, n);
                    if (len < 0) {
                        return out;
                    }
                    int type = NlAttrs.messageType(buf, off);
                    if (type == NlMsg.NLMSG_DONE || type == NlMsg.NLMSG_ERROR) {
                        return out;
                    }
                    if (type == RTM_NEWNEIGH) {
                        entry(buf, off + NlMsg.HDRLEN, off + len, out);
                    }
                    off += NlMsg.align(len);
                }
            }
        }
    }

    private static void entry(MemorySegment buf, long off, long end, List<Entry> out) {
        if (off + 12 > end) {
            return;
        }
        int ifindex = buf.get(JAVA_INT_UNALIGNED, off + 4);
        int state = buf.get(JAVA_SHORT_UNALIGNED, off + 8) & 0xFFFF;
        byte[] dst = null;
        byte[] mac = null;
        for (long p = off + 12; p < end; ) {
            int alen = NlAttrs.attrLength(buf, p, end);
            if (alen < 0) {
                break;
            }
            int type = NlAttrs.attrType(buf, p);
            if (type == NDA_DST || type == NDA_LLADDR) {
                byte[] b = new byte[alen - 4];
                MemorySegment.copy(buf, JAVA_BYTE, p + 4, b, 0, b.length);
                if (type == NDA_DST) {
                    dst = b;
                } else {
                    mac = b;
                }
            }
            p += NlMsg.align(alen);
        }
        if (dst != null && mac != null && mac.length == 6 && (state & NUD_UNUSABLE) == 0) {
            out.add(new Entry(ifindex, dst, mac, state));
        }
    }
}

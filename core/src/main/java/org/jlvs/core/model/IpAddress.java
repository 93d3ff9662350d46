package org.jlvs.core.model;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * An IPv4 or IPv6 address held as two longs, so that hot paths can compare and hash addresses
 * without objects. IPv4 lives in the low 32 bits of {@code lo}; IPv6 is {@code hi:lo} big-endian.
 */
public final class IpAddress implements Comparable<IpAddress> {
    public static final IpAddress V4_ANY = new IpAddress(false, 0, 0);
    public static final IpAddress V6_ANY = new IpAddress(true, 0, 0);

    private final boolean v6;
    private final long hi;
    private final long lo;

    private IpAddress(boolean v6, long hi, long lo) {
        this.v6 = v6;
        this.hi = hi;
        this.lo = lo;
    }

    public static IpAddress ofV4(int addr) {
        return new IpAddress(false, 0, addr & 0xFFFF_FFFFL);
    }

    public static IpAddress ofV6(long hi, long lo) {
        return new IpAddress(true, hi, lo);
    }

    public static IpAddress of(boolean v6, long hi, long lo) {
        return v6 ? ofV6(hi, lo) : ofV4((int) lo);
    }

    public static IpAddress of(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 4) {
            return ofV4(readInt(b, 0));
        }
        return ofV6(readLong(b, 0), readLong(b, 8));
    }

    /**
     * Parses a numeric address: dotted-quad IPv4 (exactly four decimal parts) or IPv6 text.
     * Never resolves a name.
     *
     * @throws IllegalArgumentException when the text is not a numeric address
     */
    public static IpAddress parse(String text) {
        IpAddress a = tryParse(text);
        if (a == null) {
            throw new IllegalArgumentException("not a numeric IP address: " + text);
        }
        return a;
    }

    /** Like {@link #parse}, but returns null for text that is not a numeric address. */
    public static IpAddress tryParse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') >= 0) {
            if (text.indexOf('%') >= 0) {
                return null;
            }
            try {
                InetAddress a = InetAddress.ofLiteral(text);
                if (a instanceof Inet6Address) {
                    return of(a);
                }
                // An IPv4-mapped literal (::ffff:a.b.c.d) is returned as IPv4 by the JDK.
                byte[] b = a.getAddress();
                return ofV6(0, 0xFFFF_0000_0000L | (readInt(b, 0) & 0xFFFF_FFFFL));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return parseDottedQuad(text);
    }

    private static IpAddress parseDottedQuad(String s) {
        int addr = 0;
        int parts = 0;
        int i = 0;
        int n = s.length();
        while (parts < 4) {
            int start = i;
            int v = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                v = v * 10 + (s.charAt(i) - '0');
                if (v > 255 || i - start >= 3) {
                    return null;
                }
                i++;
            }
            if (i == start) {
                return null;
            }
            addr = (addr << 8) | v;
            parts++;
            if (parts < 4) {
                if (i >= n || s.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return i == n ? ofV4(addr) : null;
    }

    public boolean isV6() {
        return v6;
    }

    public long hi() {
        return hi;
    }

    public long lo() {
        return lo;
    }

    /** The IPv4 address as an int (network order read as a number). */
    public int v4() {
        return (int) lo;
    }

    /** The address folded to 32 bits as the kernel's hashes read it: IPv4 as is, IPv6 as the XOR of its words. */
    public int fold() {
        return fold(v6, hi, lo);
    }

    public static int fold(boolean v6, long hi, long lo) {
        if (!v6) {
            return (int) lo;
        }
        return (int) (hi >>> 32) ^ (int) hi ^ (int) (lo >>> 32) ^ (int) lo;
    }

    /** 32-bit word {@code i} (0..3) of an IPv6 address, or the IPv4 address for word 0. */
    public int word(int i) {
        if (!v6) {
            return i == 0 ? (int) lo : 0;
        }
        return switch (i) {
            case 0 -> (int) (hi >>> 32);
            case 1 -> (int) hi;
            case 2 -> (int) (lo >>> 32);
            default -> (int) lo;
        };
    }

    /** This address with only its first {@code bits} bits kept. */
    public IpAddress mask(int bits) {
        if (!v6) {
            int m = bits <= 0 ? 0 : bits >= 32 ? -1 : -1 << (32 - bits);
            return ofV4(v4() & m);
        }
        long mh = bits <= 0 ? 0 : bits >= 64 ? -1L : -1L << (64 - bits);
        long ml = bits <= 64 ? 0 : bits >= 128 ? -1L : -1L << (128 - bits);
        return ofV6(hi & mh, lo & ml);
    }

    /** This IPv4 address ANDed with an IPv4 netmask given as an int (masks need not be contiguous). */
    public IpAddress maskV4(int netmask) {
        return ofV4(v4() & netmask);
    }

    public boolean isAny() {
        return hi == 0 && lo == 0;
    }

    public InetAddress toInetAddress() {
        try {
            if (!v6) {
                byte[] b = new byte[4];
                writeInt(b, 0, (int) lo);
                return InetAddress.getByAddress(b);
            }
            byte[] b = new byte[16];
            writeLong(b, 0, hi);
            writeLong(b, 8, lo);
            return Inet6Address.getByAddress(null, b, -1);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    public byte[] bytes() {
        byte[] b = new byte[v6 ? 16 : 4];
        if (v6) {
            writeLong(b, 0, hi);
            writeLong(b, 8, lo);
        } else {
            writeInt(b, 0, (int) lo);
        }
        return b;
    }

    /** Dotted quad, or IPv6 in the compressed lower-case form inet_ntop prints. */
    @Override
    public String toString() {
        if (!v6) {
            int a = (int) lo;
            return ((a >>> 24) & 255) + "." + ((a >>> 16) & 255) + "." + ((a >>> 8) & 255) + "." + (a & 255);
        }
        int[] g = new int[8];
        for (int i = 0; i < 4; i++) {
            g[i] = (int) (hi >>> (48 - 16 * i)) & 0xFFFF;
            g[4 + i] = (int) (lo >>> (48 - 16 * i)) & 0xFFFF;
        }
        // the longest run of two or more zero groups becomes "::" (first on a tie)
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        // inet_ntop writes ::ffff:a.b.c.d and ::a.b.c.d (deprecated compatible) with a dotted tail
        boolean dottedTail = bestStart == 0 && (bestLen == 6 || (bestLen == 5 && g[5] == 0xFFFF));
        StringBuilder sb = new StringBuilder(40);
        int end = dottedTail ? 6 : 8;
        for (int i = 0; i < end; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        if (dottedTail) {
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            int a = (int) lo;
            sb.append((a >>> 24) & 255).append('.').append((a >>> 16) & 255).append('.')
                    .append((a >>> 8) & 255).append('.').append(a & 255);
        }
        return sb.toString();
    }

    /** {@code addr} for IPv4, {@code [addr]} for IPv6: the host part of an endpoint. */
    public String toUriString() {
        return v6 ? "[" + this + "]" : toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress a && a.v6 == v6 && a.hi == hi && a.lo == lo;
    }

    public boolean equals(boolean v6, long hi, long lo) {
        return this.v6 == v6 && this.hi == hi && this.lo == lo;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hi * 31 + lo) ^ (v6 ? 0x5bd1e995 : 0);
    }

    /** Natural order: IPv4 before IPv6, then as unsigned numbers. */
    @Override
    public int compareTo(IpAddress o) {
        if (v6 != o.v6) {
            return v6 ? 1 : -1;
        }
        int c = Long.compareUnsigned(hi, o.hi);
        return c != 0 ? c : Long.compareUnsigned(lo, o.lo);
    }

    private static int readInt(byte[] b, int off) {
        return ((b[off] & 255) << 24) | ((b[off + 1] & 255) << 16) | ((b[off + 2] & 255) << 8) | (b[off + 3] & 255);
    }

    private static long readLong(byte[] b, int off) {
        return ((long) readInt(b, off) << 32) | (readInt(b, off + 4) & 0xFFFF_FFFFL);
    }

    private static void writeInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    private static void writeLong(byte[] b, int off, long v) {
        writeInt(b, off, (int) (v >>> 32));
        writeInt(b, off + 4, (int) v);
    }
}

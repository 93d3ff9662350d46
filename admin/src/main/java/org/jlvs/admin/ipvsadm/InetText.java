package org.jlvs.admin.ipvsadm;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jlvs.core.model.IpAddress;

/**
 * The C library's address readers, whose leniency ipvsadm inherits: {@code inet_aton} (one to
 * four parts, each decimal, octal with a leading 0 or hex with 0x; "10.1" is 10.0.0.1, trailing
 * text allowed after a blank), the strict {@code inet_pton} forms, and {@code gethostbyname}
 * (IPv4 only).
 */
final class InetText {
    /** The largest value of the last part, by the number of parts before it. */
    private static final long[] LAST_PART_MAX = {0xFFFF_FFFFL, 0xFF_FFFFL, 0xFFFFL, 0xFFL};

    private InetText() {
    }

    /** inet_aton: the address (network order read as a number), or null. */
    static Integer aton(String s) {
        int[] parts = new int[3];
        int count = 0;
        int i = 0;
        long val;
        while (true) {
            if (!Numbers.isDigit(at(s, i))) {
                return null;
            }
            // strtoul base 0: 0x.. hex (only when a hex digit follows), 0.. octal, else decimal
            int base = 10;
            if (s.charAt(i) == '0') {
                char x = at(s, i + 1);
                if ((x == 'x' || x == 'X') && digit(at(s, i + 2), 16) >= 0) {
                    base = 16;
                    i += 2;
                } else {
                    base = 8;
                }
            }
            val = 0;
            boolean tooBig = false;
            while (i < s.length() && digit(s.charAt(i), base) >= 0) {
                val = val * base + digit(s.charAt(i), base);
                if (val > 0xFFFF_FFFFL) {
                    tooBig = true;
                    val = 0xFFFF_FFFFL + 1;
                }
                i++;
            }
            if (tooBig) {
                return null;
            }
            if (at(s, i) != '.') {
                break;
            }
            if (count > 2 || val > 0xFF) {
                return null;
            }
            parts[count++] = (int) val;
            i++;
        }
        char c = at(s, i);
        if (c != 0 && !Numbers.isSpace(c)) {
            return null;
        }
        if (val > LAST_PART_MAX[count]) {
            return null;
        }
        int addr = (int) val;
        for (int p = 0; p < count; p++) {
            addr |= parts[p] << (24 - 8 * p);
        }
        return addr;
    }

    /** inet_pton(AF_INET): exactly four decimal parts 0..255, no leading zeros. */
    static Integer pton4(String s) {
        return pton4(s, 0, s.length());
    }

    private static Integer pton4(String s, int from, int to) {
        int addr = 0;
        int octets = 0;
        int cur = 0;
        boolean sawDigit = false;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (Numbers.isDigit(ch)) {
                if (sawDigit && cur == 0) {
                    return null;
                }
                cur = cur * 10 + (ch - '0');
                if (cur > 255) {
                    return null;
                }
                if (!sawDigit) {
                    if (++octets > 4) {
                        return null;
                    }
                    sawDigit = true;
                }
            } else if (ch == '.' && sawDigit) {
                if (octets == 4) {
                    return null;
                }
                addr = (addr << 8) | cur;
                cur = 0;
                sawDigit = false;
            } else {
                return null;
            }
        }
        if (octets < 4 || !sawDigit) {
            return null;
        }
        return (addr << 8) | cur;
    }

    /** inet_pton(AF_INET6): hex groups, one "::", an optional dotted IPv4 tail; null when not valid. */
    static IpAddress pton6(String s) {
        byte[] out = new byte[16];
        int tp = 0;
        int colonp = -1;
        int n = s.length();
        int i = 0;
        if (n == 0) {
            return null;
        }
        if (s.charAt(0) == ':') {
            if (n < 2 || s.charAt(1) != ':') {
                return null;
            }
            i = 1;
        }
        int curtok = i;
        int digits = 0;
        int val = 0;
        while (i < n) {
            char ch = s.charAt(i++);
            int d = digit(ch, 16);
            if (d >= 0) {
                if (digits == 4) {
                    return null;
                }
                val = (val << 4) | d;
                digits++;
                continue;
            }
            if (ch == ':') {
                curtok = i;
                if (digits == 0) {
                    if (colonp >= 0) {
                        return null;
                    }
                    colonp = tp;
                    continue;
                } else if (i == n) {
                    return null;
                }
                if (tp + 2 > 16) {
                    return null;
                }
                out[tp++] = (byte) (val >> 8);
                out[tp++] = (byte) val;
                digits = 0;
                val = 0;
                continue;
            }
            if (ch == '.' && tp + 4 <= 16) {
                Integer v4 = pton4(s, curtok, n);
                if (v4 == null) {
                    return null;
                }
                out[tp++] = (byte) (v4 >> 24);
                out[tp++] = (byte) (v4 >> 16);
                out[tp++] = (byte) (v4 >> 8);
                out[tp++] = (byte) (int) v4;
                digits = 0;
                break;
            }
            return null;
        }
        if (digits > 0) {
            if (tp + 2 > 16) {
                return null;
            }
            out[tp++] = (byte) (val >> 8);
            out[tp++] = (byte) val;
        }
        if (colonp >= 0) {
            if (tp == 16) {
                return null;
            }
            int moved = tp - colonp;
            System.arraycopy(out, colonp, out, 16 - moved, moved);
            java.util.Arrays.fill(out, colonp, 16 - moved, (byte) 0);
            tp = 16;
        }
        if (tp != 16) {
            return null;
        }
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 8; k++) {
            hi = (hi << 8) | (out[k] & 0xFF);
            lo = (lo << 8) | (out[8 + k] & 0xFF);
        }
        return IpAddress.ofV6(hi, lo);
    }

    /** gethostbyname as ipvsadm's host_to_addr uses it: the first IPv4 address of a name, or null. */
    static Integer hostToAddr(String name) {
        if (name.isEmpty()) {
            // the JDK would answer the loopback address; the C resolver finds nothing
            return null;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(name)) {
                if (a instanceof Inet4Address) {
                    return IpAddress.of(a).v4();
                }
            }
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
        return null;
    }

    /** An ASCII digit's value in {@code base}, or -1. */
    private static int digit(char c, int base) {
        return c < 128 ? Character.digit(c, base) : -1;
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : 0;
    }
}

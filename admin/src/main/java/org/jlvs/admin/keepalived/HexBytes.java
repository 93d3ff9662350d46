package org.jlvs.admin.keepalived;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Bytes written in hex as keepalived reads them (read_hex_str): spaces between bytes are
 * optional, a lone digit before a space is a byte of its own, and where wildcards are allowed
 * an {@code x} stands for any nibble ({@code mask} has its bits set; null when there is none).
 */
public record HexBytes(byte[] data, byte[] mask) {

    /** The bytes written in {@code text}, or null when it holds a character that is not hex (or nothing). */
    static HexBytes parse(String text, boolean wildcards) {
        byte[] data = new byte[(text.length() + 1) / 2];
        byte[] mask = new byte[data.length];
        boolean masked = false;
        int len = 0;
        int p = 0;
        while (true) {
            while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                p++;
            }
            if (p >= text.length()) {
                break;
            }
            int hi = nibble(text.charAt(p++), wildcards);
            if (hi < 0) {
                return null;
            }
            int value = hi == WILD ? 0 : hi;
            int m = hi == WILD ? 0x0f : 0;
            if (p < text.length() && text.charAt(p) != ' ') {
                int lo = nibble(text.charAt(p++), wildcards);
                if (lo < 0) {
                    return null;
                }
                value = value << 4 | (lo == WILD ? 0 : lo);
                m = m << 4 | (lo == WILD ? 0x0f : 0);
            }
            masked |= m != 0;
            data[len] = (byte) value;
            mask[len] = (byte) m;
            len++;
        }
        if (len == 0) {
            return null;
        }
        return new HexBytes(Arrays.copyOf(data, len), masked ? Arrays.copyOf(mask, len) : null);
    }

    private static final int WILD = 16;

    private static int nibble(char c, boolean wildcards) {
        int d = HexFormat.isHexDigit(c) ? HexFormat.fromHexDigit(c) : -1;
        if (d < 0 && wildcards && (c == 'x' || c == 'X')) {
            return WILD;
        }
        return d;
    }

    public int length() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HexBytes h && Arrays.equals(data, h.data) && Arrays.equals(mask, h.mask);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + Arrays.hashCode(mask);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(data) + (mask == null ? "" : "/" + HexFormat.of().formatHex(mask));
    }
}

package org.jlvs.core.sched;

/**
 * The kernel's {@code hsiphash} for the one input size IPVS uses, a 4-byte value read
 * little-endian: on a 64-bit kernel SipHash-1-3 keyed with two 64-bit words, returning the low
 * 32 bits (x86-64, arm64); on a 32-bit kernel HalfSipHash-1-3 keyed with two 32-bit words.
 */
public final class HsipHash {
    private HsipHash() {
    }

    public static int hash4(int value, long k0, long k1) {
        long b = (4L << 56) | (value & 0xFFFF_FFFFL);
        long v0 = 0x736f6d6570736575L ^ k0;
        long v1 = 0x646f72616e646f6dL ^ k1;
        long v2 = 0x6c7967656e657261L ^ k0;
        long v3 = 0x7465646279746573L ^ k1;
        // one compression round on the single (final) block
        v3 ^= b;
        v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
        v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
        v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
        v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        v0 ^= b;
        v2 ^= 0xff;
        // three finalisation rounds
        for (int i = 0; i < 3; i++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        return (int) (v0 ^ v1 ^ v2 ^ v3);
    }

    /** 32-bit kernels: HalfSipHash-1-3 of the 4-byte value. */
    public static int hash4Half(int value, int k0, int k1) {
        int v0 = k0;
        int v1 = k1;
        int v2 = 0x6c796765 ^ k0;
        int v3 = 0x74656462 ^ k1;
        int b = 4 << 24;
        // the one full 4-byte word
        v3 ^= value;
        v0 += v1; v1 = Integer.rotateLeft(v1, 5); v1 ^= v0; v0 = Integer.rotateLeft(v0, 16);
        v2 += v3; v3 = Integer.rotateLeft(v3, 8); v3 ^= v2;
        v0 += v3; v3 = Integer.rotateLeft(v3, 7); v3 ^= v0;
        v2 += v1; v1 = Integer.rotateLeft(v1, 13); v1 ^= v2; v2 = Integer.rotateLeft(v2, 16);
        v0 ^= value;
        // the length block, then finalisation
        v3 ^= b;
        for (int i = 0; i < 4; i++) {
            if (i == 1) {
                v0 ^= b;
                v2 ^= 0xff;
            }
            v0 += v1; v1 = Integer.rotateLeft(v1, 5); v1 ^= v0; v0 = Integer.rotateLeft(v0, 16);
            v2 += v3; v3 = Integer.rotateLeft(v3, 8); v3 ^= v2;
            v0 += v3; v3 = Integer.rotateLeft(v3, 7); v3 ^= v0;
            v2 += v1; v1 = Integer.rotateLeft(v1, 13); v1 ^= v2; v2 = Integer.rotateLeft(v2, 16);
        }
        return v1 ^ v3;
    }
}

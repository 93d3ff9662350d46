package org.jlvs.core.sched;

/** The kernel's integer hash (include/linux/hash.h, 4.7+): the top bits of val × GOLDEN_RATIO_32. */
public final class KernelHash {
    public static final int GOLDEN_RATIO_32 = 0x61C88647;

    private KernelHash() {
    }

    public static int hash32(int val, int bits) {
        return (val * GOLDEN_RATIO_32) >>> (32 - bits);
    }
}

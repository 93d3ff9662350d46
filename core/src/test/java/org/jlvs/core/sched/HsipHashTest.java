package org.jlvs.core.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The kernel's own self-test vectors (lib/test_siphash.c): 4 input bytes 00 01 02 03. */
class HsipHashTest {

    @Test
    void sipHash13On64BitKernels() {
        assertEquals(0x88d38328, HsipHash.hash4(0x03020100, 0x0706050403020100L, 0x0f0e0d0c0b0a0908L));
    }

    @Test
    void halfSipHash13On32BitKernels() {
        assertEquals(0x7e059ea6, HsipHash.hash4Half(0x03020100, 0x03020100, 0x07060504));
    }
}

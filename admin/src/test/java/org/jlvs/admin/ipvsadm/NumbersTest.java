package org.jlvs.admin.ipvsadm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void strtolTakesBlanksAndASignButNothingAfter() {
        assertEquals(80L, Numbers.strtol("80"));
        assertEquals(80L, Numbers.strtol(" +80"));
        assertEquals(-5L, Numbers.strtol("-5"));
        assertNull(Numbers.strtol(""));
        assertNull(Numbers.strtol("80 "));
        assertNull(Numbers.strtol("0x50"));
        assertNull(Numbers.strtol("-"));
        assertEquals(Long.MIN_VALUE, Numbers.strtol("-9223372036854775808"));
        assertNull(Numbers.strtol("9223372036854775808"));
    }

    @Test
    void inRangeIsStringToNumber() {
        assertEquals(65535, Numbers.inRange("65535", 0, 65535));
        assertEquals(-1, Numbers.inRange("65536", 0, 65535));
        assertEquals(0, Numbers.inRange("-0", 0, 65535));
    }

    @Test
    void atoiStopsAtTheFirstNonDigit() {
        assertEquals(64, Numbers.atoi("64abc"));
        assertEquals(0, Numbers.atoi("abc"));
        assertEquals(-3, Numbers.atoi(" -3"));
    }
}

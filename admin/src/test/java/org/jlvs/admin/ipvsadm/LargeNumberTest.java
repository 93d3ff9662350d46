package org.jlvs.admin.ipvsadm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LargeNumberTest {
    @Test
    void belowAHundredMillionTheNumberItselfInNineColumns() {
        assertEquals("        0", Listing.largeNumber(0, false));
        assertEquals(" 99999999", Listing.largeNumber(99_999_999L, false));
    }

    @Test
    void largerNumbersAreScaledWithASuffix() {
        assertEquals("  100000K", Listing.largeNumber(100_000_000L, false));
        assertEquals("  999999K", Listing.largeNumber(999_999_999L, false));
        assertEquals("    1000M", Listing.largeNumber(1_000_000_000L, false));
        assertEquals("   99999M", Listing.largeNumber(99_999_999_999L, false));
        assertEquals("     100G", Listing.largeNumber(100_000_000_000L, false));
        assertEquals("   99999G", Listing.largeNumber(99_999_999_999_999L, false));
        assertEquals("     100T", Listing.largeNumber(100_000_000_000_000L, false));
        // the full unsigned 64-bit range still fits in eight digits plus T
        assertEquals("18446744T", Listing.largeNumber(-1L, false));
    }

    @Test
    void exactNumbersWidenPastEightDigits() {
        assertEquals("        0", Listing.largeNumber(0, true));
        assertEquals(" 12345678", Listing.largeNumber(12_345_678L, true));
        assertEquals(" 123456789", Listing.largeNumber(123_456_789L, true));
        assertEquals(" 18446744073709551615", Listing.largeNumber(-1L, true));
    }
}

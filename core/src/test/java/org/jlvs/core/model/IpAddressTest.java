package org.jlvs.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {
    @ParameterizedTest
    @CsvSource({
        "10.0.0.1, 10.0.0.1",
        "2001:db8::1, 2001:db8::1",
        "2001:DB8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "::, ::",
        "::1, ::1",
        "fe80::, fe80::",
        "::ffff:10.0.0.1, ::ffff:10.0.0.1",
        "1:0:0:2:0:0:0:3, 1:0:0:2::3",
    })
    void formatsAsInetNtop(String in, String out) {
        assertEquals(out, IpAddress.parse(in).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "10.0.0.256", "10.0.0.1.2", "1.2.3.04x", "host", "2001:db8::g", "fe80::1%eth0"})
    void refusesWhatIsNotANumericAddress(String s) {
        assertNull(IpAddress.tryParse(s));
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.1, 0x0A000001", "2001:db8::1, 0x20010DB9", "2001:db8:1:2:3:4:5:6, 0x20060DB8"})
    void foldsAsTheKernel(String addr, String fold) {
        // IPv6: the XOR of the four 32-bit words
        assertEquals(Integer.parseUnsignedInt(fold.substring(2), 16), IpAddress.parse(addr).fold());
    }

    @ParameterizedTest
    @CsvSource({"203.0.113.77, 24, 203.0.113.0", "2001:db8:1:2::5, 48, 2001:db8:1::", "2001:db8::ff, 128, 2001:db8::ff",
            "2001:db8:1:2:ff03:4:5:6, 72, 2001:db8:1:2:ff00::"})
    void masksToAPrefix(String addr, int bits, String net) {
        assertEquals(IpAddress.parse(net), IpAddress.parse(addr).mask(bits));
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.1, 192.168.0.1", "192.168.0.1, 2001:db8::1", "2001:db8::1, 2001:db8::2"})
    void ordersV4BeforeV6ThenNumerically(String lo, String hi) {
        assertTrue(IpAddress.parse(lo).compareTo(IpAddress.parse(hi)) < 0);
    }
}

package org.jlvs.admin.ipvsadm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jlvs.core.model.IpAddress;
import org.junit.jupiter.api.Test;

class InetTextTest {
    private static String aton(String s) {
        Integer a = InetText.aton(s);
        return a == null ? null : IpAddress.ofV4(a).toString();
    }

    private static String pton6(String s) {
        IpAddress a = InetText.pton6(s);
        return a == null ? null : a.toString();
    }

    @Test
    void inetAtonReadsShortHexAndOctalForms() {
        assertEquals("10.0.0.1", aton("10.1"));
        assertEquals("10.1.0.2", aton("10.1.2"));
        assertEquals("10.0.0.1", aton("0x0a000001"));
        assertEquals("0.0.0.24", aton("24"));
        assertEquals("8.0.0.1", aton("010.0.0.1"));
        assertEquals("255.255.255.0", aton("255.255.255.0"));
        assertEquals("1.2.3.4", aton("1.2.3.4 trailing"));
    }

    @Test
    void inetAtonRefusesWhatGlibcRefuses() {
        assertNull(aton("255.255.255.300"));
        assertNull(aton("1.2.3.4.5"));
        assertNull(aton("1.2.3."));
        assertNull(aton(""));
        assertNull(aton("08"));
        assertNull(aton("0x"));
        assertNull(aton("+1.2.3.4"));
        assertNull(aton("10.0.0.1x"));
        assertNull(aton("4294967296"));
        assertNull(aton("1.16777216"));
    }

    @Test
    void inetPton6() {
        assertEquals("2001:db8::1", pton6("2001:db8::1"));
        assertEquals("2001:db8::1:0:0:1", pton6("2001:db8:0:0:1:0:0:1"));
        assertEquals("::", pton6("::"));
        assertEquals("::ffff:10.0.0.1", pton6("::ffff:10.0.0.1"));
        assertEquals("1:2:3:4:5:6:7:0", pton6("1:2:3:4:5:6:7::"));
        assertEquals("2001:db8::b:8080", pton6("2001:db8::b:8080"));
        assertNull(pton6("::1:2:3:4:5:6:7:8"));
        assertNull(pton6("1::2::3"));
        assertNull(pton6(":1::2"));
        assertNull(pton6("12345::"));
        assertNull(pton6("1:2:3:4:5:6:7"));
        assertNull(pton6("10.0.0.1"));
        assertNull(pton6("::ffff:10.0.0.01"));
        assertNull(pton6("2001:db8::1:"));
    }

    @Test
    void inetPton4IsStrict() {
        assertEquals(0xE0000051, (int) InetText.pton4("224.0.0.81"));
        assertNull(InetText.pton4("224.0.0"));
        assertNull(InetText.pton4("224.0.0.081"));
        assertNull(InetText.pton4("0x10.0.0.1"));
    }
}

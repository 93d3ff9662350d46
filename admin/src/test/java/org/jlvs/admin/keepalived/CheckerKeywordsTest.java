package org.jlvs.admin.keepalived;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UDP_CHECK and PING_CHECK blocks as keepalived's check_udp.c and check_ping.c read them. */
class CheckerKeywordsTest {
    @TempDir
    Path dir;

    private KeepalivedConf.Loaded load(String checkers) {
        return ConfFiles.load(dir, "virtual_server 10.0.0.1 53 {\n  lb_algo rr\n  lb_kind NAT\n  protocol UDP\n"
                + "  real_server 10.0.1.1 53 {\n" + checkers + "  }\n}\n");
    }

    private static List<Checker> checkers(KeepalivedConf.Loaded l) {
        return l.config().virtualServers().getFirst().realServers().getFirst().checkers();
    }

    @Test
    void hexBytesAreReadAsReadHexStrReadsThem() {
        assertArrayEquals(new byte[] {(byte) 0xde, (byte) 0xad, 0x0b, 0x0e, (byte) 0xef},
                HexBytes.parse("dead b e ef", false).data(), "a lone digit before a space is a byte");
        HexBytes w = HexBytes.parse("aX 1x", true);
        assertArrayEquals(new byte[] {(byte) 0xa0, 0x10}, w.data());
        assertArrayEquals(new byte[] {0x0f, 0x0f}, w.mask());
        assertNull(HexBytes.parse("aX", false), "no wildcards in a payload");
        assertNull(HexBytes.parse("12g4", false));
        assertNull(HexBytes.parse("  ", false));
        assertNull(HexBytes.parse("ab", false).mask());
    }

    @Test
    void udpCheckTakesPayloadReplyAndLengths() {
        KeepalivedConf.Loaded l = load("    UDP_CHECK {\n      connect_port 5353\n      payload 01 02 0a0b\n"
                + "      require_reply 0x ab\n      min_reply_length 2\n      max_reply_length 512\n    }\n"
                + "    UDP_CHECK {\n    }\n");
        UdpCheck u = (UdpCheck) checkers(l).get(0);
        assertArrayEquals(new byte[] {1, 2, 10, 11}, u.payload().data());
        assertTrue(u.requireReply());
        assertArrayEquals(new byte[] {0x00, (byte) 0xab}, u.reply().data());
        assertArrayEquals(new byte[] {0x0f, 0x00}, u.reply().mask());
        assertEquals(2, u.minReplyLength());
        assertEquals(512, u.maxReplyLength());
        assertEquals(5353, u.options().connectPort());
        UdpCheck plain = (UdpCheck) checkers(l).get(1);
        assertNull(plain.payload());
        assertFalse(plain.requireReply());
        assertEquals(0, plain.minReplyLength());
        assertEquals(255, plain.maxReplyLength());
        assertEquals(List.of(), ConfFiles.messages(l));
    }

    @Test
    void udpCheckMistakesGetKeepalivedsMessages() {
        KeepalivedConf.Loaded l = load("    UDP_CHECK {\n      payload\n      payload 1x\n      require_reply zz\n"
                + "      min_reply_length 70000\n      min_reply_length 300\n    }\n");
        assertEquals(List.of(
                "keepalived.conf:7: UDP_CHECK payload requires a payload",
                "keepalived.conf:8: Invalid hex string for UDP_CHECK payload",
                "keepalived.conf:9: Invalid hex string for UDP_CHECK reply",
                "keepalived.conf:10: UDP_CHECK min length 70000 not valid - must be between 0 & 65535",
                "keepalived.conf:6: UDP_CHECK min_reply length 300 > max_reply_length 255 - will always fail"),
                ConfFiles.messages(l));
        UdpCheck u = (UdpCheck) checkers(l).getFirst();
        assertTrue(u.requireReply(), "require_reply holds even when its bytes are bad");
        assertNull(u.reply());
    }

    @Test
    void pingCheckIsAConnectionChecker() {
        KeepalivedConf.Loaded l = load("    PING_CHECK {\n      connect_ip 10.0.9.9\n      connect_timeout 2\n"
                + "      retry 4\n    }\n");
        PingCheck p = (PingCheck) checkers(l).getFirst();
        assertEquals("10.0.9.9", p.options().connectIp().toString());
        assertEquals(2, p.options().connectTimeout().toSeconds());
        assertEquals(4, p.options().retry());
        assertEquals(List.of(), ConfFiles.messages(l));
    }
}

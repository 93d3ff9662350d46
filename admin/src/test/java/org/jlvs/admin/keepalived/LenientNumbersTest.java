package org.jlvs.admin.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The numbers keepalived's running daemon reads "ignoring errors" (read_unsigned_strvec with
 * ignore_error: real and virtual server weight, quorum, hysteresis, thresholds): strtoul's value
 * is kept when it is in range, whatever follows the digits.
 */
class LenientNumbersTest {
    @TempDir
    Path dir;

    @Test
    void weightsKeepTheLeadingDigitsAndAWordWithoutDigitsIsZero() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  protocol TCP\n"
                + "  weight 2abc\n  quorum 3x\n  hysteresis 1.5\n"
                + "  real_server 10.0.1.1 80 { weight 10.5 }\n"
                + "  real_server 10.0.1.2 80 { weight abc }\n"
                + "  real_server 10.0.1.3 80 { weight -3 }\n"
                + "  real_server 10.0.1.4 80 { weight -0 }\n"
                + "  real_server 10.0.1.5 80 { }\n"
                + "  real_server 10.0.1.6 80 { weight 99999999999 }\n"
                + "  real_server 10.0.1.7 80 { uthreshold 100conns }\n}\n");
        VirtualServer vs = l.config().virtualServers().getFirst();
        List<Integer> weights = vs.realServers().stream().map(RealServer::weight).toList();
        // -3 and 99999999999 are out of range: those servers keep the virtual server's weight (2)
        assertEquals(List.of(10, 0, 2, 0, 2, 2, 2), weights);
        assertEquals(3, vs.quorum());
        assertEquals(1, vs.hysteresis());
        assertEquals(100, vs.realServers().get(6).upperThreshold());
        List<String> messages = ConfFiles.messages(l);
        assertTrue(messages.stream().anyMatch(m -> m.contains("invalid number '10.5'")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("Real server weight -3 is outside range")), messages.toString());
    }

    @Test
    void serverTimersKeepStrtodsValue() {
        KeepalivedConf.Loaded l = ConfFiles.load(dir, "virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  protocol TCP\n"
                + "  delay_loop 6s\n  connect_timeout 1e1\n"
                + "  real_server 10.0.1.1 80 {\n    delay_loop 2.5\n    connect_timeout 0.0000001\n  }\n}\n");
        VirtualServer vs = l.config().virtualServers().getFirst();
        assertEquals(java.time.Duration.ofSeconds(6), vs.delayLoop());
        assertEquals(java.time.Duration.ofSeconds(10), vs.connectTimeout());
        assertEquals(java.time.Duration.ofMillis(2500), vs.realServers().getFirst().delayLoop());
        // below a microsecond is out of range: the real server keeps the virtual server's timeout
        assertEquals(java.time.Duration.ofSeconds(10), vs.realServers().getFirst().connectTimeout());
    }
}

package org.jlvs.daemon.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jlvs.admin.keepalived.KeepalivedConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which re-read files may replace the running one, and the --signum answers. */
class ReloadGateTest {
    @TempDir
    Path dir;

    private KeepalivedConf.Loaded load(String text) throws Exception {
        Path f = dir.resolve("keepalived.conf");
        Files.writeString(f, text);
        return KeepalivedConf.load(f, new KeepalivedConf.Options(null, "t"));
    }

    static final String GOOD = """
            virtual_server 10.0.0.1 80 {
              lb_algo rr
              real_server 10.0.1.1 80 { TCP_CHECK { } }
            }
            """;

    @Test
    void errorsTheRunningFileAlreadyHadDoNotBlockAReload() throws Exception {
        KeepalivedConf.Loaded running = load(GOOD);  // "no protocol set - defaulting to UDP" is an error keepalived runs with
        assertTrue(running.diagnostics().stream().anyMatch(d -> d.message().contains("no protocol set")));
        assertNull(ReloadGate.refusal(running, load("\n" + GOOD.replace("lb_algo rr", "lb_algo wrr"))));
    }

    @Test
    void aNewErrorOrAnUnreadableFileIsRefused() throws Exception {
        KeepalivedConf.Loaded running = load(GOOD);
        String typo = ReloadGate.refusal(running, load(GOOD.replace("lb_algo rr", "lb_algo rr\n  wieght 3")));
        assertTrue(typo != null && typo.contains("keepalived.conf:3"), typo);
        Files.delete(dir.resolve("keepalived.conf"));
        String gone = ReloadGate.refusal(running, KeepalivedConf.load(dir.resolve("keepalived.conf"),
                new KeepalivedConf.Options(null, "t")));
        assertTrue(gone != null && gone.startsWith("the file cannot be read"), gone);
    }

    @Test
    void signalNumbersAsKeepalivedPrintsThem() {
        assertEquals(1, SignalNames.number("RELOAD"));
        assertEquals(10, SignalNames.number("data"));
        assertEquals(12, SignalNames.number("STATS"));
        assertEquals(15, SignalNames.number("STOP"));
        assertNull(SignalNames.number("JSON"));
    }
}

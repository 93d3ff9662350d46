package org.jlvs.daemon.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keepalived's first lines, word for word (main.c, as logged in its users' journals). */
class BannerTest {
    @TempDir
    Path dir;

    @Test
    void theCommandLineIsQuotedAndWrappedAsKeepalivedWrapsIt() {
        // the journal of acassen/keepalived issue #2164
        assertEquals(List.of(
                "Command line: 'keepalived/keepalived' '-f' '246.conf' '--log-console' '--log-detail' '--no-syslog'",
                "              '--dont-fork' '--dump-conf'"),
                Banner.commandLine(List.of("keepalived/keepalived", "-f", "246.conf", "--log-console", "--log-detail",
                        "--no-syslog", "--dont-fork", "--dump-conf")));
        assertEquals(List.of("Command line: '/usr/sbin/keepalived' '--dont-fork'"),
                Banner.commandLine(List.of("/usr/sbin/keepalived", "--dont-fork")));
    }

    @Test
    void anArgumentLongerThanALineIsCutAtTheLineLength() {
        String path = "/" + "d".repeat(120);
        List<String> lines = Banner.commandLine(List.of("jlvsd", "-f", path));
        assertEquals("Command line: 'jlvsd' '-f'", lines.get(0));
        assertEquals("              '" + path.substring(0, 87), lines.get(1));
        assertEquals("              " + path.substring(87) + "'", lines.get(2));
    }

    @Test
    void startAndStopNameTheReleaseAsKeepalivedDoes() {
        assertEquals("Starting Keepalived v2.2.7 (01/16,2022)", Banner.starting());
        assertEquals("Stopped Keepalived v2.2.7 (01/16,2022)", Banner.stopped());
    }

    @Test
    void theKernelLineComesFromProc() throws Exception {
        Files.writeString(dir.resolve("ostype"), "Linux\n");
        Files.writeString(dir.resolve("osrelease"), "6.1.0-18-amd64\n");
        Files.writeString(dir.resolve("version"), "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)\n");
        assertEquals("Running on Linux 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)"
                + " (built for Linux 6.1.0)", Banner.runningOn(dir));
        assertNull(Banner.runningOn(dir.resolve("absent")));
    }

    @Test
    void cpuTimesAreReadFromStatInTicks() throws Exception {
        Path stat = Files.writeString(dir.resolve("stat"),
                "4242 (java (jlvsd)) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 56 0 0 20 0 30 0 7 8 9\n");
        CpuTimes t = CpuTimes.read(stat);
        assertEquals("Stopped - used 12.340000 user time, 0.560000 system time", t.stoppedLine());
    }
}

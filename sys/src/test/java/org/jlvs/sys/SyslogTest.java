package org.jlvs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.jlvs.sys.libc.SockAddr;
import org.jlvs.sys.libc.Sockets;
import org.jlvs.sys.libc.Syslog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syslog lines as a system logger receives them on its socket. */
class SyslogTest {
    @TempDir
    Path dir;

    @Test
    void aLineArrivesInSyslogsOwnForm() throws Exception {
        String path = dir.resolve("log").toString();
        try (Arena a = Arena.ofConfined()) {
            int rx = Sockets.socket(Sockets.AF_UNIX, Sockets.SOCK_DGRAM | Sockets.SOCK_CLOEXEC, 0);
            assertTrue(rx >= 0);
            try {
                assertEquals(0, Sockets.bind(rx, SockAddr.unix(a, path)));
                assertEquals(0, Sockets.receiveTimeout(rx, 5000));
                try (Syslog log = Syslog.open(path, "Keepalived_healthcheckers", Syslog.LOG_LOCAL0 + 3)) {
                    assertTrue(log.log(Syslog.LOG_INFO, "Adding service [10.0.0.1]:tcp:80 to VS [10.0.0.9]:tcp:80"));
                }
                MemorySegment buf = a.allocate(2048);
                int n = Sockets.recv(rx, buf, 2048, 0);
                assertTrue(n > 0, "received " + n);
                String line = new String(buf.asSlice(0, n).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
                // local3.info: 19 * 8 + 6
                assertTrue(line.matches("<158>[A-Z][a-z]{2} [ 1-3][0-9] \\d\\d:\\d\\d:\\d\\d Keepalived_healthcheckers\\["
                        + ProcessHandle.current().pid() + "\\]: Adding service \\[10\\.0\\.0\\.1\\]:tcp:80 to VS \\[10\\.0\\.0\\.9\\]:tcp:80"),
                        line);
            } finally {
                Sockets.close(rx);
            }
        }
    }

    @Test
    void noLoggerIsAnErrorThatSaysWhere() {
        String path = dir.resolve("none").toString();
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> Syslog.open(path, "x", Syslog.LOG_DAEMON));
        assertTrue(e.getMessage().startsWith(path), e.getMessage());
    }
}

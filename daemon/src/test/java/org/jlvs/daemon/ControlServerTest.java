package org.jlvs.daemon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jlvs.core.table.IpvsTable;
import org.junit.jupiter.api.Test;

class ControlServerTest {

    @Test
    void closingRemovesOnlyItsOwnSocket() throws Exception {
        Path dir = Files.createTempDirectory("jlvs-ctl");
        Path sock = dir.resolve("c.sock");
        Director d = new Director(new IpvsTable(), null);
        ControlServer first = new ControlServer(sock, d, () -> { });
        first.start();
        Files.delete(sock); // someone removed it, and a second director took the path
        ControlServer second = new ControlServer(sock, d, () -> { });
        second.start();
        first.close();
        assertTrue(Files.exists(sock), "the second director's socket stays");
        assertTrue(ControlServer.isAlive(sock));
        second.close();
        assertFalse(Files.exists(sock));
    }

    @Test
    void aSecondDirectorOnALiveSocketIsRefused() throws Exception {
        Path sock = Files.createTempDirectory("jlvs-ctl").resolve("c.sock");
        Director d = new Director(new IpvsTable(), null);
        ControlServer first = new ControlServer(sock, d, () -> { });
        first.start();
        try {
            assertThrows(IOException.class, () -> new ControlServer(sock, d, () -> { }).start());
            assertTrue(ControlServer.isAlive(sock), "the first one still answers");
        } finally {
            first.close();
        }
    }
}

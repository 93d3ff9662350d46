package org.jlvs.daemon.keepalived;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jlvs.admin.keepalived.GlobalDefs;

/**
 * keepalived's dump files: SIGUSR1 writes {@code keepalived_check.data} (global definitions, then
 * the LVS topology with each server's state) and {@code keepalived.data} (the VRRP process's
 * file: global definitions and no VRRP instance, as there is none); SIGUSR2 writes
 * {@code keepalived.stats} (VRRP counters: none). Exporters find them where keepalived puts them.
 */
final class DumpFiles {
    static final String DATA = "keepalived.data";
    static final String CHECK_DATA = "keepalived_check.data";
    static final String STATS = "keepalived.stats";

    private final Path dir;

    DumpFiles(Path dir) {
        this.dir = dir;
    }

    static String global(GlobalDefs g) {
        StringBuilder b = new StringBuilder("------< Global definitions >------\n");
        b.append(" Network namespace = (default)\n");
        if (g.routerId() != null) {
            b.append(" Router ID = ").append(g.routerId()).append('\n');
        }
        b.append(" LVS flush = ").append(g.lvsFlush() ? "true" : "false").append('\n');
        b.append(" Checker log all failures = ").append(g.checkerLogAllFailures() ? "true" : "false").append('\n');
        return b.toString();
    }

    void data(GlobalDefs g, String topology) throws IOException {
        write(CHECK_DATA, global(g) + topology);
        write(DATA, global(g));
    }

    void stats() throws IOException {
        write(STATS, "");
    }

    private void write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Path tmp = dir.resolve(name + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

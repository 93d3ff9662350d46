package org.jlvs.admin.keepalived;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helper: writes configuration text to files and loads it. */
final class ConfFiles {
    static final String CONFIG_ID = "node1";
    static final Origin ORIGIN = new Origin("keepalived.conf", 1);

    private ConfFiles() {
    }

    static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static KeepalivedConf.Loaded load(Path dir, String text) {
        return KeepalivedConf.load(write(dir.resolve("keepalived.conf"), text),
                new KeepalivedConf.Options(null, CONFIG_ID));
    }

    /** The diagnostics as "name:line: message" with only the file's last name, for short assertions. */
    static List<String> messages(KeepalivedConf.Loaded l) {
        return l.diagnostics().stream()
                .map(d -> Path.of(d.at().file()).getFileName() + ":" + d.at().line() + ": " + d.message())
                .toList();
    }

    static String table(KeepalivedConf.Loaded l, TableState state) {
        return TablePrinter.printTable(l.config(), state);
    }
}

package org.jlvs.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jlvs.admin.ipvsadm.Ipvsadm;

/** Restoring and saving the table in ipvsadm's -S format, by running ipvsadm -R and -S -n. */
final class RulesFile {
    private RulesFile() {
    }

    /** Restores {@code file} as ipvsadm -R would; returns what went wrong, or null. */
    static String restore(Path file, Director director) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (InputStream in = Files.newInputStream(file);
             PrintStream pe = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Ipvsadm.run(new String[] {"-R"}, in, System.out, pe, new DirectorControl(director));
        } catch (IOException e) {
            return e.getMessage();
        }
        String msg = err.toString(StandardCharsets.UTF_8).strip();
        if (status != 0 || !msg.isEmpty()) {
            return (msg.isEmpty() ? "" : msg + " ") + "(ipvsadm -R exit status " + status + ")";
        }
        return null;
    }

    /** Saves the table as ipvsadm -S -n prints it; returns what went wrong, or null. */
    static String save(Path file, Director director) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream po = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream pe = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = Ipvsadm.run(new String[] {"-S", "-n"}, InputStream.nullInputStream(), po, pe,
                    new DirectorControl(director));
        }
        if (status != 0) {
            return err.toString(StandardCharsets.UTF_8).strip();
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, out.toByteArray());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return e.getMessage();
        }
        return null;
    }
}

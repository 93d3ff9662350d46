package org.jlvs.ha.check;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Consumer;

import org.jlvs.admin.keepalived.CNumber;
import org.jlvs.admin.keepalived.TrackFile;

/**
 * keepalived's track files on disk (track_file.c): where one really is, the number it holds,
 * and init_file. Absolute paths are looked up under the root prefix when one is set.
 */
final class TrackFiles {
    /** keepalived reads at most this many bytes of a track file. */
    private static final int READ = 127;

    private final Path root;
    private final Consumer<String> log;

    TrackFiles(Path root, Consumer<String> log) {
        this.root = root;
        this.log = log;
    }

    /** The configured path, under the root prefix. */
    Path path(TrackFile f) {
        return root != null && f.path().startsWith("/") ? Path.of(root.toString(), f.path()) : Path.of(f.path());
    }

    /**
     * Where the file really is (init_track_files: symbolic links resolved, or, for a file not
     * there yet, its directory's); null when its directory does not exist, which keepalived reports.
     */
    Path resolve(TrackFile f) {
        Path p = path(f).toAbsolutePath();
        try {
            return p.toRealPath();
        } catch (IOException e) {
            // not there yet: its directory must be
        }
        try {
            Path dir = p.getParent() == null ? Path.of("/") : p.getParent().toRealPath();
            if (Files.isDirectory(dir)) {
                return dir.resolve(p.getFileName());
            }
        } catch (IOException e) {
            // no such directory
        }
        log.accept("Track file directory for " + f.name() + " does not exist - removing");
        return null;
    }

    /**
     * The number in the file (process_track_file): its first bytes read as C's strtol with base 0,
     * 0 for a missing or empty file; empty, after saying so, for a number out of 32 bits.
     */
    OptionalLong read(Path p) {
        byte[] b;
        try (InputStream in = Files.newInputStream(p)) {
            b = in.readNBytes(READ);
        } catch (IOException e) {
            return OptionalLong.of(0);
        }
        if (b.length == 0) {
            return OptionalLong.of(0);
        }
        long v = CNumber.parse(new String(b, StandardCharsets.ISO_8859_1), 0).value();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE + 1L) {
            log.accept("Invalid number " + v + " read from " + p + " - ignoring");
            return OptionalLong.empty();
        }
        return OptionalLong.of(v);
    }

    /**
     * init_file: the file is written with its value when it does not exist, or with
     * {@code overwrite} at start even when it does (never on a reload).
     */
    void init(TrackFile f, boolean reload) {
        if (f.init() == null) {
            return;
        }
        Path p = path(f);
        if (Files.exists(p)) {
            if (!f.init().overwrite() || reload) {
                return;
            }
            if (!Files.isRegularFile(p)) {
                log.accept("Cannot initialise track file " + f.name() + " - it is not a regular file");
                return;
            }
        }
        try {
            Files.writeString(p, f.init().value() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            log.accept("Unable to initialise track file " + f.name());
        }
    }
}

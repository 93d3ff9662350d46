package org.jlvs.ha.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * keepalived's check_script_secure on one script file: a script run as root (or as group root,
 * or set-uid/set-gid root) is unsafe when the file or any directory on its path is owned by
 * someone other than root, or is writable by a group other than root or by everyone (a sticky
 * directory excepted), since whoever could change it would run code as root.
 */
final class ScriptPaths {
    private static final int S_IFMT = 0170000;
    private static final int S_IFREG = 0100000;
    private static final int S_ISUID = 04000;
    private static final int S_ISGID = 02000;
    private static final int S_ISVTX = 01000;
    private static final int S_IXUSR = 0100;
    private static final int S_IXGRP = 010;
    private static final int S_IWGRP = 020;
    private static final int S_IWOTH = 02;

    private ScriptPaths() {
    }

    /** Whether running {@code program} as uid:gid needs its path protected (keepalived's need_script_protection). */
    static boolean needsProtection(Path program, long uid, long gid) {
        if (uid == 0 || gid == 0) {
            return true;
        }
        try {
            int mode = (Integer) Files.getAttribute(program, "unix:mode");
            int owner = (Integer) Files.getAttribute(program, "unix:uid");
            int group = (Integer) Files.getAttribute(program, "unix:gid");
            return (owner == 0 && (mode & S_IXUSR) != 0 && (mode & S_ISUID) != 0)
                    || (group == 0 && (mode & S_IXGRP) != 0 && (mode & S_ISGID) != 0);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** The first of "/", each directory, then the file itself that makes {@code program} unsafe; null when none does. */
    static Path unsafe(Path program) {
        Path abs = program.toAbsolutePath().normalize();
        Path p = abs.getRoot();
        if (unsafeOne(p)) {
            return p;
        }
        for (Path part : abs) {
            p = p.resolve(part);
            if (unsafeOne(p)) {
                return p;
            }
        }
        return null;
    }

    private static boolean unsafeOne(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode");
            int owner = (Integer) Files.getAttribute(p, "unix:uid");
            int group = (Integer) Files.getAttribute(p, "unix:gid");
            boolean file = (mode & S_IFMT) == S_IFREG;
            return owner != 0
                    || ((((mode & S_ISVTX) == 0) || file)
                        && ((group != 0 && (mode & S_IWGRP) != 0) || (mode & S_IWOTH) != 0));
        } catch (IOException | UnsupportedOperationException e) {
            return true;   // keepalived: a path it cannot stat is not found, so not run
        }
    }
}

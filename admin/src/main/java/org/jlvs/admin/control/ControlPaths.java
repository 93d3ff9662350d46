package org.jlvs.admin.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a network namespace's director listens. The table belongs to a network namespace, as
 * the kernel's does, so the default path names the namespace (the inode of /proc/self/ns/net):
 * {@code ip netns exec X ipvsadm} reaches X's director. JLVS_CONTROL_SOCKET overrides it.
 */
public final class ControlPaths {
    public static final String ENV = "JLVS_CONTROL_SOCKET";

    private ControlPaths() {
    }

    public static Path socket() {
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return directory().resolve("jlvsd-" + netnsId() + ".sock");
    }

    /** /run/jlvs for root, else $XDG_RUNTIME_DIR/jlvs, else the temp dir's jlvs-USER. */
    public static Path directory() {
        if ("root".equals(System.getProperty("user.name")) && Files.isDirectory(Path.of("/run"))) {
            return Path.of("/run/jlvs");
        }
        String xdg = System.getenv("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && Files.isDirectory(Path.of(xdg))) {
            return Path.of(xdg, "jlvs");
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "jlvs-" + System.getProperty("user.name"));
    }

    /** The network namespace's inode number, e.g. 4026531840, or "default" when it cannot be read. */
    public static String netnsId() {
        try {
            String link = Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString(); // net:[4026531840]
            int a = link.indexOf('[');
            int b = link.indexOf(']');
            if (a >= 0 && b > a) {
                return "net" + link.substring(a + 1, b);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not Linux, or /proc is not mounted
        }
        return "default";
    }
}

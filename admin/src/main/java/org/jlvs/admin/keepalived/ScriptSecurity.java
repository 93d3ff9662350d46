package org.jlvs.admin.keepalived;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What keepalived checks about scripts at start: a MISC_CHECK script that is missing disables
 * its checker (said as a warning: JLVS leaves that decision to the checker engine), and scripts
 * that exist while {@code enable_script_security} is off are a security error ({@code -t} exit 5).
 */
final class ScriptSecurity {

    private ScriptSecurity() {
    }

    static void check(Iterable<VirtualServer> servers, GlobalDefs global, Path root, Reporter rep) {
        Origin firstRunnable = null;
        for (VirtualServer vs : servers) {
            firstRunnable = first(firstRunnable, runnable(vs.quorumUp(), vs.at(), root, rep, false));
            firstRunnable = first(firstRunnable, runnable(vs.quorumDown(), vs.at(), root, rep, false));
            for (RealServer rs : vs.realServers()) {
                firstRunnable = first(firstRunnable, runnable(rs.notifyUp(), rs.at(), root, rep, false));
                firstRunnable = first(firstRunnable, runnable(rs.notifyDown(), rs.at(), root, rep, false));
                for (Checker c : rs.checkers()) {
                    if (c instanceof MiscCheck m) {
                        firstRunnable = first(firstRunnable, runnable(m.script(), m.at(), root, rep, true));
                    }
                }
            }
        }
        if (firstRunnable != null && !global.enableScriptSecurity()) {
            rep.security(firstRunnable,
                    "SECURITY VIOLATION - check scripts are being executed but script_security not enabled.");
        }
    }

    private static Origin first(Origin a, Origin b) {
        return a != null ? a : b;
    }

    /** The origin when the script's program exists, else null (after a warning). */
    private static Origin runnable(Script s, Origin at, Path root, Reporter rep, boolean checker) {
        if (s == null) {
            return null;
        }
        if (exists(s.argv().getFirst(), root)) {
            return at;
        }
        rep.warning(at, checker
                ? "Disabling misc script " + s.command() + " since not found/accessible (keepalived drops this checker at start)"
                : "script " + s.command() + " not found/accessible - keepalived would not run it");
        return null;
    }

    private static boolean exists(String program, Path root) {
        if (program.startsWith("/")) {
            Path p = root != null ? Path.of(root.toString(), program) : Path.of(program);
            return Files.isRegularFile(p);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isRegularFile(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}

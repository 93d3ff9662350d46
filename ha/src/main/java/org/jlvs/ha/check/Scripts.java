package org.jlvs.ha.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jlvs.admin.keepalived.Script;

/**
 * Runs keepalived's scripts: the argv as written in the configuration, nothing appended, no
 * shell in between, standard streams to /dev/null, as the user keepalived would run them as. Absolute programs are looked up under the
 * root prefix when one is set (as the configuration's includes are).
 */
final class Scripts {
    /** keepalived's grace between SIGTERM and SIGKILL for a script past its timeout. */
    static final long KILL_GRACE_MILLIS = 2000;

    private final Path root;
    private final ScriptUsers users;

    Scripts(Path root) {
        this(root, new ScriptUsers(line -> { }));
    }

    Scripts(Path root, ScriptUsers users) {
        this.root = root;
        this.users = users;
    }

    private volatile boolean security;
    private volatile java.util.function.Consumer<String> log = line -> { };
    /** Per command: whether it may run (checked once per configuration). */
    private final java.util.Map<String, Boolean> allowed = new java.util.concurrent.ConcurrentHashMap<>();

    /** Takes a configuration's script_user and enable_script_security (at start and at each reload). */
    void configure(org.jlvs.admin.keepalived.GlobalDefs g, java.util.function.Consumer<String> log) {
        users.configure(g);
        this.security = g.enableScriptSecurity();
        this.log = log;
        allowed.clear();
    }

    /**
     * keepalived's check of a script it will run as root: an unsafe path (see {@link ScriptPaths})
     * is logged, and with enable_script_security the script is not run.
     */
    boolean secure(Script s) {
        return allowed.computeIfAbsent(s.command() + "\0" + s.user() + "\0" + s.group(), k -> {
            Path program = resolved(s);
            if (program == null) {
                return true;   // missing: runnable() says so, and running it fails as keepalived's would
            }
            ScriptUsers.Ids ids = users.ids(s);
            if (!ScriptPaths.needsProtection(program, ids.uid(), ids.gid()) || ScriptPaths.unsafe(program) == null) {
                return true;
            }
            log.accept("Unsafe permissions found for script '" + s.command() + "'.");
            return !security;
        });
    }

    /** The program's file: its path, or the first executable of that name on PATH; null when there is none. */
    private Path resolved(Script s) {
        String p = program(s);
        if (p.indexOf('/') >= 0) {
            return Files.exists(Path.of(p)) ? Path.of(p) : null;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(":")) {
                Path f = dir.isEmpty() ? null : Path.of(dir, p);
                if (f != null && Files.isRegularFile(f) && Files.isExecutable(f)) {
                    return f;
                }
            }
        }
        return null;
    }

    /** The program as it is run: under the root prefix when it is absolute and a prefix is set. */
    String program(Script s) {
        String p = s.argv().getFirst();
        return root != null && p.startsWith("/") ? Path.of(root.toString(), p).toString() : p;
    }

    /** Whether the program exists and may be executed (keepalived drops a MISC_CHECK whose script does not). */
    boolean runnable(Script s) {
        Path f = resolved(s);
        return f != null && Files.isRegularFile(f) && Files.isExecutable(f);
    }

    private Process start(Script s) throws IOException {
        List<String> argv = new ArrayList<>(users.prefix(s));
        argv.addAll(s.argv());
        argv.set(argv.size() - s.argv().size(), program(s));
        return new ProcessBuilder(argv)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** A notify script: started and left to run (the JDK reaps it); false when it could not start. */
    boolean spawn(Script s) {
        if (!secure(s)) {
            log.accept("Disabling notify script " + s.command() + " due to insecure");
            return true;   // said; keepalived does not run it
        }
        try {
            start(s);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A script that lives as long as something else (a notify fifo's reader): its process, or null when it could not start. */
    Process startKept(Script s) {
        try {
            return start(s);
        } catch (IOException e) {
            return null;
        }
    }

    /** keepalived's end for a kept script: SIGTERM to it and to what it started. */
    static void stop(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
    }

    /** How a checked script ended: its exit status, or killed after its timeout. */
    record Exit(int status, boolean timedOut) {
    }

    /**
     * Runs a MISC_CHECK script to its end or its timeout; past the timeout it gets SIGTERM, then
     * SIGKILL {@link #KILL_GRACE_MILLIS} later (its children too). A program that cannot be
     * started exits 127, as from a shell.
     */
    Exit run(Script s, long timeoutMillis) throws InterruptedException {
        Process p;
        try {
            p = start(s);
        } catch (IOException e) {
            return new Exit(127, false);
        }
        try {
            if (p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                return new Exit(p.exitValue(), false);
            }
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(KILL_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
            return new Exit(p.exitValue(), true);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw e;
        }
    }
}

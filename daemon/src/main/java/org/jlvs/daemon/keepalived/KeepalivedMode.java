package org.jlvs.daemon.keepalived;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jlvs.admin.control.Response;
import org.jlvs.admin.keepalived.Diagnostic;
import org.jlvs.admin.keepalived.KeepalivedConf;
import org.jlvs.daemon.Director;
import org.jlvs.ha.check.CheckEngine;

/**
 * jlvsd running as keepalived's checker: the file's table on the director, its checkers running,
 * HUP (or the control socket's "reload") re-reading the file and applying exactly the
 * difference, USR1/USR2 writing keepalived's dump files, and a stop that lets the checkers go
 * (and runs the omega scripts). A file that fails validation on reload changes nothing.
 */
final class KeepalivedMode {
    private final KeepalivedOptions options;
    private final Director director;
    private final KeepalivedLog log;
    private final CheckEngine engine;
    private final DumpFiles dumps;
    private KeepalivedConf.Loaded running;
    private Path pidFile;

    KeepalivedMode(KeepalivedOptions options, KeepalivedConf.Loaded loaded, Director director, KeepalivedLog log) {
        this.options = options;
        this.director = director;
        this.log = log;
        this.running = loaded;
        this.engine = new CheckEngine(new DirectorDoor(director), log::line, options.root);
        this.dumps = new DumpFiles(options.dumpDir);
    }

    void start() {
        // the banner and the file's diagnostics are out (KeepalivedOptions.early); keepalived's
        // parent then forks its checker, which here is this process
        log.line("Starting Healthcheck child process, pid=" + ProcessHandle.current().pid());
        writePidFile();
        engine.start(running.config());
        Signals.on("HUP", () -> {
            log.line("Reloading");
            reload();
        });
        Signals.on("USR1", this::dataDump);
        Signals.on("USR2", this::statsDump);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("keepalived-stop").unstarted(this::stop));
    }

    /** The control socket's "reload". */
    Response reloadRequest() {
        log.line("Reloading (control socket)");
        String refused = reload();
        return refused == null ? Response.success() : Response.error("EINVAL", refused, -1);
    }

    /** Re-reads the file; null when it was applied, else why it was refused (the running table stays). */
    synchronized String reload() {
        log.line("Opening file '" + options.file() + "'.");
        KeepalivedConf.Loaded next = KeepalivedConf.load(options.file(), options.readOptions());
        String refused = ReloadGate.refusal(running, next);
        if (refused != null) {
            for (Diagnostic d : next.diagnostics()) {
                log.line(d.toString());
            }
            log.line("Reload of " + options.file() + " refused, the running configuration stays: " + refused);
            return refused;
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        running.diagnostics().forEach(d -> known.add(d.message()));
        for (Diagnostic d : next.diagnostics()) {
            if (!known.contains(d.message())) {
                log.line(d.toString());  // what is new in this file; the rest was said at start
            }
        }
        engine.reload(next.config());
        running = next;
        return null;
    }

    private void dataDump() {
        log.line("Printing checker data for process(" + ProcessHandle.current().pid() + ") on signal");
        try {
            dumps.data(running.config().global(), engine.dump());
        } catch (IOException e) {
            log.line("Cannot write the data dump in " + options.dumpDir + ": " + e.getMessage());
        }
    }

    private void statsDump() {
        log.line("Printing VRRP stats for process(" + ProcessHandle.current().pid() + ") on signal");
        try {
            dumps.stats();
        } catch (IOException e) {
            log.line("Cannot write the stats dump in " + options.dumpDir + ": " + e.getMessage());
        }
    }

    private void stop() {
        log.line("Stopping");
        engine.stop(false);
        log.line(checkerStopped());
        if (pidFile != null) {
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                // nothing to do about it at exit
            }
        }
        log.line(Banner.stopped());
    }

    /** The checker's last line: "Stopped", with -D the CPU time it used. */
    private String checkerStopped() {
        if (options.logDetail) {
            try {
                return CpuTimes.read(Path.of("/proc/self/stat")).stoppedLine();
            } catch (IOException | RuntimeException e) {
                // no /proc: the plain line
            }
        }
        return "Stopped";
    }

    /** -p FILE; without it keepalived's default, when running as root. */
    private void writePidFile() {
        Path p = options.pidFile;
        if (p == null && "root".equals(System.getProperty("user.name"))) {
            p = Path.of("/run/keepalived.pid");
        }
        if (p == null) {
            return;
        }
        try {
            Files.writeString(p, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
            pidFile = p;
        } catch (IOException e) {
            log.line("Cannot write pid file " + p + ": " + e.getMessage());
        }
    }
}

package org.jlvs.daemon.keepalived;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jlvs.admin.keepalived.Diagnostic;
import org.jlvs.admin.keepalived.KeepalivedConf;
import org.jlvs.admin.keepalived.KeepalivedTool;
import org.jlvs.admin.keepalived.Severity;
import org.jlvs.daemon.ControlServer;
import org.jlvs.daemon.Director;
import org.jlvs.sys.libc.Syslog;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * keepalived's command line, where it applies to jlvsd (a picocli mixin of Jlvsd). Any of these
 * flags puts jlvsd in keepalived mode; without {@code -f} the file is keepalived's default.
 * {@link #early} answers what needs no director ({@code -v}, {@code --signum}, {@code -t},
 * {@code --print-table}) and reads the file; {@link #attach} then runs the mode on the director.
 */
public final class KeepalivedOptions {
    static final String DEFAULT_FILE = "/etc/keepalived/keepalived.conf";
    /** What {@code -v} prints after keepalived's version line (which exporters parse). */
    static final String ABOUT = "JLVS 0.1.0: the checker (LVS) part of keepalived, on the JLVS director";

    @Option(names = {"-f", "--use-file"}, paramLabel = "FILE",
            description = "keepalived mode: run from this keepalived.conf (default " + DEFAULT_FILE + ")")
    Path file;

    @Option(names = {"-t", "--config-test"}, arity = "0..1", fallbackValue = "", paramLabel = "FILE",
            description = "check the keepalived.conf and exit with keepalived -t's status (0, 3, 4, 5); diagnostics to stderr or FILE")
    String configTest;

    @Option(names = "--print-table", arity = "0..1", fallbackValue = "healthy", paramLabel = "STATE",
            description = "print the table the keepalived.conf yields (ipvsadm -S -n form) and exit; STATE: healthy (default), rs-down, alpha-startup, rs<N>-exit-<status>")
    String printTable;

    @Option(names = "--root", paramLabel = "DIR",
            description = "look absolute include and script paths of the keepalived.conf up under DIR")
    Path root;

    @Option(names = {"-i", "--config-id"}, paramLabel = "ID", description = "the id @ID lines are matched against (default: short host name)")
    String configId;

    @Option(names = {"-n", "--dont-fork"}, description = "stay in the foreground (jlvsd always does)")
    boolean dontFork;

    @Option(names = {"-l", "--log-console"}, description = "log to the console (stderr) as well as to syslog (-S)")
    boolean logConsole;

    @Option(names = {"-D", "--log-detail"}, description = "detailed log messages")
    boolean logDetail;

    @Option(names = {"-S", "--log-facility"}, paramLabel = "FACILITY",
            description = "log to syslog in LOG_LOCAL0-7 (0-7 or local0-7), user or daemon; to stderr as well only with -l")
    String logFacility;

    @Option(names = {"-p", "--pid"}, paramLabel = "FILE", description = "pid file (default /run/keepalived.pid when root)")
    Path pidFile;

    @Option(names = {"-C", "--check"}, description = "run only the health checkers (all jlvsd runs of keepalived)")
    boolean checkOnly;

    @Option(names = {"-P", "--vrrp"}, description = "run only VRRP (not available in JLVS yet)")
    boolean vrrpOnly;

    @Option(names = {"-I", "--dont-release-ipvs"}, description = "keep the table at stop (the table ends with jlvsd anyway)")
    boolean dontReleaseIpvs;

    @Option(names = "--signum", paramLabel = "SIGFUNC", description = "print the signal number for STOP, RELOAD, DATA or STATS and exit")
    String signum;

    @Option(names = "-v", description = "print the keepalived version JLVS follows on stderr and exit")
    boolean version;

    /** The command this mixin is part of: its arguments as given, for keepalived's "Command line" line. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** Where the dump files go (keepalived's /tmp). */
    Path dumpDir = Path.of(System.getProperty("jlvs.keepalived.dump-dir", "/tmp"));

    private KeepalivedConf.Loaded loaded;
    private KeepalivedMode mode;
    private KeepalivedLog log;

    /** Whether the command line asks for keepalived mode. */
    public boolean active() {
        return file != null || configTest != null || printTable != null || dontFork || logConsole || logDetail
                || logFacility != null || pidFile != null || checkOnly || vrrpOnly || signum != null || version
                || dontReleaseIpvs || root != null || configId != null;
    }

    Path file() {
        return file != null ? file : Path.of(DEFAULT_FILE);
    }

    /**
     * The command line as typed: the launcher's name (bin/jlvsd passes it as jlvs.argv0, the JVM
     * having replaced the script), then the arguments.
     */
    List<String> argv() {
        List<String> argv = new ArrayList<>();
        argv.add(System.getProperty("jlvs.argv0", "jlvsd"));
        if (command != null && command.commandLine() != null && command.commandLine().getParseResult() != null) {
            argv.addAll(command.commandLine().getParseResult().originalArgs());
        }
        return argv;
    }

    KeepalivedConf.Options readOptions() {
        return new KeepalivedConf.Options(root, configId);
    }

    /**
     * Before a director exists: the exit status when the command line is answered without one,
     * or null to go on (the file has been read, its diagnostics printed).
     */
    public Integer early(PrintStream out, PrintStream err) {
        if (!active()) {
            return null;
        }
        if (version) {
            err.println(Banner.VERSION);  // keepalived -v's first line, on stderr as keepalived prints it
            err.println();
            err.println(ABOUT);
            return 0;
        }
        if (signum != null) {
            Integer n = SignalNames.number(signum);
            if (n == null) {
                err.println("Unknown sigfunc " + signum + " (jlvsd answers STOP, RELOAD, DATA and STATS)");
                return 1;
            }
            out.println(n);
            return 0;
        }
        if (configTest != null || printTable != null) {
            return tool(out, err);
        }
        if (vrrpOnly) {
            err.println("jlvsd: -P runs only VRRP, which JLVS does not have yet; run without -P for the health checkers");
            return 1;
        }
        // keepalived's first lines come before what it says about the file
        KeepalivedLog log = log(err);
        log.line(Banner.starting());
        String kernel = Banner.runningOn(Path.of("/proc/sys/kernel"));
        if (kernel != null) {
            log.line(kernel);
        }
        Banner.commandLine(argv()).forEach(log::line);
        log.line("Opening file '" + file() + "'.");
        loaded = KeepalivedConf.load(file(), readOptions());
        for (Diagnostic d : loaded.diagnostics()) {
            err.println(d);
        }
        if (loaded.worst() == Severity.FATAL) {
            err.println("jlvsd: cannot run from " + file());
            return 3;
        }
        return null;
    }

    /** -t and --print-table, as the keepalived tool answers them. */
    private int tool(PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(List.of("-f", file().toString()));
        if (configTest != null) {
            args.add("-t");
        }
        if (printTable != null) {
            args.add("--print-table=" + (printTable.equals("healthy") ? "" : printTable));
        }
        if (root != null) {
            args.addAll(List.of("--root", root.toString()));
        }
        if (configId != null) {
            args.addAll(List.of("-i", configId));
        }
        PrintStream diag = err;
        if (configTest != null && !configTest.isEmpty()) {
            try {
                diag = new PrintStream(configTest, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                err.println("jlvsd: cannot write " + configTest + ": " + e.getMessage());
                return 2;
            }
        }
        try {
            return KeepalivedTool.run(args.toArray(String[]::new), out, diag);
        } finally {
            if (diag != err) {
                diag.close();
            }
        }
    }

    /**
     * Where keepalived's lines go: stderr, or with -S syslog (and stderr too with -l). A
     * facility that is not one is said and stderr kept; so is a syslog that cannot be reached.
     */
    private KeepalivedLog log(PrintStream err) {
        if (log != null) {
            return log;
        }
        Integer facility = logFacility == null ? null : facility(logFacility);
        if (logFacility != null && facility == null) {
            err.println("Invalid log facility '" + logFacility + "'");
        }
        if (facility == null) {
            return log = new KeepalivedLog(err);
        }
        String socket = System.getenv().getOrDefault("JLVS_SYSLOG_SOCKET", Syslog.DEV_LOG);
        try {
            Syslog syslog = Syslog.open(socket, KeepalivedLog.IDENT, facility);
            return log = new KeepalivedLog(logConsole ? err : null, syslog);
        } catch (java.io.IOException e) {
            err.println("jlvsd: cannot log to syslog (" + e.getMessage() + "): logging to stderr");
            return log = new KeepalivedLog(err);
        }
    }

    /** keepalived's -S values: 0-7 for LOG_LOCAL0-7, the same as local0-7, user, daemon; null for anything else. */
    static Integer facility(String s) {
        String v = s.startsWith("local") ? s.substring(5) : s;
        if (v.length() == 1 && v.charAt(0) >= '0' && v.charAt(0) <= '7') {
            return Syslog.LOG_LOCAL0 + (v.charAt(0) - '0');
        }
        return switch (s) {
            case "user" -> Syslog.LOG_USER;
            case "daemon" -> Syslog.LOG_DAEMON;
            default -> null;
        };
    }

    /** With the director up: installs the file's table, starts the checkers, signals and the "reload" op. */
    public void attach(Director director, ControlServer control) {
        if (loaded == null) {
            return;
        }
        mode = new KeepalivedMode(this, loaded, director, log(System.err));
        control.addOp("reload", mode::reloadRequest);
        mode.start();
    }
}

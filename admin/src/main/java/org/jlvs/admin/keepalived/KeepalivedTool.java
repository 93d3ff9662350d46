package org.jlvs.admin.keepalived;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.jlvs.core.table.IpvsTable;

/**
 * The keepalived.conf side of {@code jlvsd}: {@code -f FILE -t} checks a configuration,
 * {@code -f FILE --print-table[=STATE]} prints the IPVS table keepalived would install
 * ({@code ipvsadm -S -n} form). Diagnostics go to stderr as {@code file:line: message}.
 *
 * <p>Exit status, as keepalived 2.2's {@code -t}: 0 nothing worse than a JLVS warning; 3 the
 * configuration cannot be run (file unreadable); 4 keepalived would report errors and run after
 * fixing them up; 5 scripts would run without {@code enable_script_security}; 2 bad command line.
 * {@code --print-table} alone exits 0, or 3 when the file cannot be read, or 4 when IPVS refused
 * a command.
 */
public final class KeepalivedTool {
    static final int EXIT_OK = 0;
    static final int EXIT_USAGE = 2;
    static final int EXIT_CONFIG = 3;
    static final int EXIT_CONFIG_TEST = 4;
    static final int EXIT_CONFIG_TEST_SECURITY = 5;
    static final String DEFAULT_FILE = "/etc/keepalived/keepalived.conf";
    static final String USAGE = """
            usage: jlvsd [-f FILE] [-t] [--print-table[=STATE]] [--root DIR] [-i ID]
              -f, --use-file=FILE     configuration file (default /etc/keepalived/keepalived.conf)
              -t, --config-test       check the configuration and exit (status 0, 3, 4 or 5)
              --print-table[=STATE]   print the IPVS table as ipvsadm -S -n; STATE is healthy (default),
                                      rs-down, alpha-startup or rs<N>-exit-<status>
              --root=DIR              look absolute include and script paths up under DIR
              -i, --config-id=ID      the id @ID lines are matched against (default: short host name)
            """;

    private KeepalivedTool() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Parsed command line; {@code state} is null without --print-table. */
    private record Args(Path file, boolean test, TableState state, Path root, String configId) {
    }

    public static int run(String[] argv, PrintStream out, PrintStream err) {
        Args a;
        try {
            a = parse(argv);
        } catch (IllegalArgumentException e) {
            err.println("jlvsd: " + e.getMessage());
            err.print(USAGE);
            return EXIT_USAGE;
        }
        KeepalivedConf.Loaded loaded = KeepalivedConf.load(a.file(), new KeepalivedConf.Options(a.root(), a.configId()));
        for (Diagnostic d : loaded.diagnostics()) {
            err.println(d);
        }
        Severity worst = loaded.worst();
        if (worst == Severity.FATAL) {
            return EXIT_CONFIG;
        }
        int status = a.test() ? testStatus(worst) : EXIT_OK;
        if (a.state() != null) {
            IpvsTable table = new IpvsTable();
            List<String> refused = TablePrinter.apply(TableBuilder.commands(loaded.config(), a.state()), table);
            // keepalived logs what the kernel refuses (two real servers that only collide once their
            // ports are fixed up, a virtual server given twice) and goes on with the rest: the
            // table is still the one it installs, so this is no failure of the configuration
            for (String r : refused) {
                err.println("jlvsd: IPVS refused " + r + " (keepalived logs this and goes on)");
            }
            out.print(TablePrinter.save(table));
        }
        out.flush();
        err.flush();
        return status;
    }

    /** keepalived's config_test_exit(). */
    static int testStatus(Severity worst) {
        if (worst == null || worst == Severity.WARNING) {
            return EXIT_OK;
        }
        return switch (worst) {
            case FATAL -> EXIT_CONFIG;
            case SECURITY -> EXIT_CONFIG_TEST_SECURITY;
            default -> EXIT_CONFIG_TEST;
        };
    }

    private static Args parse(String[] argv) {
        Path file = Path.of(DEFAULT_FILE);
        boolean test = false;
        TableState state = null;
        Path root = null;
        String id = null;
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "-f", "--use-file" -> file = Path.of(value != null ? value : next(argv, ++i, arg));
                case "-t", "--config-test" -> test = true;
                case "--print-table" -> state = TableState.parse(value != null ? value : "");
                case "--root" -> root = Path.of(value != null ? value : next(argv, ++i, arg));
                case "-i", "--config-id" -> id = value != null ? value : next(argv, ++i, arg);
                default -> {
                    if (arg.startsWith("-f") && arg.length() > 2) {
                        file = Path.of(arg.substring(2));
                    } else {
                        throw new IllegalArgumentException("unknown option " + argv[i]);
                    }
                }
            }
        }
        if (!test && state == null) {
            throw new IllegalArgumentException("nothing to do: give -t or --print-table");
        }
        return new Args(file, test, state, root, id);
    }

    private static String next(String[] argv, int i, String option) {
        if (i >= argv.length) {
            throw new IllegalArgumentException("option " + option + " needs a value");
        }
        return argv[i];
    }
}

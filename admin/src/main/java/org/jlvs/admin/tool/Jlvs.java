package org.jlvs.admin.tool;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.jlvs.admin.replay.SchedReplay;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jlvs}: JLVS's own tool (what ipvsadm and keepalived have no word for). */
@Command(name = "jlvs", mixinStandardHelpOptions = true, version = "jlvs 0.1.0",
        description = "JLVS's own tool.",
        subcommands = {Jlvs.SchedReplayCmd.class, Jlvs.DemoCmd.class, Jlvs.GenHashCmd.class, SysctlCmd.class, StatusCmd.class})
public final class Jlvs implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return new CommandLine(new Jlvs()).execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return 2;
    }

    @Command(name = "sched-replay", mixinStandardHelpOptions = true,
            description = {"Replays a scheduler vector file (shared/schedulers format) through JLVS's schedulers.",
                    "Prints one line per schedule step: the pick (ADDR:PORT, [v6]:PORT) or none.",
                    "Exits 1 when a check or an expected pick fails."})
    static final class SchedReplayCmd implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE.json")
        Path[] files;

        @Override
        public Integer call() throws Exception {
            int rc = 0;
            for (Path f : files) {
                SchedReplay.Result r = SchedReplay.run(f);
                StringBuilder out = new StringBuilder();
                for (String p : r.picks()) {
                    out.append(p).append('\n');
                }
                System.out.print(out);
                for (String fail : r.failures()) {
                    System.err.println(f.getFileName() + ": " + fail);
                }
                if (!r.passed()) {
                    rc = 1;
                }
            }
            return rc;
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Shows each scheduler's picks for a run of new connections (no network needed).")
    static final class DemoCmd implements Callable<Integer> {
        @Option(names = {"-s", "--scheduler"}, description = "only these schedulers (default: all)")
        java.util.List<String> schedulers = new java.util.ArrayList<>();

        @Option(names = {"-n", "--connections"}, defaultValue = "12", description = "connections to schedule (default 12)")
        int connections;

        @Override
        public Integer call() throws Exception {
            SchedDemo.run(schedulers, connections, System.out);
            return 0;
        }
    }

    @Command(name = "genhash", sortOptions = false,
            description = {"Prints the MD5 digest of a URL's body, as keepalived's genhash does (the value for",
                    "an HTTP_GET/SSL_GET url's digest). Exits 1 when the server gives no HTTP answer."})
    static final class GenHashCmd implements Callable<Integer> {
        @Option(names = {"-s", "--server"}, required = true, paramLabel = "ADDRESS", description = "the server's IP address")
        String server;

        @Option(names = {"-p", "--port"}, required = true, paramLabel = "PORT", description = "the server's port")
        int port;

        @Option(names = {"-u", "--url"}, required = true, paramLabel = "PATH", description = "the url path, e.g. /index.html")
        String url;

        @Option(names = {"-S", "--use-ssl"}, description = "use SSL (TLS), as SSL_GET")
        boolean ssl;

        @Option(names = {"-I", "--use-sni"}, description = "send SNI with the virtualhost (see -V)")
        boolean sni;

        @Option(names = {"-V", "--use-virtualhost"}, paramLabel = "NAME", description = "the Host header to send")
        String virtualhost;

        @Option(names = {"-H", "--hash"}, defaultValue = "md5", paramLabel = "md5", description = "the hash (md5, as keepalived's digest)")
        String hash;

        @Option(names = {"-P", "--protocol"}, defaultValue = "1.0", paramLabel = "1.0|1.0c|1.1", description = "HTTP protocol; 1.0c is 1.0 with Connection: close")
        String protocol;

        @Option(names = {"-t", "--timeout"}, defaultValue = "5", paramLabel = "SECONDS", description = "connect and read timeout (default 5)")
        int timeout;

        @Option(names = {"-v", "--verbose"}, description = "also print the request and the answer's size on stderr")
        boolean verbose;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "this help")
        boolean help;

        @Override
        public Integer call() {
            if (!hash.equalsIgnoreCase("md5")) {
                System.err.println("genhash: only the md5 hash is supported (keepalived's digest is MD5)");
                return 2;
            }
            String p = protocol.equals("1.0c") ? "1.0C" : protocol;
            if (!java.util.List.of("1.0", "1.0C", "1.1").contains(p)) {
                System.err.println("invalid HTTP protocol version '" + protocol + "'");
                return 2;
            }
            if (port <= 0 || port > 65535) {
                System.err.println("invalid port number '" + port + "'");
                return 2;
            }
            return GenHash.run(new GenHash.Options(server, port, url, ssl, sni, virtualhost, p, Math.max(1, timeout), verbose),
                    System.out, System.err);
        }
    }
}

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
        subcommands = {Jlvs.SchedReplayCmd.class, Jlvs.DemoCmd.class})
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
}

package org.jlvs.packet.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Our chains in one family's iptables (iptables or ip6tables): created with their jumps at
 * start, their contents replaced atomically on each sync (iptables-restore --noflush), and
 * removed with their jumps on stop. Chains left by a director that was killed are removed
 * before new ones are made.
 */
public final class Iptables {
    /** table, built-in chain, our chain, insert (first) or append (last). */
    private record Hook(String table, String builtin, String chain, boolean first) {
    }

    private static final List<Hook> HOOKS = List.of(
            new Hook("raw", "PREROUTING", RuleSet.CHAIN_IN, true),
            new Hook("mangle", "PREROUTING", RuleSet.CHAIN_MARK, false),
            new Hook("mangle", "FORWARD", RuleSet.CHAIN_OUT, true));

    private final String cmd;
    private final String restore;

    public Iptables(boolean v6) {
        this.cmd = v6 ? "ip6tables" : "iptables";
        this.restore = v6 ? "ip6tables-restore" : "iptables-restore";
    }

    /** Null when this iptables can be used here, else why not. */
    public String problem() {
        try {
            Result r = run(List.of(cmd, "-w", "-t", "raw", "-n", "-L", "PREROUTING"), null);
            return r.status == 0 ? null : cmd + ": " + r.output.strip();
        } catch (IOException e) {
            return cmd + ": " + e.getMessage();
        }
    }

    /** Removes our jumps and chains, whoever left them. */
    public void removeAll() throws IOException {
        for (Hook h : HOOKS) {
            for (int i = 0; i < 32; i++) {
                if (run(List.of(cmd, "-w", "-t", h.table, "-D", h.builtin, "-j", h.chain), null).status != 0) {
                    break;
                }
            }
        }
        for (Hook h : HOOKS) {
            run(List.of(cmd, "-w", "-t", h.table, "-F", h.chain), null);
            run(List.of(cmd, "-w", "-t", h.table, "-X", h.chain), null);
        }
    }

    /** Creates our (empty) chains and the jumps to them. */
    public void install() throws IOException {
        StringBuilder b = new StringBuilder();
        String table = null;
        for (Hook h : HOOKS) {
            if (!h.table.equals(table)) {
                if (table != null) {
                    b.append("COMMIT\n");
                }
                table = h.table;
                b.append('*').append(table).append('\n');
            }
            b.append(':').append(h.chain).append(" - [0:0]\n");
            b.append(h.first ? "-I " : "-A ").append(h.builtin).append(" -j ").append(h.chain).append('\n');
        }
        b.append("COMMIT\n");
        restore(b.toString());
    }

    /** Replaces our chains' contents with {@code rules}, all at once. */
    public void apply(RuleSet rules) throws IOException {
        restore(rules.restoreText());
    }

    private void restore(String text) throws IOException {
        Result r = run(List.of(restore, "-w", "--noflush"), text);
        if (r.status != 0) {
            throw new IOException(restore + " failed: " + r.output.strip() + "\n" + text);
        }
    }

    /** The rules in our chains, as iptables -S prints them (for status and tests). */
    public List<String> listOurs() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String table : List.of("raw", "mangle")) {
            Result r = run(List.of(cmd + "-save", "-t", table), null);
            for (String l : r.output.split("\n")) {
                if (l.contains("JLVS-")) {
                    lines.add(table + ": " + l);
                }
            }
        }
        return lines;
    }

    private record Result(int status, String output) {
    }

    private static Result run(List<String> command, String stdin) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, command.get(0) + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
        return new Result(p.exitValue(), out);
    }
}

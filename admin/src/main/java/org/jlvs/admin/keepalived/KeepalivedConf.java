package org.jlvs.admin.keepalived;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a keepalived.conf the way keepalived's checker process does and gives back the
 * load-balancing model with every diagnostic ({@code file:line: message}).
 *
 * <pre>{@code
 * KeepalivedConf.Loaded l = KeepalivedConf.load(Path.of("/etc/keepalived/keepalived.conf"), null);
 * l.diagnostics().forEach(System.err::println);
 * List<Command> start = TableBuilder.commands(l.config(), TableState.HEALTHY);
 * }</pre>
 */
public final class KeepalivedConf {

    /**
     * How to read.
     *
     * @param rootPrefix where absolute paths (includes, scripts) are looked up, as if it were "/";
     *                   null for the real root
     * @param configId   what {@code @id} lines are matched against (keepalived's -i); null for the
     *                   first label of the host name, as keepalived defaults it
     */
    public record Options(Path rootPrefix, String configId) {
        public static final Options DEFAULT = new Options(null, null);
    }

    /** The model and what was said while reading it. */
    public record Loaded(KeepalivedConfig config, List<Diagnostic> diagnostics) {

        public Loaded {
            diagnostics = List.copyOf(diagnostics);
        }

        /** The worst severity seen, or null when there was nothing to say. */
        public Severity worst() {
            Severity w = null;
            for (Diagnostic d : diagnostics) {
                if (w == null || d.severity().compareTo(w) > 0) {
                    w = d.severity();
                }
            }
            return w;
        }
    }

    private KeepalivedConf() {
    }

    public static Loaded load(Path file, Path rootPrefix) {
        return load(file, new Options(rootPrefix, null));
    }

    public static Loaded load(Path file, Options options) {
        String id = options.configId() != null ? options.configId() : hostConfigId();
        Reporter rep = new Reporter();
        LineSource src = new LineSource(file, options.rootPrefix(), id, rep);
        BlockParser blocks = new BlockParser(src, rep);
        ParseContext ctx = new ParseContext(rep, blocks, options.rootPrefix());
        blocks.run(TopLevelKeywords.table(ctx));
        KeepalivedConfig config = Fixups.apply(ctx);
        return new Loaded(config, rep.diagnostics());
    }

    /** keepalived's default config id: the host name up to its first dot. */
    static String hostConfigId() {
        String name = null;
        try {
            name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            name = System.getenv("HOSTNAME");
        }
        if (name == null || name.isEmpty()) {
            return null;
        }
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}

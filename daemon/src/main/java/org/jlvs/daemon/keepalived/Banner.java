package org.jlvs.daemon.keepalived;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines keepalived's main.c logs first, which log alerts and people grep for:
 * {@code Starting Keepalived v2.2.7 (01/16,2022)}, {@code Running on Linux ... (built for Linux ...)}
 * and {@code Command line: '...' '...'}, wrapped as keepalived wraps it.
 */
final class Banner {
    /** keepalived's version_string for the release JLVS follows. */
    static final String VERSION = "Keepalived v2.2.7 (01/16,2022)";
    /** log_options(): a logged option line holds at most this many characters after its name. */
    private static final int LINE = 100;
    private static final Pattern KERNEL = Pattern.compile("^(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private Banner() {
    }

    static String starting() {
        return "Starting " + VERSION;
    }

    static String stopped() {
        return "Stopped " + VERSION;
    }

    /**
     * {@code Running on SYSNAME RELEASE VERSION (built for Linux X.Y.Z)}, or null when the kernel
     * cannot be read (keepalived then says nothing). JLVS is not built against kernel headers,
     * so it names the kernel it runs on, and never keepalived's "built for newer Linux" warning.
     */
    static String runningOn(Path procKernel) {
        try {
            String sysname = read(procKernel.resolve("ostype"));
            String release = read(procKernel.resolve("osrelease"));
            String version = read(procKernel.resolve("version"));
            Matcher m = KERNEL.matcher(release);
            if (!m.find()) {
                return null;
            }
            String built = m.group(1) + "." + m.group(2) + "." + (m.group(3) == null ? "0" : m.group(3));
            return "Running on " + sysname + " " + release + " " + version + " (built for Linux " + built + ")";
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * log_command_line(): each argument in single quotes, one space apart, in lines of at most
     * {@value #LINE} characters less the name, broken at a space; the next lines are indented
     * under the first argument.
     */
    static List<String> commandLine(List<String> argv) {
        String all = String.join(" ", argv.stream().map(a -> "'" + a + "'").toList());
        String name = "Command line";
        int max = LINE - name.length();
        List<String> lines = new ArrayList<>();
        int p = 0;
        while (p < all.length()) {
            while (p < all.length() && all.charAt(p) == ' ') {
                p++;
            }
            if (p >= all.length()) {
                break;
            }
            int end = end(all, p, max);
            lines.add((lines.isEmpty() ? name + ": " : " ".repeat(name.length() + 2)) + all.substring(p, end));
            p = end;
        }
        return lines;
    }

    /** get_end(): the whole rest if it fits, else up to the last space within {@code max}, else {@code max}. */
    private static int end(String s, int from, int max) {
        if (s.length() - from <= max) {
            return s.length();
        }
        int end = from + max;
        if (s.charAt(end) == ' ') {
            return end;
        }
        while (end > from && s.charAt(--end) != ' ') {
            // back to the previous space
        }
        return end > from ? end : from + max;
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p).strip();
    }
}

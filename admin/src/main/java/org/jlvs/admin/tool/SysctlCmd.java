package org.jlvs.admin.tool;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jlvs.admin.control.ControlClient;
import org.jlvs.admin.control.ControlPaths;
import org.jlvs.admin.control.Request;
import org.jlvs.admin.control.Response;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code jlvs sysctl}: the director's {@code net.ipv4.vs.*} knobs, read and set as sysctl(8)
 * reads and sets them ({@code name = value} lines), since JLVS has no /proc/sys of its own.
 */
@Command(name = "sysctl", mixinStandardHelpOptions = true,
        description = {"Shows or sets the director's net.ipv4.vs.* tunables, as sysctl does.",
                "No argument (or -a): all of them. NAME: one. NAME=VALUE: set it.",
                "Names may be given with or without the net.ipv4.vs. prefix."})
final class SysctlCmd implements Callable<Integer> {
    static final String PREFIX = "net.ipv4.vs.";

    @Parameters(arity = "0..*", paramLabel = "NAME[=VALUE]")
    List<String> args = List.of();

    @Override
    public Integer call() {
        try (ControlClient c = ControlClient.connect(ControlPaths.socket())) {
            if (args.isEmpty() || args.equals(List.of("-a"))) {
                Response r = c.call(Request.of("tunables"));
                r.values().forEach((k, v) -> System.out.println(PREFIX + k + " = " + v));
                return 0;
            }
            int rc = 0;
            Map<String, String> all = c.call(Request.of("tunables")).values();
            for (String a : args) {
                int eq = a.indexOf('=');
                String name = strip(eq < 0 ? a : a.substring(0, eq));
                if (!all.containsKey(name)) {
                    System.err.println("sysctl: cannot stat /proc/sys/" + (PREFIX + name).replace('.', '/')
                            + ": No such file or directory");
                    rc = 255;
                    continue;
                }
                if (eq >= 0) {
                    Response r = c.call(Request.setTunable(name, a.substring(eq + 1).trim()));
                    if (!r.ok()) {
                        System.err.println("sysctl: setting key \"" + PREFIX + name + "\": Invalid argument (" + r.message() + ")");
                        rc = 255;
                        continue;
                    }
                    all = c.call(Request.of("tunables")).values();
                }
                System.out.println(PREFIX + name + " = " + all.get(name));
            }
            return rc;
        } catch (IOException e) {
            System.err.println("jlvs sysctl: no director answers at " + ControlPaths.socket() + " (" + e.getMessage() + ")");
            return 1;
        }
    }

    private static String strip(String name) {
        String n = name.trim();
        return n.startsWith(PREFIX) ? n.substring(PREFIX.length()) : n.replace('/', '.');
    }
}

package org.jlvs.admin.tool;

import java.io.IOException;
import java.util.concurrent.Callable;

import org.jlvs.admin.control.ControlClient;
import org.jlvs.admin.control.ControlPaths;
import org.jlvs.admin.control.Request;
import org.jlvs.admin.control.Response;
import picocli.CommandLine.Command;

/** {@code jlvs status}: what the director of this network namespace is doing, one fact a line. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows the director's state: pid, control socket, data plane, services,",
                "connections, and each listener (listening, or why it is not bound yet)."})
final class StatusCmd implements Callable<Integer> {
    @Override
    public Integer call() {
        try (ControlClient c = ControlClient.connect(ControlPaths.socket())) {
            Response r = c.call(Request.of("status"));
            r.values().forEach((k, v) -> System.out.println(k + ": " + v));
            return 0;
        } catch (IOException e) {
            System.err.println("jlvs status: no director answers at " + ControlPaths.socket() + " (" + e.getMessage() + ")");
            return 1;
        }
    }
}

package org.jlvs.daemon;

import java.util.Map;
import java.util.function.Consumer;

import org.jlvs.socket.SocketPlane;

/** The socket plane as a {@link DataPlane}: listeners follow the table; unbound ones are retried every 5 s. */
final class SocketDataPlane implements DataPlane {
    private final SocketPlane plane;
    private int ticks;

    SocketDataPlane(SocketPlane plane) {
        this.plane = plane;
    }

    @Override
    public String name() {
        return "socket";
    }

    @Override
    public void sync() {
        plane.sync();
    }

    @Override
    public void tick() {
        if (++ticks % 5 == 0) {
            plane.retryUnbound();
        }
    }

    @Override
    public void status(Map<String, String> m) {
        for (var l : plane.listeners()) {
            m.put("listener " + l.endpoint(), l.bound() ? "listening" : "not bound: " + l.problem());
        }
        m.put("open connections", Integer.toString(plane.openSessions()));
        m.put("no destination", Long.toString(plane.noDestination()));
        plane.connectFailures().forEach((d, n) ->
                m.put("realserver " + d.endpoint() + " of " + d.service() + " refused or timed out", Long.toString(n)));
    }

    @Override
    public void shutdown(long graceMillis, Consumer<String> log) {
        plane.shutdown(graceMillis, log);
    }
}

package org.jlvs.daemon;

import java.util.Map;
import java.util.function.Consumer;

import org.jlvs.packet.PacketPlane;

/**
 * The packet plane as a {@link DataPlane}: rules and egress follow the table; realservers' MACs
 * are looked up again at once when a packet missed one, else every 10 s.
 */
final class PacketDataPlane implements DataPlane {
    private final PacketPlane plane;
    private int ticks;

    PacketDataPlane(PacketPlane plane) {
        this.plane = plane;
    }

    @Override
    public String name() {
        return "packet";
    }

    @Override
    public void sync() {
        plane.sync();
    }

    @Override
    public void tick() {
        if (plane.neighbourMissing() || ++ticks % 10 == 0) {
            plane.refresh();
        }
    }

    @Override
    public void status(Map<String, String> m) {
        m.putAll(plane.status());
    }

    @Override
    public void shutdown(long graceMillis, Consumer<String> log) {
        plane.shutdown(graceMillis, log);
    }
}

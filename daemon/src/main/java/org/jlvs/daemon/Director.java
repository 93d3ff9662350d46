package org.jlvs.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jlvs.admin.control.ConnEntry;
import org.jlvs.admin.control.Response;
import org.jlvs.core.conn.Conn;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.table.Command;
import org.jlvs.core.table.IpvsException;
import org.jlvs.core.table.IpvsTable;
import org.jlvs.core.table.TableSnapshot;

/**
 * The running director: the table, the data plane that serves it, and the timers that drive
 * expiry and rate estimation. Every change goes through {@link #apply}, one at a time, and the
 * data plane follows right after, so a change is whole before the next one starts and
 * connections in progress are never dropped by it.
 */
public final class Director {
    private static final Logger LOG = Logger.getLogger(Director.class.getName());

    private final IpvsTable table;
    private final DataPlane plane;
    /** Inside {@link #batch}: the data plane follows at its end. */
    private boolean batching;
    private final ScheduledExecutorService timers;

    Director(IpvsTable table, DataPlane plane) {
        this.table = table;
        this.plane = plane;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jlvsd-timers");
            t.setDaemon(true);
            return t;
        });
    }

    public IpvsTable table() {
        return table;
    }

    DataPlane plane() {
        return plane;
    }

    public void start() {
        timers.scheduleAtFixedRate(guard(() -> table.tick(table.context().clock().millis())), 100, 100,
                TimeUnit.MILLISECONDS);
        timers.scheduleAtFixedRate(guard(table::estimate), 2, 2, TimeUnit.SECONDS);
        if (plane != null) {
            timers.scheduleWithFixedDelay(guard(plane::tick), 1, 1, TimeUnit.SECONDS);
        }
    }

    private static Runnable guard(Runnable r) {
        return () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "timer task failed", e);
            }
        };
    }

    /**
     * Applies commands in order and stops at the first refusal (the ones before it stay
     * applied, as a series of ipvsadm calls would leave them). The data plane sees them as one
     * change.
     */
    public synchronized Response apply(List<Command> commands) {
        Response[] result = {Response.success()};
        batch(() -> {
            for (int i = 0; i < commands.size(); i++) {
                try {
                    table.apply(commands.get(i));
                } catch (IpvsException e) {
                    result[0] = Response.error(e.errno().name(), e.getMessage(), i);
                    return -1;
                }
            }
            return 0;
        });
        return result[0];
    }

    /**
     * Runs a series of changes (ipvsadm -R, a rules file) as one: the table publishes its
     * service list once and the data plane follows once, at the end.
     */
    public synchronized int batch(IntSupplier body) {
        if (batching) {
            return body.getAsInt();
        }
        batching = true;
        try {
            return table.batch(body);
        } finally {
            batching = false;
            if (plane != null) {
                plane.sync();
            }
        }
    }

    public TableSnapshot snapshot() {
        return table.snapshot();
    }

    /** The connection table as rows, expiry in whole seconds from now. */
    public List<ConnEntry> connections() {
        long now = table.context().clock().millis();
        List<ConnEntry> rows = new ArrayList<>();
        table.conns().forEach(c -> rows.add(entry(c, now)));
        return rows;
    }

    static ConnEntry entry(Conn c, long now) {
        long left = Math.max(0, c.expires() - now) / 1000;
        IpAddress v = c.virtualAddress();
        return new ConnEntry(c.protocol(), c.isV6(), c.stateName(), left,
                c.clientAddress().toString(), c.clientPort(), v.toString(), c.virtualPort(),
                c.destAddress().toString(), c.destPort(), c.isTemplate(),
                (c.flags() & org.jlvs.core.conn.ConnFlags.SYNC) != 0, null, null);
    }

    public void stopTimers() {
        timers.shutdownNow();
    }
}

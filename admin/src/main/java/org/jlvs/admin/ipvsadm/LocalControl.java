package org.jlvs.admin.ipvsadm;

import java.util.List;

import org.jlvs.core.table.Command;
import org.jlvs.core.table.IpvsException;
import org.jlvs.core.table.IpvsTable;
import org.jlvs.core.table.TableSnapshot;

/** ipvsadm over a table in this process: no connections yet, no sync daemons. */
public final class LocalControl implements IpvsControl {
    private final IpvsTable table;

    public LocalControl() {
        this(new IpvsTable());
    }

    public LocalControl(IpvsTable table) {
        this.table = table;
    }

    public IpvsTable table() {
        return table;
    }

    @Override
    public void apply(Command command) throws IpvsException {
        table.apply(command);
    }

    @Override
    public int batch(java.util.function.IntSupplier body) {
        return table.batch(body);
    }

    @Override
    public TableSnapshot snapshot() {
        return table.snapshot();
    }

    @Override
    public List<ConnRow> connections() {
        return List.of();
    }

    @Override
    public List<SyncDaemon> daemons() {
        return List.of();
    }

    @Override
    public void startDaemon(SyncDaemon daemon) throws IpvsException {
        NoSyncDaemon.start(daemon);
    }

    @Override
    public void stopDaemon(SyncDaemon daemon) throws IpvsException {
        NoSyncDaemon.stop(daemon);
    }
}

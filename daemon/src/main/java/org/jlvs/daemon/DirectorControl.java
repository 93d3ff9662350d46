package org.jlvs.daemon;

import java.util.ArrayList;
import java.util.List;

import org.jlvs.admin.control.ConnEntry;
import org.jlvs.admin.ipvsadm.ConnRow;
import org.jlvs.admin.ipvsadm.IpvsControl;
import org.jlvs.admin.ipvsadm.NoSyncDaemon;
import org.jlvs.admin.ipvsadm.SyncDaemon;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.table.Command;
import org.jlvs.core.table.Errno;
import org.jlvs.core.table.IpvsException;
import org.jlvs.core.table.TableSnapshot;
import org.jlvs.admin.control.Response;

/** What ipvsadm sees when the director runs it: the live table, through the director's one door. */
final class DirectorControl implements IpvsControl {
    private final Director director;

    DirectorControl(Director director) {
        this.director = director;
    }

    @Override
    public void apply(Command command) throws IpvsException {
        Response r = director.apply(List.of(command));
        if (!r.ok()) {
            throw new IpvsException(Errno.valueOf(r.errno()), r.message());
        }
    }

    @Override
    public int batch(java.util.function.IntSupplier body) {
        return director.batch(body);
    }

    @Override
    public TableSnapshot snapshot() {
        return director.snapshot();
    }

    @Override
    public List<ConnRow> connections() {
        List<ConnRow> rows = new ArrayList<>();
        for (ConnEntry e : director.connections()) {
            rows.add(new ConnRow(e.protocolName(), e.expires(), e.state(),
                    IpAddress.parse(e.clientAddress()), e.clientPort(),
                    IpAddress.parse(e.virtualAddress()), e.virtualPort(),
                    IpAddress.parse(e.destAddress()), e.destPort(), e.peName(), e.peData()));
        }
        return rows;
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

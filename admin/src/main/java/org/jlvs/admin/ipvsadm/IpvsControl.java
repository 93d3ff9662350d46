package org.jlvs.admin.ipvsadm;

import java.util.List;

import org.jlvs.core.table.Command;
import org.jlvs.core.table.IpvsException;
import org.jlvs.core.table.TableSnapshot;

/**
 * Everything ipvsadm asks of IPVS, as plain values so that an implementation may live in this
 * process ({@link LocalControl}) or behind the jlvsd control socket.
 */
public interface IpvsControl {

    /**
     * Checked once before anything else, like ipvsadm's ipvs_init: null when IPVS can be reached,
     * else the reason, which ipvsadm prints as {@code Can't initialize ipvs: <reason>} (exit 2).
     */
    default String initError() {
        return null;
    }

    /** Applies one table change; a refusal carries the kernel's errno. */
    void apply(Command command) throws IpvsException;

    /**
     * Runs {@code body}, a series of {@link #apply} calls (a restore), as one change for the data
     * plane where the implementation can, so that a restore of n services does not cost n^2.
     */
    default int batch(java.util.function.IntSupplier body) {
        return body.getAsInt();
    }

    /** The table, timeouts and connection-table size at one moment. */
    TableSnapshot snapshot();

    /**
     * The connection entries in the table's own order, or null when they cannot be read
     * (ipvsadm then says it cannot open /proc/net/ip_vs_conn and exits 1).
     */
    List<ConnRow> connections();

    /** The running sync daemons (none: an empty list). */
    List<SyncDaemon> daemons();

    /**
     * Starts a sync daemon: EEXIST when that role runs already. An implementation without
     * sync daemons throws {@link UnsupportedOperationException} with a message for the user.
     */
    void startDaemon(SyncDaemon daemon) throws IpvsException;

    /** Stops the daemon of {@code daemon.role()}: ESRCH when it does not run. */
    void stopDaemon(SyncDaemon daemon) throws IpvsException;
}

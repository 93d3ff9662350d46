package org.jlvs.admin.ipvsadm;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jlvs.core.table.Errno;
import org.jlvs.core.table.IpvsException;

/**
 * --start-daemon and --stop-daemon while JLVS has no connection-sync daemon: the answers the
 * kernel gives that do not need one. Stopping finds none running (ESRCH, "No daemon is
 * running"); starting on an interface this host does not have fails as the kernel's
 * start_sync_thread does (ENODEV) before anything else; any other start is refused as not
 * available, rather than pretending connections are synchronized.
 */
public final class NoSyncDaemon {
    public static final String NOT_AVAILABLE = "sync daemon is not available yet";
    private static final Path NET_DEVICES = Path.of("/sys/class/net");

    private NoSyncDaemon() {
    }

    public static void start(SyncDaemon d) throws IpvsException {
        String ifname = d.mcastInterface();
        if (ifname.isEmpty() || ifname.indexOf('/') >= 0 || ifname.equals(".") || ifname.equals("..")
                || !Files.exists(NET_DEVICES.resolve(ifname))) {
            throw new IpvsException(Errno.ENODEV, "No such device");
        }
        throw new UnsupportedOperationException(NOT_AVAILABLE);
    }

    public static void stop(SyncDaemon d) throws IpvsException {
        throw new IpvsException(Errno.ESRCH, "No daemon is running");
    }
}

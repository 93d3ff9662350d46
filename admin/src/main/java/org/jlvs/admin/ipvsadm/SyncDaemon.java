package org.jlvs.admin.ipvsadm;

import org.jlvs.core.model.IpAddress;

/**
 * A connection-sync daemon as ipvsadm starts, stops and lists it. When starting, zero (or null)
 * means "the kernel's default"; when listing, the values the daemon runs with.
 *
 * @param mcastInterface multicast interface name (ipvsadm sends eth0 when none is given)
 * @param syncId         0..255
 * @param syncMaxLen     largest sync message, 0 for the default
 * @param mcastGroup     multicast group, null for the default
 * @param mcastPort      UDP port, 0 for the default
 * @param mcastTtl       multicast TTL, 0 for the default
 */
public record SyncDaemon(Role role, String mcastInterface, int syncId, int syncMaxLen, IpAddress mcastGroup,
                         int mcastPort, int mcastTtl) {

    /** The two daemons a namespace can run; the listing shows the master first. */
    public enum Role {
        MASTER,
        BACKUP;

        public String lowerName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}

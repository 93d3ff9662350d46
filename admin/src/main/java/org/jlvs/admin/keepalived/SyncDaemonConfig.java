package org.jlvs.admin.keepalived;

import org.jlvs.core.model.IpAddress;

/**
 * {@code lvs_sync_daemon IFACE [[inst] VRRP_INSTANCE] [id SYNCID] [maxlen N] [port N] [ttl N] [group ADDR]}.
 * With an instance the master daemon runs while that instance is MASTER and the backup daemon
 * otherwise; without one both run.
 *
 * @param instance the VRRP instance followed, or null
 * @param syncId   the sync id, or -1 for the instance's VRID (0 without an instance)
 * @param maxLen   0, port 0, ttl 0 and a null group leave the kernel defaults (8848, 1, 224.0.0.81)
 */
public record SyncDaemonConfig(Origin at, String iface, String instance, int syncId, int maxLen, int port, int ttl,
                               IpAddress group) {
}

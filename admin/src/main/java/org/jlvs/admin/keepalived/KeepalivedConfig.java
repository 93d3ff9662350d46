package org.jlvs.admin.keepalived;

import java.util.List;

/**
 * The load-balancing part of a keepalived.conf after parsing and fix-ups: what the checker
 * process of keepalived would work from. VRRP blocks are not in it (they were skipped with a warning).
 *
 * @param ssl null when there is no SSL block
 */
public record KeepalivedConfig(GlobalDefs global, List<VirtualServerGroup> groups,
                               List<VirtualServer> virtualServers, SslConfig ssl) {

    public KeepalivedConfig {
        groups = List.copyOf(groups);
        virtualServers = List.copyOf(virtualServers);
    }

    /** The group of that name, or null. */
    public VirtualServerGroup group(String name) {
        return VirtualServerGroup.find(groups, name);
    }

    /** The same configuration with other virtual servers. */
    public KeepalivedConfig withVirtualServers(List<VirtualServer> list) {
        return new KeepalivedConfig(global, groups, list, ssl);
    }
}

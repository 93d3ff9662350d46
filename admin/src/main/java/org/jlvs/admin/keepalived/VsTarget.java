package org.jlvs.admin.keepalived;

import org.jlvs.core.model.IpAddress;

/** What a {@code virtual_server} line names: an address and port, a firewall mark, or a group. */
public sealed interface VsTarget {

    /** {@code virtual_server IP [PORT]}; port 0 when none was given. */
    record Address(IpAddress address, int port) implements VsTarget {
    }

    /** {@code virtual_server fwmark N}. */
    record Fwmark(int mark) implements VsTarget {
    }

    /** {@code virtual_server group NAME}. */
    record Group(String name) implements VsTarget {
    }
}

package org.jlvs.admin.keepalived;

import org.jlvs.core.model.IpAddress;

/** A sorry_server while it is being read. */
final class SorryBuilder {
    final Origin at;
    final IpAddress address;
    int port;
    /** The virtual server's method when sorry_server was read, or sorry_server_lvs_method; null: not set. */
    ForwardingMethod method;
    boolean inhibit;

    SorryBuilder(Origin at, IpAddress address, int port, ForwardingMethod method) {
        this.at = at;
        this.address = address;
        this.port = port;
        this.method = method;
    }
}

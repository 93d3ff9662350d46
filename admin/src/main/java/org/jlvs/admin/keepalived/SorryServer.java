package org.jlvs.admin.keepalived;

import org.jlvs.core.model.IpAddress;

/**
 * {@code sorry_server IP [PORT]}: installed at weight 1 while the virtual server's quorum is
 * lost. With {@code inhibit} ({@code sorry_server_inhibit}) it stays in the table at weight 0
 * the rest of the time.
 */
public record SorryServer(Origin at, IpAddress address, int port, ForwardingMethod method, boolean inhibit) {
}

package org.jlvs.admin.keepalived;

import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.Protocol;

/** The way keepalived writes servers in its messages (FMT_VS, inet_sockaddrtotrio), so that log greps keep working. */
public final class Names {

    private Names() {
    }

    public static String virtualServer(VsTarget target, Protocol protocol) {
        return switch (target) {
            case VsTarget.Address a -> trio(a.address(), protocol, a.port());
            case VsTarget.Fwmark f -> "FWM " + Integer.toUnsignedString(f.mark());
            case VsTarget.Group g -> "[" + g.name() + "]:0";
        };
    }

    /** {@code [addr]:tcp:port}; "none" before a protocol is known. */
    public static String trio(IpAddress address, Protocol protocol, int port) {
        return "[" + address + "]:" + (protocol == null ? "none" : protocol.lowerName()) + ":" + port;
    }
}

package org.jlvs.socket;

import org.jlvs.core.model.ServiceKey;
import org.jlvs.socket.SocketPlaneConfig.Endpoint;

/** One socket the plane listens on for a service, and what became of binding it. */
public final class Listener {
    final ServiceKey service;
    final Endpoint endpoint;
    /** The bound sockets: one per event loop (SO_REUSEPORT) for TCP, one for UDP; empty until bound. */
    volatile java.util.List<io.netty.channel.Channel> channels = java.util.List.of();
    volatile String problem;

    Listener(ServiceKey service, Endpoint endpoint) {
        this.service = service;
        this.endpoint = endpoint;
    }

    public ServiceKey service() {
        return service;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public boolean bound() {
        java.util.List<io.netty.channel.Channel> c = channels;
        return !c.isEmpty() && c.stream().allMatch(io.netty.channel.Channel::isActive);
    }

    /** Stops listening; connections already accepted go on. */
    void close() {
        for (io.netty.channel.Channel ch : channels) {
            ch.close().awaitUninterruptibly();
        }
        channels = java.util.List.of();
    }

    /** Why the socket is not bound (yet), or null. */
    public String problem() {
        return problem;
    }

    @Override
    public String toString() {
        return endpoint + (bound() ? " listening" : " not bound: " + problem);
    }
}

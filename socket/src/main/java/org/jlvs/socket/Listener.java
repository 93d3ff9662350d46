package org.jlvs.socket;

import org.jlvs.core.model.ServiceKey;
import org.jlvs.socket.SocketPlaneConfig.Endpoint;

/** One socket the plane listens on for a service, and what became of binding it. */
public final class Listener {
    final ServiceKey service;
    final Endpoint endpoint;
    volatile io.netty.channel.Channel channel;
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
        return channel != null && channel.isActive();
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

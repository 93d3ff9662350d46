package org.jlvs.packet.xmit;

import java.lang.foreign.MemorySegment;
import java.util.IdentityHashMap;
import java.util.Map;

import org.jlvs.core.model.Destination;

/**
 * Where DR and TUN packets for each realserver go: its link-layer address on the inside
 * interface (a ready {@code sockaddr_ll}, or none until its MAC is known) and its IP address (a
 * ready {@code sockaddr_in}/{@code in6} for the tunnel sockets, and one with the tunnel port
 * for GUE). Rebuilt by the control side
 * after table changes and neighbour refreshes, and published whole; packet threads only read
 * it, by identity, without allocating.
 */
public final class EgressTable {
    /** One realserver's egress addresses. */
    public static final class Route {
        final MemorySegment link;
        final MemorySegment inet;
        /** For a GUE tunnel: the realserver's address with its tunnel port; else null. */
        final MemorySegment gue;
        final boolean v6;

        public Route(MemorySegment link, MemorySegment inet, boolean v6) {
            this(link, inet, null, v6);
        }

        public Route(MemorySegment link, MemorySegment inet, MemorySegment gue, boolean v6) {
            this.link = link;
            this.inet = inet;
            this.gue = gue;
            this.v6 = v6;
        }

        public boolean hasLink() {
            return link != null;
        }
    }

    private volatile IdentityHashMap<Destination, Route> routes = new IdentityHashMap<>();
    private volatile boolean neighbourMissing;
    /** The inside interface's MTU, read again on refresh (an admin may change it). */
    private volatile int mtu = 1500;

    public int mtu() {
        return mtu;
    }

    public void setMtu(int mtu) {
        this.mtu = mtu;
    }

    public Route get(Destination d) {
        return routes.get(d);
    }

    public void publish(Map<Destination, Route> next) {
        routes = new IdentityHashMap<>(next);
        neighbourMissing = false;
    }

    /** A packet found no MAC: the control side should look again soon. */
    void missedNeighbour() {
        neighbourMissing = true;
    }

    public boolean neighbourMissing() {
        return neighbourMissing;
    }
}

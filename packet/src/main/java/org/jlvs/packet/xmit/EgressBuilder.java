package org.jlvs.packet.xmit;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.VirtualService;
import org.jlvs.sys.libc.SockAddr;
import org.jlvs.sys.libc.Sockets;
import org.jlvs.sys.netlink.Neighbours;
import org.jlvs.sys.packet.PacketSocket;

/**
 * Builds the {@link EgressTable} from the table: for every DR and TUN realserver its tunnel
 * address, and for DR its MAC from the kernel's neighbour table. A realserver whose MAC is not
 * known yet gets a datagram to its discard port, which makes the kernel resolve it; the next
 * refresh picks the answer up.
 */
public final class EgressBuilder {
    private static final Logger LOG = Logger.getLogger(EgressBuilder.class.getName());

    private final int insideIfindex;
    private final Map<IpAddress, byte[]> lastMacs = new HashMap<>();

    /** {@code insideIfindex} 0: accept a neighbour on any interface. */
    public EgressBuilder(int insideIfindex) {
        this.insideIfindex = insideIfindex;
    }

    /** Rebuilds and publishes; returns how many DR realservers still have no MAC. */
    public int refresh(VirtualService[] services, EgressTable into, boolean probe) {
        Map<IpAddress, Neighbour> neigh = neighbours();
        Map<Destination, EgressTable.Route> routes = new IdentityHashMap<>();
        int missing = 0;
        Arena arena = Arena.ofAuto();
        for (VirtualService s : services) {
            for (Destination d : s.destinations()) {
                Forwarding f = d.forwarding();
                if (f != Forwarding.ROUTE && f != Forwarding.TUNNEL) {
                    continue;
                }
                IpAddress a = d.address();
                MemorySegment inet = a.isV6() ? SockAddr.inet6(arena, a.hi(), a.lo(), 0)
                        : SockAddr.inet4(arena, a.v4(), 0);
                MemorySegment link = null;
                if (f == Forwarding.ROUTE) {
                    Neighbour n = neigh.get(a);
                    if (n != null) {
                        int type = a.isV6() ? PacketSocket.ETH_P_IPV6 : PacketSocket.ETH_P_IP;
                        link = SockAddr.link(arena, n.ifindex, type, n.mac);
                        byte[] old = lastMacs.put(a, n.mac);
                        if (old == null || !Arrays.equals(old, n.mac)) {
                            LOG.info("packet plane: realserver " + a + " is at " + mac(n.mac) + " (ifindex " + n.ifindex + ")");
                        }
                    } else {
                        missing++;
                        if (probe) {
                            poke(a);
                        }
                    }
                }
                MemorySegment gue = null;
                if (f == Forwarding.TUNNEL && d.tunnelType() == org.jlvs.core.model.TunnelType.GUE) {
                    gue = a.isV6() ? SockAddr.inet6(arena, a.hi(), a.lo(), d.tunnelPort())
                            : SockAddr.inet4(arena, a.v4(), d.tunnelPort());
                }
                routes.put(d, new EgressTable.Route(link, inet, gue, a.isV6()));
            }
        }
        into.publish(routes);
        return missing;
    }

    private record Neighbour(int ifindex, byte[] mac) {
    }

    private Map<IpAddress, Neighbour> neighbours() {
        Map<IpAddress, Neighbour> m = new HashMap<>();
        for (int family : new int[] {Sockets.AF_INET, Sockets.AF_INET6}) {
            List<Neighbours.Entry> list;
            try {
                list = Neighbours.dump(family);
            } catch (RuntimeException e) {
                LOG.warning("packet plane: neighbour table: " + e.getMessage());
                continue;
            }
            for (Neighbours.Entry e : list) {
                if (insideIfindex != 0 && e.ifindex() != insideIfindex) {
                    continue;
                }
                try {
                    m.put(IpAddress.of(java.net.InetAddress.getByAddress(e.address())), new Neighbour(e.ifindex(), e.mac()));
                } catch (java.net.UnknownHostException ex) {
                    // not an address: skip it
                }
            }
        }
        return m;
    }

    /** A datagram to the discard port: the kernel resolves the address on its way out. */
    private static void poke(IpAddress a) {
        try (DatagramSocket s = new DatagramSocket()) {
            s.send(new DatagramPacket(new byte[1], 1, a.toInetAddress(), 9));
        } catch (IOException e) {
            LOG.fine(() -> "packet plane: cannot reach " + a + ": " + e.getMessage());
        }
    }

    private static String mac(byte[] m) {
        StringBuilder b = new StringBuilder();
        for (byte x : m) {
            if (b.length() > 0) {
                b.append(':');
            }
            b.append(String.format("%02x", x & 0xFF));
        }
        return b.toString();
    }
}

package org.jlvs.socket;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

import io.netty.bootstrap.AbstractBootstrap;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannelRecvByteBufAllocator;
import io.netty.channel.unix.UnixChannelOption;
import org.jlvs.core.model.Destination;
import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.model.VirtualService;
import org.jlvs.core.table.IpvsTable;
import org.jlvs.socket.SocketPlaneConfig.Endpoint;
import org.jlvs.socket.tcp.TcpFrontend;
import org.jlvs.socket.udp.UdpFrontend;

/**
 * The socket plane's listening sockets, kept in step with the table: one listener per virtual
 * service endpoint (and per endpoint given for fwmark and port-zero services). A listener whose
 * address is not local is bound with IP_FREEBIND where the transport allows, else kept, reported
 * and retried.
 */
final class Listeners {
    private static final Logger LOG = Logger.getLogger(SocketPlane.class.getName());

    private final SocketPlane plane;
    private final IpvsTable table;
    private final SocketPlaneConfig config;
    private final EventLoopGroup group;
    private final int loopCount;
    private final Map<Endpoint, Listener> listeners = new HashMap<>();
    /** Bound listener addresses, read by event loops to refuse forwarding to ourselves. */
    private volatile java.util.Set<InetSocketAddress> listening = java.util.Set.of();
    private volatile boolean warnedLoop;
    private boolean warnedMethods;

    Listeners(SocketPlane plane, IpvsTable table, SocketPlaneConfig config, EventLoopGroup group) {
        this.plane = plane;
        this.table = table;
        this.config = config;
        this.group = group;
        int n = 0;
        for (var ignored : group) {
            n++;
        }
        this.loopCount = n;
    }

    /** Makes the listeners match the table. Call after every change, on one thread. */
    synchronized void sync() {
        Map<Endpoint, ServiceKey> wanted = new HashMap<>();
        for (VirtualService s : table.services()) {
            for (Endpoint e : endpoints(s.key())) {
                wanted.putIfAbsent(e, s.key());
            }
            warnMethods(s);
        }
        for (var it = listeners.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            ServiceKey k = wanted.get(e.getKey());
            if (k == null || !k.equals(e.getValue().service)) {
                e.getValue().close();
                it.remove();
            }
        }
        for (var e : wanted.entrySet()) {
            if (!listeners.containsKey(e.getKey())) {
                Listener l = new Listener(e.getValue(), e.getKey());
                listeners.put(e.getKey(), l);
                bind(l);
            }
        }
        publishListening();
    }

    private void publishListening() {
        java.util.Set<InetSocketAddress> s = new java.util.HashSet<>();
        for (Endpoint e : listeners.keySet()) {
            s.add(new InetSocketAddress(e.address().toInetAddress(), e.port()));
        }
        listening = java.util.Set.copyOf(s);
    }

    /**
     * True when a realserver is one of our own listeners: forwarding there would loop, each
     * connection making another, so such a connection is refused.
     */
    boolean wouldLoop(InetSocketAddress target) {
        if (listening.contains(target)) {
            if (!warnedLoop) {
                warnedLoop = true;
                LOG.warning("socket plane: realserver " + target + " is one of the director's own listeners; "
                        + "connections to it are refused (they would loop)");
            }
            return true;
        }
        return false;
    }

    /** Tries again to bind listeners whose address was not available. */
    synchronized void retryUnbound() {
        for (Listener l : listeners.values()) {
            if (l.channels.isEmpty()) {
                bind(l);
            }
        }
    }

    private List<Endpoint> endpoints(ServiceKey k) {
        List<Endpoint> list = new ArrayList<>();
        if (!k.isFwmark() && k.port() != 0) {
            list.add(new Endpoint(k.protocol(), k.address(), k.port()));
        }
        list.addAll(config.extraListeners().getOrDefault(k, List.of()));
        return list;
    }

    private void warnMethods(VirtualService s) {
        if (warnedMethods) {
            return;
        }
        for (Destination d : s.destinations()) {
            if (d.forwarding() != org.jlvs.core.model.Forwarding.MASQ) {
                warnedMethods = true;
                LOG.warning("socket plane: route (-g) and tunnel (-i) realservers are forwarded as by NAT; "
                        + "true DR and TUN need --data-plane packet");
                return;
            }
        }
    }

    private void bind(Listener l) {
        VirtualService svc = table.service(l.service);
        if (svc == null) {
            return;
        }
        Endpoint e = l.endpoint;
        if (e.protocol() == Protocol.SCTP) {
            l.problem = "SCTP is not served by the socket plane";
            return;
        }
        InetSocketAddress addr = new InetSocketAddress(e.address().toInetAddress(), e.port());
        InetSocketAddress local = addr;
        List<Channel> bound = new ArrayList<>();
        String why = null;
        if (e.protocol() == Protocol.TCP) {
            // With -Djlvs.reuseport=true, one listening socket per event loop (SO_REUSEPORT), the
            // kernel spreading new connections over them; by default one socket, its accepted
            // connections spread over the loops by Netty. (Not yet measured apart on a quiet machine.)
            List<EventLoop> loops = new ArrayList<>();
            if (Transport.KIND == Transport.Kind.NIO || !Boolean.getBoolean("jlvs.reuseport")) {
                loops.add(group.next());
            } else {
                for (var ex : group) {
                    loops.add((EventLoop) ex);
                }
            }
            for (EventLoop loop : loops) {
                // its children go to this loop alone (one listener per loop), or to all of them
                AcceptPacer pacer = Transport.ACCEPT_PACING ? new AcceptPacer(loops.size() > 1 ? 1 : loopCount) : null;
                ServerBootstrap sb = new ServerBootstrap()
                        .group(loop, loops.size() > 1 ? loop : group)
                        .channel(Transport.serverChannel())
                        .option(ChannelOption.SO_BACKLOG, 4096)
                        .option(ChannelOption.SO_REUSEADDR, true)
                        .childOption(ChannelOption.AUTO_READ, false)
                        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                        .childHandler(new ChannelInitializer<>() {
                            @Override
                            protected void initChannel(Channel ch) {
                                ch.pipeline().addLast(new TcpFrontend(plane, svc, local, pacer));
                            }
                        });
                if (loops.size() > 1) {
                    sb.option(UnixChannelOption.SO_REUSEPORT, true);
                }
                if (pacer != null) {
                    sb.option(ChannelOption.AUTO_READ, false)
                            .option(ChannelOption.RCVBUF_ALLOCATOR,
                                    new ServerChannelRecvByteBufAllocator().maxMessagesPerRead(AcceptPacer.BATCH))
                            .handler(pacer);
                }
                freebind(sb);
                ChannelFuture f = sb.bind(addr).awaitUninterruptibly();
                if (f.isSuccess()) {
                    bound.add(f.channel());
                } else {
                    why = f.cause() == null ? "unknown" : f.cause().getMessage();
                    break;
                }
            }
        } else {
            Bootstrap db = new Bootstrap()
                    .group(group)
                    .channel(Transport.datagramChannel())
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .option(ChannelOption.SO_RCVBUF, 4 << 20)
                    .handler(new UdpFrontend(plane, svc));
            freebind(db);
            ChannelFuture f = db.bind(addr).awaitUninterruptibly();
            if (f.isSuccess()) {
                bound.add(f.channel());
            } else {
                why = f.cause() == null ? "unknown" : f.cause().getMessage();
            }
        }
        if (why == null) {
            l.channels = List.copyOf(bound);
            l.problem = null;
            LOG.info("socket plane: listening on " + e + " for " + l.service);
        } else {
            for (Channel ch : bound) {
                ch.close();
            }
            if (!why.equals(l.problem)) {
                LOG.warning("socket plane: cannot listen on " + e + " for " + l.service + ": " + why
                        + " (kept; retried until the address is local)");
            }
            l.problem = why;
        }
    }

    private static void freebind(AbstractBootstrap<?, ?> b) {
        if (Transport.freebind() != null) {
            b.option(Transport.freebind(), true);
        }
    }

    synchronized List<Listener> all() {
        return List.copyOf(listeners.values());
    }

    synchronized void closeAll() {
        for (Listener l : listeners.values()) {
            l.close();
        }
        listeners.clear();
        listening = java.util.Set.of();
    }
}

package org.jlvs.socket;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelConfig;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import org.jlvs.core.conn.Conn;
import org.jlvs.core.conn.ConnScheduler;
import org.jlvs.core.conn.ConnTable;
import org.jlvs.core.model.Destination;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.VirtualService;
import org.jlvs.core.sched.Flow;
import org.jlvs.core.table.IpvsTable;

/**
 * The socket data plane: a layer-4 proxy that serves every virtual service of the table by
 * listening on its address and port, schedules each new connection through the control plane
 * (persistence templates, then the scheduler), and relays bytes to the chosen realserver. It runs
 * anywhere, unprivileged. Realservers see the director's address unless the PROXY protocol or
 * transparent mode tells or shows them the client's.
 *
 * <p>{@link #sync()} follows the table after each change: new services get listeners, removed
 * ones lose theirs, and connections in progress are never touched. A listener whose address is
 * not (yet) local is bound with IP_FREEBIND where the system allows it, else kept, reported, and
 * retried by {@link #retryUnbound()}.
 */
public final class SocketPlane implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SocketPlane.class.getName());

    private final IpvsTable table;
    private final SocketPlaneConfig config;
    private final ConnScheduler scheduler;
    private final EventLoopGroup group;
    private final Listeners listeners;
    private final Map<Conn, Runnable> sessions = new ConcurrentHashMap<>();
    private final Map<Destination, LongAdder> connectFailures = new ConcurrentHashMap<>();
    private final LongAdder noDestination = new LongAdder();
    private final ThreadLocal<Flow> flows = ThreadLocal.withInitial(Flow::new);

    public SocketPlane(IpvsTable table, SocketPlaneConfig config) {
        this.table = table;
        this.config = config;
        this.scheduler = new ConnScheduler(table.conns());
        int threads = config.threads() > 0 ? config.threads() : Runtime.getRuntime().availableProcessors();
        this.group = Transport.group(threads);
        table.conns().setListener(this::expired);
        this.listeners = new Listeners(this, table, config, group);
        LOG.info("socket plane: " + threads + " event loop(s), " + Transport.name() + " transport");
        if (config.transparent()) {
            try {
                TransparentRouting.install();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("transparent mode needs root, nftables and ip: " + e.getMessage(), e);
            }
        }
    }

    public SocketPlaneConfig config() {
        return config;
    }

    public ConnTable conns() {
        return table.conns();
    }

    public int udpTimeoutSeconds() {
        return table.timeouts().udp();
    }

    public Class<? extends Channel> datagramChannelClass() {
        return Transport.datagramChannel();
    }

    // ------------------------------------------------------------------ listeners

    /** Makes the listeners match the table. Call after every change, on one thread. */
    public void sync() {
        listeners.sync();
    }

    /** Tries again to bind listeners whose address was not available. */
    public void retryUnbound() {
        listeners.retryUnbound();
    }

    public List<Listener> listeners() {
        return listeners.all();
    }

    /** Where a connection goes: its destination's socket address, made once per destination. */
    public InetSocketAddress target(Conn c) {
        Destination d = c.dest();
        if (d.planeAddress() instanceof InetSocketAddress a && a.getPort() == c.destPort()) {
            return a;
        }
        InetSocketAddress a = new InetSocketAddress(c.destAddress().toInetAddress(), c.destPort());
        if (c.destPort() == d.port()) {
            d.planeAddress(a);
        }
        return a;
    }

    /**
     * True when a realserver is one of our own listeners: forwarding there would loop, each
     * connection making another, so such a connection is refused.
     */
    public boolean wouldLoop(InetSocketAddress target) {
        return listeners.wouldLoop(target);
    }

    /**
     * Opens a realserver connection on {@code loop} (the client's, so both sides share a
     * thread): reading off until the relay starts, half-close allowed (Netty turns Nagle off on
     * Linux by default; setting it again would cost a syscall per connection). Made by hand
     * rather than through a Bootstrap, which copies its option maps for every connection.
     *
     * @param local the address to connect from (transparent mode), or null
     */
    public ChannelFuture connectBackend(io.netty.channel.EventLoop loop, io.netty.channel.ChannelHandler handler,
                                        InetSocketAddress target, InetSocketAddress local) {
        Channel ch = Transport.socketChannelFactory().newChannel();
        ChannelConfig c = ch.config();
        c.setAutoRead(false);
        c.setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        c.setConnectTimeoutMillis(config.connectTimeoutMillis());
        if (local != null && Transport.transparent() != null) {
            c.setOption(Transport.transparent(), true);
            c.setOption(ChannelOption.SO_REUSEADDR, true);
        }
        ch.pipeline().addLast(handler);
        ChannelPromise connected = ch.newPromise();
        loop.register(ch).addListener(r -> {
            if (!r.isSuccess()) {
                connected.setFailure(r.cause());
                ch.close();
            } else if (local != null) {
                ch.connect(target, local, connected);
            } else {
                ch.connect(target, connected);
            }
        });
        return connected;
    }

    /**
     * Sets IP_TRANSPARENT on a realserver-side socket, so it may be bound to the client's own
     * address and port (root; {@link TransparentRouting} brings the replies back to it).
     */
    public void makeTransparent(Bootstrap b) {
        if (Transport.transparent() != null) {
            b.option(Transport.transparent(), true);
            b.option(ChannelOption.SO_REUSEADDR, true);
        }
    }


    // ------------------------------------------------------------------ connections

    /** Schedules a new connection from {@code client} to {@code local} (on an event-loop thread). */
    public Conn schedule(VirtualService svc, int protocol, InetSocketAddress client, InetSocketAddress local) {
        IpAddress c = IpAddress.of(client.getAddress());
        IpAddress v = IpAddress.of(local.getAddress());
        Flow flow = flows.get().set(protocol, c, client.getPort(), v, local.getPort());
        Conn conn = scheduler.schedule(svc, flow);
        if (conn == null) {
            noDestination.increment();
            LOG.log(Level.FINE, () -> "IPVS: " + svc.config().scheduler() + ": " + svc.key() + " - no destination available");
        }
        return conn;
    }

    public HAProxyMessage proxyHeader(int version, boolean tcp, InetSocketAddress client, InetSocketAddress virtual) {
        return ProxyHeader.of(version, tcp, client, virtual);
    }

    /** Remembers how to close a connection's sockets when its entry expires. */
    public void track(Conn c, Runnable close) {
        sessions.put(c, close);
    }

    public void untrack(Conn c) {
        sessions.remove(c);
    }

    private void expired(Conn c) {
        Runnable close = sessions.remove(c);
        if (close != null) {
            close.run();
        }
    }

    public void connectFailed(Conn c, Throwable cause) {
        connectFailures.computeIfAbsent(c.dest(), d -> new LongAdder()).increment();
        LOG.fine(() -> "socket plane: realserver " + c.destAddress().toUriString() + ":" + c.destPort()
                + " failed: " + (cause == null ? "?" : cause.getMessage()));
    }

    /** Connections refused by or timed out at a realserver, by realserver (those with any). */
    public Map<Destination, Long> connectFailures() {
        Map<Destination, Long> m = new java.util.LinkedHashMap<>();
        connectFailures.forEach((d, n) -> m.put(d, n.sum()));
        return m;
    }

    public long noDestination() {
        return noDestination.sum();
    }

    public int openSessions() {
        return sessions.size();
    }

    /**
     * Stops listening at once, lets open connections finish for up to {@code graceMillis}, then
     * closes what is left and stops the event loops.
     */
    public void shutdown(long graceMillis, Consumer<String> log) {
        listeners.closeAll();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
        while (!sessions.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!sessions.isEmpty()) {
            log.accept("closing " + sessions.size() + " connection(s) still open after the grace period");
            for (Runnable r : List.copyOf(sessions.values())) {
                r.run();
            }
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        if (config.transparent()) {
            TransparentRouting.remove();
        }
    }

    @Override
    public void close() {
        shutdown(0, s -> { });
    }
}

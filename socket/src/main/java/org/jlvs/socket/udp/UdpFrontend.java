package org.jlvs.socket.udp;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.jlvs.core.conn.Conn;
import org.jlvs.core.conn.TcpTransitions;
import org.jlvs.core.model.Destination;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.VirtualService;
import org.jlvs.core.sched.Flow;
import org.jlvs.socket.SocketPlane;

/**
 * A UDP virtual service's socket. Each client address:port is a virtual connection: its first
 * datagram is scheduled, later ones follow the connection entry until the udp timeout expires it.
 * Datagrams go to the realserver from a socket connected to it, and its replies come back to the
 * client from the virtual address. With one-packet scheduling every datagram is scheduled.
 * All sessions of a service live on this channel's event loop, so the maps need no locks.
 */
public final class UdpFrontend extends SimpleChannelInboundHandler<DatagramPacket> {
    private final SocketPlane plane;
    private final VirtualService svc;
    private Channel listener;
    /** Sessions by client endpoint and realserver (one-packet scheduling may use several). */
    private final Map<Key, UdpSession> sessions = new HashMap<>();

    record Key(InetSocketAddress client, Destination dest) {
    }

    public UdpFrontend(SocketPlane plane, VirtualService svc) {
        super(false);
        this.plane = plane;
        this.svc = svc;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        listener = ctx.channel();
        ctx.fireChannelActive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
        InetSocketAddress client = p.sender();
        InetSocketAddress local = p.recipient() != null ? p.recipient() : (InetSocketAddress) ctx.channel().localAddress();
        ByteBuf data = p.content();
        int bytes = data.readableBytes();
        Conn conn = null;
        if (!svc.config().onePacket()) {
            IpAddress c = IpAddress.of(client.getAddress());
            IpAddress v = IpAddress.of(local.getAddress());
            conn = plane.conns().lookupIn(Flow.IPPROTO_UDP, c.isV6(), c.hi(), c.lo(), client.getPort(),
                    v.hi(), v.lo(), local.getPort());
        }
        if (conn == null || !plane.conns().packet(conn, TcpTransitions.DIR_INPUT, 0, bytes)) {
            conn = plane.schedule(svc, Flow.IPPROTO_UDP, client, local);
            if (conn == null) {
                data.release();
                return;
            }
            plane.conns().packet(conn, TcpTransitions.DIR_INPUT, 0, bytes);
        }
        if (plane.wouldLoop(plane.target(conn))) {
            plane.conns().expireNow(conn);
            data.release();
            return;
        }
        Key key = new Key(client, conn.dest());
        UdpSession s = sessions.get(key);
        if (s == null || !s.open()) {
            s = open(ctx, key, conn, client, local);
        } else {
            s.use(conn);
        }
        if (conn.isOnePacket()) {
            plane.conns().expireNow(conn);
        }
        s.send(data);
    }

    private UdpSession open(ChannelHandlerContext ctx, Key key, Conn conn, InetSocketAddress client,
                            InetSocketAddress local) {
        UdpSession s = new UdpSession(plane, listener, conn, client, local, () -> sessions.remove(key));
        sessions.put(key, s);
        Bootstrap b = new Bootstrap()
                .group(ctx.channel().eventLoop())
                .channel(plane.datagramChannelClass())
                .option(ChannelOption.SO_RCVBUF, 1 << 20)
                .handler(new UdpBackend(s));
        if (plane.config().transparent()) {
            plane.makeTransparent(b);
            b.localAddress(client);
        }
        InetSocketAddress target = plane.target(conn);
        b.connect(target).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                s.connected(f.channel());
            } else {
                plane.connectFailed(conn, f.cause());
                s.close();
            }
        });
        if (!conn.isOnePacket()) {
            plane.track(conn, s::close);
        }
        return s;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        for (UdpSession s : sessions.values().toArray(new UdpSession[0])) {
            s.close();
        }
    }
}

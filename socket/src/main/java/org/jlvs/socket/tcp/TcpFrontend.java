package org.jlvs.socket.tcp;

import java.net.InetSocketAddress;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.haproxy.HAProxyMessageEncoder;
import org.jlvs.core.conn.Conn;
import org.jlvs.core.conn.TcpTransitions;
import org.jlvs.core.model.VirtualService;
import org.jlvs.socket.SocketPlane;

/**
 * The client's side of a proxied connection: schedules the new connection through the table
 * (persistence, then the scheduler), connects to the chosen realserver on the same event loop,
 * then relays bytes. Reads are requested only after the previous write completed, so a slow
 * side slows the other instead of filling memory.
 */
public final class TcpFrontend extends ChannelInboundHandlerAdapter {
    private final SocketPlane plane;
    private final VirtualService svc;
    private TcpSession session;

    public TcpFrontend(SocketPlane plane, VirtualService svc) {
        this.plane = plane;
        this.svc = svc;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Channel client = ctx.channel();
        InetSocketAddress remote = (InetSocketAddress) client.remoteAddress();
        InetSocketAddress local = (InetSocketAddress) client.localAddress();
        Conn conn = plane.schedule(svc, org.jlvs.core.sched.Flow.IPPROTO_TCP, remote, local);
        if (conn == null) {
            client.close();
            return;
        }
        session = new TcpSession(plane.conns(), conn, client);
        plane.conns().packet(conn, TcpTransitions.DIR_INPUT, TcpTransitions.TH_SYN, 0);
        plane.track(conn, session::closeBoth);

        int proxyVersion = plane.config().proxyVersion(svc.key(), conn.dest() == null ? "" : conn.dest().endpoint());
        Bootstrap b = new Bootstrap()
                .group(client.eventLoop())
                .channel(plane.socketChannelClass())
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, plane.config().connectTimeoutMillis())
                .handler(new TcpBackend(session));
        if (plane.config().transparent()) {
            plane.makeTransparent(b);
            b.localAddress(new InetSocketAddress(remote.getAddress(), 0));
        }
        InetSocketAddress target = new InetSocketAddress(conn.destAddress().toInetAddress(), conn.destPort());
        b.connect(target).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                plane.connectFailed(conn, f.cause());
                session.refused();
                return;
            }
            Channel backend = f.channel();
            session.backend = backend;
            if (session.closed()) {
                backend.close();
                return;
            }
            session.established();
            if (proxyVersion != 0) {
                backend.pipeline().addFirst(HAProxyMessageEncoder.INSTANCE);
                backend.writeAndFlush(plane.proxyHeader(proxyVersion, true, remote, local))
                        .addListener(x -> backend.pipeline().remove(HAProxyMessageEncoder.INSTANCE));
            }
            client.read();
            backend.read();
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Channel backend = session == null ? null : session.backend;
        if (backend == null || !backend.isActive()) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof ByteBuf buf) {
            plane.conns().traffic(session.conn, true, 1, buf.readableBytes());
        }
        backend.writeAndFlush(msg).addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                ctx.channel().read();
            } else {
                session.inactive(false);
            }
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent && session != null) {
            session.inputShutdown(true);
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (session != null) {
            session.inactive(true);
            plane.untrack(session.conn);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a reset or I/O error on the client's side: channelInactive follows and cleans up
        ctx.close();
    }
}

package org.jlvs.socket.tcp;

import java.net.InetSocketAddress;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyMessageEncoder;
import org.jlvs.core.conn.Conn;
import org.jlvs.core.conn.TcpTransitions;
import org.jlvs.core.model.VirtualService;
import org.jlvs.socket.AcceptPacer;
import org.jlvs.socket.SocketPlane;

/**
 * Accepts a client's connection: schedules it through the table (persistence, then the
 * scheduler), connects to the chosen realserver on the same event loop, then hands both channels
 * to a {@link TcpRelay} each. Until the realserver accepts, the client's bytes wait in its
 * socket (reading is off).
 */
public final class TcpFrontend extends ChannelInboundHandlerAdapter {
    private final SocketPlane plane;
    private final VirtualService svc;
    /** The listener's own address: the accepted socket's local address, without a getsockname. */
    private final InetSocketAddress local;

    /** The listener's, or null where accepts are not paced. */
    private final AcceptPacer pacer;

    public TcpFrontend(SocketPlane plane, VirtualService svc, InetSocketAddress local, AcceptPacer pacer) {
        this.pacer = pacer;
        this.plane = plane;
        this.svc = svc;
        this.local = local;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Channel client = ctx.channel();
        InetSocketAddress remote = (InetSocketAddress) client.remoteAddress();
        Conn conn = plane.schedule(svc, org.jlvs.core.sched.Flow.IPPROTO_TCP, remote, local);
        if (conn == null) {
            client.close();
            return;
        }
        TcpSession session = new TcpSession(plane.conns(), conn, client);
        if (pacer != null) {
            session.pacedBy(pacer);
        }
        InetSocketAddress target = plane.target(conn);
        if (plane.wouldLoop(target)) {
            plane.conns().packet(conn, TcpTransitions.DIR_INPUT, TcpTransitions.TH_SYN, 0);
            session.refused();
            return;
        }
        plane.conns().packet(conn, TcpTransitions.DIR_INPUT, TcpTransitions.TH_SYN, 0);
        plane.track(conn, session::closeBoth);
        ctx.pipeline().replace(this, "relay", new TcpRelay(session, true));

        int proxyVersion = plane.config().proxyVersion(svc.key(), conn.dest());
        // transparent: from the client's own address and port, as LVS-NAT shows it
        InetSocketAddress from = plane.config().transparent() ? remote : null;
        plane.connectBackend(client.eventLoop(), new TcpRelay(session, false), target, from).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                plane.connectFailed(conn, f.cause());
                session.refused();
                plane.untrack(conn);
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
            session.startRelaying();
        });
        client.closeFuture().addListener(x -> plane.untrack(conn));
    }
}

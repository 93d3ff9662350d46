package org.jlvs.socket.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;

/**
 * Relays one direction of a proxied connection: what this side reads is written to the other
 * side, flushed once per read burst, and reading pauses while the other side cannot take more
 * (its outbound buffer is over the high-water mark) and resumes when it drains. The same
 * buffers travel through; bytes are never copied.
 */
final class TcpRelay extends ChannelInboundHandlerAdapter {
    private final TcpSession session;
    private final boolean fromClient;

    TcpRelay(TcpSession session, boolean fromClient) {
        this.session = session;
        this.fromClient = fromClient;
    }

    private Channel peer() {
        return fromClient ? session.backend : session.client;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Channel peer = peer();
        if (msg instanceof ByteBuf buf) {
            session.conns.traffic(session.conn, fromClient, 1, buf.readableBytes());
        }
        if (peer == null && fromClient) {
            session.early(msg);
            return;
        }
        if (peer == null || !peer.isActive()) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        peer.write(msg, peer.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        Channel peer = peer();
        if (peer != null) {
            if (!fromClient) {
                session.corkIfFinFollows();
            }
            peer.flush();
            if (!peer.isWritable()) {
                ctx.channel().config().setAutoRead(false);
            }
        }
    }

    /** This side drained: the other side may read again. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Channel peer = peer();
        if (ctx.channel().isWritable() && peer != null) {
            session.resumeReading(!fromClient);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            session.inputShutdown(fromClient);
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.channelClosed(fromClient);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a reset or an I/O error (also a failed write to this side): channelInactive cleans up
        session.error(fromClient);
        ctx.close();
    }
}

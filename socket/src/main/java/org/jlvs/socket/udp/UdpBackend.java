package org.jlvs.socket.udp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;

/** Replies on a session's connected socket, handed back to the session. */
final class UdpBackend extends SimpleChannelInboundHandler<DatagramPacket> {
    private final UdpSession session;

    UdpBackend(UdpSession session) {
        super(false);
        this.session = session;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket p) {
        session.reply(p.content());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // ICMP port unreachable from the realserver shows up here; the client just gets no answer
    }
}

package org.jlvs.socket.udp;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.concurrent.ScheduledFuture;
import org.jlvs.core.conn.Conn;
import org.jlvs.core.conn.TcpTransitions;
import org.jlvs.socket.SocketPlane;

/**
 * One client's virtual UDP connection to one realserver: a socket connected to the realserver,
 * and the way back to the client from the virtual address. It closes when its connection entry
 * expires, or, for one-packet scheduling (no entry outlives a datagram), after the udp timeout
 * without traffic.
 */
final class UdpSession {
    private final SocketPlane plane;
    private final Channel listener;
    private final InetSocketAddress client;
    private final InetSocketAddress local;
    private final Runnable onClose;
    private Conn conn;
    private Channel backend;
    private ArrayDeque<ByteBuf> pending = new ArrayDeque<>();
    private boolean closed;
    private long lastUse;
    private ScheduledFuture<?> idle;

    UdpSession(SocketPlane plane, Channel listener, Conn conn, InetSocketAddress client, InetSocketAddress local,
               Runnable onClose) {
        this.plane = plane;
        this.listener = listener;
        this.conn = conn;
        this.client = client;
        this.local = local;
        this.onClose = onClose;
        this.lastUse = System.nanoTime();
        if (conn.isOnePacket()) {
            scheduleIdleCheck();
        }
    }

    boolean open() {
        return !closed;
    }

    void use(Conn c) {
        conn = c;
        lastUse = System.nanoTime();
    }

    void connected(Channel ch) {
        if (closed) {
            ch.close();
            return;
        }
        backend = ch;
        for (ByteBuf b; (b = pending.poll()) != null; ) {
            ch.write(b);
        }
        ch.flush();
        pending = null;
    }

    void send(ByteBuf data) {
        if (closed) {
            data.release();
        } else if (backend == null) {
            pending.add(data);
        } else {
            backend.writeAndFlush(data);
        }
    }

    /** A reply from the realserver: back to the client, from the virtual address. */
    void reply(ByteBuf data) {
        lastUse = System.nanoTime();
        Conn c = conn;
        if (!c.isOnePacket()) {
            plane.conns().packet(c, TcpTransitions.DIR_OUTPUT, 0, data.readableBytes());
        } else {
            plane.conns().traffic(c, false, 1, data.readableBytes());
        }
        listener.writeAndFlush(new DatagramPacket(data, client, local));
    }

    private void scheduleIdleCheck() {
        long timeoutNanos = TimeUnit.SECONDS.toNanos(plane.udpTimeoutSeconds());
        idle = listener.eventLoop().schedule(() -> {
            if (System.nanoTime() - lastUse >= timeoutNanos) {
                close();
            } else {
                scheduleIdleCheck();
            }
        }, Math.max(1, timeoutNanos / 4), TimeUnit.NANOSECONDS);
    }

    void close() {
        if (!listener.eventLoop().inEventLoop()) {
            listener.eventLoop().execute(this::close);
            return;
        }
        if (closed) {
            return;
        }
        closed = true;
        if (idle != null) {
            idle.cancel(false);
        }
        if (pending != null) {
            pending.forEach(ByteBuf::release);
            pending.clear();
        }
        if (backend != null) {
            backend.close();
        }
        onClose.run();
    }
}

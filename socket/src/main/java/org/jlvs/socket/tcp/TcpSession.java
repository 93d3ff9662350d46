package org.jlvs.socket.tcp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;
import org.jlvs.core.conn.Conn;
import org.jlvs.core.conn.ConnTable;
import org.jlvs.core.conn.TcpTransitions;

/**
 * One proxied TCP connection: the client's channel, the realserver's, and the connection entry
 * whose state follows what each side does (open, half-close, reset), so that the table shows it
 * as the kernel would show a NAT connection. Both channels live on one event loop, so the fields
 * need no locks.
 */
final class TcpSession {
    final ConnTable conns;
    final Conn conn;
    final Channel client;
    Channel backend;
    private boolean clientFin;
    private boolean backendFin;
    private boolean closed;
    private boolean relaying;

    TcpSession(ConnTable conns, Conn conn, Channel client) {
        this.conns = conns;
        this.conn = conn;
        this.client = client;
    }

    /** The realserver accepted: the handshake completes in the table. */
    void established() {
        conns.packet(conn, TcpTransitions.DIR_OUTPUT, TcpTransitions.TH_SYN | TcpTransitions.TH_ACK, 0);
        conns.packet(conn, TcpTransitions.DIR_INPUT, TcpTransitions.TH_ACK, 0);
    }

    /** Both sides start reading; from now on bytes flow. */
    void startRelaying() {
        relaying = true;
        client.config().setAutoRead(true);
        backend.config().setAutoRead(true);
    }

    boolean relaying() {
        return relaying && !closed;
    }

    /** The realserver refused or did not answer: it reset the connection. */
    void refused() {
        conns.packet(conn, TcpTransitions.DIR_OUTPUT, TcpTransitions.TH_RST, 0);
        closeBoth();
    }

    /** One side sent FIN: pass it on as a half-close; when both have, the connection is done. */
    void inputShutdown(boolean fromClient) {
        if (fromClient) {
            if (clientFin) {
                return;
            }
            clientFin = true;
            conns.packet(conn, TcpTransitions.DIR_INPUT, TcpTransitions.TH_FIN | TcpTransitions.TH_ACK, 0);
            shutdownOutput(backend);
        } else {
            if (backendFin) {
                return;
            }
            backendFin = true;
            conns.packet(conn, TcpTransitions.DIR_OUTPUT, TcpTransitions.TH_FIN | TcpTransitions.TH_ACK, 0);
            shutdownOutput(client);
        }
        if (clientFin && backendFin) {
            conns.packet(conn, TcpTransitions.DIR_INPUT, TcpTransitions.TH_ACK, 0);
            closeBoth();
        }
    }

    /** One side went away without a FIN (reset, error): the other side is closed too. */
    void inactive(boolean fromClient) {
        if (closed) {
            return;
        }
        if (!(fromClient ? clientFin : backendFin)) {
            conns.packet(conn, fromClient ? TcpTransitions.DIR_INPUT : TcpTransitions.DIR_OUTPUT,
                    TcpTransitions.TH_RST, 0);
        }
        closeBoth();
    }

    private static void shutdownOutput(Channel ch) {
        if (ch == null || !ch.isActive()) {
            return;
        }
        // after what is queued has gone out
        ch.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) f -> {
            if (ch instanceof DuplexChannel d) {
                d.shutdownOutput();
            } else {
                ch.close();
            }
        });
    }

    void closeBoth() {
        if (closed) {
            return;
        }
        closed = true;
        flushAndClose(client);
        flushAndClose(backend);
    }

    private static void flushAndClose(Channel ch) {
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    boolean closed() {
        return closed;
    }
}

package org.jlvs.socket.tcp;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.unix.Socket;
import io.netty.channel.unix.UnixChannel;
import io.netty.channel.socket.DuplexChannel;
import org.jlvs.core.conn.Conn;
import org.jlvs.core.conn.ConnTable;
import org.jlvs.core.conn.TcpTransitions;
import org.jlvs.socket.AcceptPacer;
import org.jlvs.sys.libc.Sockets;

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
    /** Our FIN went to that side: its output is shut down, nothing is queued for it, and its FIN closes it. */
    private boolean finToClient;
    private boolean finToBackend;
    /** That side's channel failed (a reset, an I/O error), as opposed to ending with its FIN. */
    private boolean clientError;
    private boolean backendError;
    /** The first reply has been looked at for a FIN behind it. */
    private boolean peeked;

    /** One byte to peek into, per event-loop thread. */
    private static final ThreadLocal<MemorySegment> PEEK = ThreadLocal.withInitial(() -> Arena.global().allocate(1));
    private boolean closed;
    /** The listener's pacer, until this connection reaches its realserver or ends. */
    private AcceptPacer pacer;
    private long pacerTag;
    private boolean relaying;
    /**
     * What the client sent before the realserver accepted. Epoll reads a socket that reports
     * EOF even with reading off, so a client that sends and closes at once lands here.
     */
    private java.util.ArrayDeque<Object> early;

    TcpSession(ConnTable conns, Conn conn, Channel client) {
        this.conns = conns;
        this.conn = conn;
        this.client = client;
    }

    /** Counts as being set up, for the listener's pacer, until established or closed. */
    void pacedBy(AcceptPacer p) {
        pacer = p;
        pacerTag = p.opened();
    }

    private void settle() {
        if (pacer != null) {
            pacer.settled(pacerTag);
            pacer = null;
        }
    }

    /** The realserver accepted: the handshake completes in the table. */
    void established() {
        settle();
        conns.packet(conn, TcpTransitions.DIR_OUTPUT, TcpTransitions.TH_SYN | TcpTransitions.TH_ACK, 0);
        conns.packet(conn, TcpTransitions.DIR_INPUT, TcpTransitions.TH_ACK, 0);
    }

    /** Keeps a client read that came before the realserver connection. */
    void early(Object msg) {
        if (closed) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        if (early == null) {
            early = new java.util.ArrayDeque<>();
        }
        early.add(msg);
    }

    /** Both sides start reading; from now on bytes flow. Early client data goes first. */
    void startRelaying() {
        relaying = true;
        if (early != null) {
            for (Object m; (m = early.poll()) != null; ) {
                backend.write(m, backend.voidPromise());
            }
            backend.flush();
            early = null;
        }
        if (clientFin) {
            shutdownOutput(false);
        }
        resumeReading(true);
        resumeReading(false);
    }

    /**
     * Reads again on one side, unless it has sent its FIN: a socket whose input is shut down has
     * left epoll's read set, and asking to read it again fails.
     */
    void resumeReading(boolean clientSide) {
        if (!relaying || closed) {
            return;
        }
        if (clientSide ? !clientFin : !backendFin) {
            (clientSide ? client : backend).config().setAutoRead(true);
        }
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
        } else {
            if (backendFin) {
                return;
            }
            backendFin = true;
            conns.packet(conn, TcpTransitions.DIR_OUTPUT, TcpTransitions.TH_FIN | TcpTransitions.TH_ACK, 0);
        }
        if (clientFin && backendFin) {
            // the second FIN: closing sends ours after what is queued, no separate shutdown needed
            conns.packet(conn, TcpTransitions.DIR_INPUT, TcpTransitions.TH_ACK, 0);
            closeBoth();
        } else {
            shutdownOutput(!fromClient);
        }
    }

    /**
     * The realserver's reply just read is followed by its FIN, already in the socket (a peek says
     * EOF): the client's socket is corked so that the reply and our FIN, which follows on the
     * next read round, leave in one segment, as HAProxy's do when epoll reports RDHUP with the
     * data. Two packets fewer per short connection. Only the first reply is looked at: a
     * connection whose first reply has no FIN behind it is a long one, and a peek per reply would
     * cost keep-alive traffic a syscall each.
     */
    void corkIfFinFollows() {
        if (peeked) {
            return;
        }
        peeked = true;
        if (finToClient || !(backend instanceof UnixChannel b) || !(client instanceof UnixChannel c)) {
            return;
        }
        MemorySegment one = PEEK.get();
        if (Sockets.recv(b.fd().intValue(), one, 1, Sockets.MSG_PEEK | Sockets.MSG_DONTWAIT) == 0) {
            // the client's socket holds the reply until our FIN, which pushes both out
            Sockets.setsockopt(c.fd().intValue(), Sockets.IPPROTO_TCP, Sockets.TCP_CORK, 1);
        }
    }

    /** A side's channel failed: its end is a reset, not a FIN. */
    void error(boolean fromClient) {
        if (fromClient) {
            clientError = true;
        } else {
            backendError = true;
        }
    }

    /**
     * A side's channel closed. Where our FIN had gone to it, its own FIN ends it without a
     * half-close event (see {@link #shutdownOutput}), so a close without an error is that FIN.
     */
    void channelClosed(boolean fromClient) {
        if (!closed && (fromClient ? finToClient && !clientError : finToBackend && !backendError)) {
            inputShutdown(fromClient);
        }
        inactive(fromClient);
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

    /**
     * Sends our FIN to one side after what is queued for it. Straight on the socket where the
     * transport is native: Netty's own shutdownOutput builds an exception with a stack trace
     * each time, and its half-close handling of the FIN that answers ours costs a failing
     * shutdown(SHUT_RD) and another one. That side's FIN then simply closes its channel.
     */
    private void shutdownOutput(boolean toClient) {
        Channel ch = toClient ? client : backend;
        if (ch == null || !ch.isActive()) {
            return;
        }
        ch.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) f -> {
            if (!ch.isActive()) {
                return;
            }
            if (ch instanceof UnixChannel u && u.fd() instanceof Socket socket) {
                try {
                    socket.shutdown(false, true);
                } catch (java.io.IOException e) {
                    ch.close();
                    return;
                }
                ch.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, false);
                if (toClient) {
                    finToClient = true;
                } else {
                    finToBackend = true;
                }
            } else if (ch instanceof DuplexChannel d) {
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
        settle();
        if (early != null) {
            early.forEach(io.netty.util.ReferenceCountUtil::release);
            early = null;
        }
        flushAndClose(client, finToClient);
        flushAndClose(backend, finToBackend);
    }

    /** Closes after what is queued; a side that had our FIN has nothing queued (and no output to write to). */
    private static void flushAndClose(Channel ch, boolean outputShut) {
        if (ch == null || !ch.isActive()) {
            return;
        }
        if (outputShut) {
            ch.close();
        } else {
            ch.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    boolean closed() {
        return closed;
    }
}

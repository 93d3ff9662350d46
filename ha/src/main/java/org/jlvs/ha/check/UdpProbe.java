package org.jlvs.ha.check;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jlvs.sys.libc.Epoll;
import org.jlvs.sys.libc.Errno;
import org.jlvs.sys.probe.IcmpError;
import org.jlvs.sys.probe.UdpProbeSocket;

/**
 * One UDP_CHECK datagram's fate, as keepalived's udp_socket_state reads it: a reply (its bytes),
 * an ICMP destination unreachable (or another receive error), or silence until the timeout.
 * The poller thread reads the socket; the checker's thread waits on a future and, at the
 * timeout, takes the last word under the same lock, so the socket is never read once closed.
 */
final class UdpProbe {
    /** What came back. */
    enum Result { REPLY, ERROR, SILENCE }

    private final UdpProbeSocket socket;
    private final byte[] buffer;
    private final CompletableFuture<Result> result = new CompletableFuture<>();
    private int length;
    private boolean done;

    UdpProbe(UdpProbeSocket socket, int maxReply) {
        this.socket = socket;
        this.buffer = new byte[maxReply + 1];  // one more than allowed: a longer reply shows
    }

    /** Called by the poller with the epoll events. */
    synchronized void ready(int events) {
        if (done) {
            return;
        }
        if ((events & Epoll.EPOLLERR) != 0) {
            IcmpError e = socket.readError();
            // keepalived fails the check on an ICMP destination unreachable only; other ICMP
            // errors (time exceeded...) do not answer for the server: keep waiting
            if (e == null || !e.destinationUnreachable()) {
                return;
            }
            finish(Result.ERROR);
            return;
        }
        int n = socket.receive(buffer);
        if (n == -Errno.EAGAIN) {
            return;
        }
        length = Math.max(0, n);
        finish(n < 0 ? Result.ERROR : Result.REPLY);
    }

    private void finish(Result r) {
        done = true;
        result.complete(r);
    }

    /** Waits for the outcome, at most {@code timeoutNanos}. */
    Result await(long timeoutNanos) throws InterruptedException {
        try {
            return result.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            synchronized (this) {
                if (!done) {
                    finish(Result.SILENCE);
                }
            }
            return result.join();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            synchronized (this) {
                done = true;  // no more reads: the socket is about to be closed
            }
            throw e;
        }
    }

    byte[] reply() {
        return buffer;
    }

    synchronized int length() {
        return length;
    }
}

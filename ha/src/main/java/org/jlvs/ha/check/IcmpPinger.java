package org.jlvs.ha.check;

import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.jlvs.sys.probe.IcmpEchoSocket;

/**
 * Every PING_CHECK of one address family shares one ICMP socket: an echo request goes out with
 * a sequence number of its own, and the poller thread completes the request's future when the
 * echo reply with that number (and, on a raw socket, this pinger's identifier) comes back.
 * Requests carry keepalived's 128 bytes of "keepalived check - ".
 */
final class IcmpPinger implements AutoCloseable {
    private static final int HEADER = 8;
    private static final int PAYLOAD = 128;

    private final IcmpEchoSocket socket;
    private final NativePoller poller;
    private final int id = ThreadLocalRandom.current().nextInt(0x10000);
    private final AtomicInteger seq = new AtomicInteger(ThreadLocalRandom.current().nextInt(0x10000));
    private final Map<Integer, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private final byte[] in = new byte[2048];
    private final InetAddress[] from = new InetAddress[1];

    IcmpPinger(IcmpEchoSocket socket, NativePoller poller) {
        this.socket = socket;
        this.poller = poller;
        poller.add(socket.fd(), events -> drain());
    }

    IcmpEchoSocket.Kind kind() {
        return socket.kind();
    }

    /** One echo request in flight: its sequence number and what completes when the reply comes. */
    record Echo(int seq, CompletableFuture<Void> reply) {
    }

    /** Sends an echo request to {@code to}; null when the kernel refused to send it. */
    Echo send(InetAddress to) {
        int s;
        CompletableFuture<Void> f = new CompletableFuture<>();
        do {
            s = seq.getAndIncrement() & 0xffff;
        } while (pending.putIfAbsent(s, f) != null);
        byte[] msg = request(s);
        if (socket.send(to, msg) != msg.length) {
            pending.remove(s);
            return null;
        }
        return new Echo(s, f);
    }

    /** The request is answered or given up. */
    void forget(Echo e) {
        pending.remove(e.seq(), e.reply());
    }

    private byte[] request(int s) {
        byte[] m = new byte[HEADER + PAYLOAD];
        m[0] = (byte) (socket.v6() ? 128 : 8);  // echo request
        m[4] = (byte) (id >> 8);
        m[5] = (byte) id;
        m[6] = (byte) (s >> 8);
        m[7] = (byte) s;
        System.arraycopy(UdpChecker.defaultPayload(PAYLOAD), 0, m, HEADER, PAYLOAD);
        if (socket.kind() == IcmpEchoSocket.Kind.RAW && !socket.v6()) {
            int c = checksum(m);
            m[2] = (byte) (c >> 8);
            m[3] = (byte) c;
        }
        return m;
    }

    /** The Internet checksum (RFC 1071) of an ICMP message whose checksum field is 0. */
    static int checksum(byte[] m) {
        long sum = 0;
        for (int i = 0; i < m.length; i += 2) {
            sum += ((m[i] & 0xff) << 8) | (i + 1 < m.length ? m[i + 1] & 0xff : 0);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (int) ~sum & 0xffff;
    }

    /** On the poller thread: every packet waiting, each reply completing its request. */
    private void drain() {
        while (true) {
            int n = socket.receive(in, from);
            if (n < 0) {
                return;  // drained (or an error on the socket itself, reported once, matching no request)
            }
            int off = socket.kind() == IcmpEchoSocket.Kind.RAW && !socket.v6() ? (in[0] & 0x0f) * 4 : 0;
            if (n < off + HEADER || (in[off] & 0xff) != (socket.v6() ? 129 : 0)) {
                continue;  // not an echo reply
            }
            if (socket.kind() == IcmpEchoSocket.Kind.RAW && ((in[off + 4] & 0xff) << 8 | (in[off + 5] & 0xff)) != id) {
                continue;  // another program's ping
            }
            CompletableFuture<Void> f = pending.remove((in[off + 6] & 0xff) << 8 | (in[off + 7] & 0xff));
            if (f != null) {
                f.complete(null);
            }
        }
    }

    @Override
    public void close() {
        poller.remove(socket.fd());
        socket.close();
    }
}

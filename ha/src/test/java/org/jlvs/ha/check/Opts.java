package org.jlvs.ha.check;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jlvs.admin.keepalived.CheckerOptions;
import org.jlvs.admin.keepalived.Origin;

/** Checker options and targets for tests, on 127.0.0.1. */
final class Opts {
    static final Origin AT = new Origin("test.conf", 1);

    private Opts() {
    }

    static CheckerOptions of(int retry, Duration timeout) {
        return new CheckerOptions(null, -1, null, 0, null, timeout, 0, retry, Duration.ofSeconds(60),
                Duration.ofSeconds(3), Duration.ZERO, false, false);
    }

    static Target target(int port, Duration timeout) {
        return new Target(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), null, timeout);
    }

    /**
     * A port whose listen queue is full and never drained, so a new connect gets no answer at all
     * (Linux drops the SYN): a realserver that hangs before even accepting.
     */
    static AutoCloseable unanswered(int port) throws Exception {
        ServerSocket ss = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
        List<Socket> fill = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                fill.add(s);
            } catch (java.io.IOException e) {
                s.close();
                break;  // the queue is full
            }
        }
        return () -> {
            for (Socket s : fill) {
                s.close();
            }
            ss.close();
        };
    }
}

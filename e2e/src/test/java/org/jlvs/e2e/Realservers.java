package org.jlvs.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/** Stub realservers that say who answered (as HAProxy's reg-tests do), for end-to-end tests. */
final class Realservers implements AutoCloseable {
    private final List<AutoCloseable> open = new ArrayList<>();

    /** Ports handed out in this JVM: the kernel may offer a just-closed port again. */
    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static int freePort() throws IOException {
        while (true) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (GIVEN.add(s.getLocalPort())) {
                    return s.getLocalPort();
                }
            }
        }
    }

    /** An HTTP server on 127.0.0.1:port answering "NAME" and the peer it saw. */
    HttpServer http(String name, int port) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        s.createContext("/", ex -> {
            String q = ex.getRequestURI().getQuery();
            if (q != null && q.startsWith("sleep=")) {
                try {
                    Thread.sleep(Long.parseLong(q.substring(6)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = (name + " peer=" + ex.getRemoteAddress().getAddress().getHostAddress() + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        s.start();
        open.add(() -> s.stop(0));
        return s;
    }

    /** A UDP server on 127.0.0.1:port that answers each datagram with "NAME:" + the datagram. */
    DatagramSocket udpEcho(String name, int port) throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress("127.0.0.1", port));
        Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[65536];
            while (!s.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    s.receive(p);
                    byte[] reply = (name + ":" + new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                    s.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                } catch (IOException e) {
                    return;
                }
            }
        });
        open.add(s);
        return s;
    }

    /** A TCP server that records the first line each connection sends (a PROXY header) and echoes the rest. */
    List<String> firstLines(int port) throws IOException {
        List<String> lines = new CopyOnWriteArrayList<>();
        ServerSocket ss = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
        Thread.ofVirtual().start(() -> {
            while (!ss.isClosed()) {
                try {
                    Socket c = ss.accept();
                    Thread.ofVirtual().start(() -> {
                        try (c; InputStream in = c.getInputStream(); OutputStream out = c.getOutputStream()) {
                            StringBuilder sb = new StringBuilder();
                            int ch;
                            while ((ch = in.read()) >= 0 && ch != '\n') {
                                sb.append((char) ch);
                            }
                            lines.add(sb.toString());
                            in.transferTo(out);
                        } catch (IOException e) {
                            // the client went away
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        open.add(ss);
        return lines;
    }

    /**
     * A TCP server that decodes a PROXY protocol v2 header on each connection into
     * {@code "TCP4 src:sport dst:dport"} and then echoes the rest.
     */
    List<String> proxyV2Headers(int port) throws IOException {
        List<String> headers = new CopyOnWriteArrayList<>();
        ServerSocket ss = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"));
        Thread.ofVirtual().start(() -> {
            while (!ss.isClosed()) {
                try {
                    Socket c = ss.accept();
                    Thread.ofVirtual().start(() -> {
                        try (c; java.io.DataInputStream in = new java.io.DataInputStream(c.getInputStream());
                             OutputStream out = c.getOutputStream()) {
                            byte[] sig = new byte[12];
                            in.readFully(sig);
                            int verCmd = in.readUnsignedByte();
                            int famProto = in.readUnsignedByte();
                            int len = in.readUnsignedShort();
                            byte[] addr = new byte[len];
                            in.readFully(addr);
                            String h = "bad";
                            if (java.util.Arrays.equals(sig, new byte[] {13, 10, 13, 10, 0, 13, 10, 81, 85, 73, 84, 10})
                                    && verCmd == 0x21 && famProto == 0x11 && len >= 12) {
                                h = "TCP4 " + InetAddress.getByAddress(java.util.Arrays.copyOfRange(addr, 0, 4)).getHostAddress()
                                        + ":" + (((addr[8] & 255) << 8) | (addr[9] & 255)) + " "
                                        + InetAddress.getByAddress(java.util.Arrays.copyOfRange(addr, 4, 8)).getHostAddress()
                                        + ":" + (((addr[10] & 255) << 8) | (addr[11] & 255));
                            }
                            headers.add(h);
                            in.transferTo(out);
                        } catch (IOException e) {
                            // the client went away
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        open.add(ss);
        return headers;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }
}

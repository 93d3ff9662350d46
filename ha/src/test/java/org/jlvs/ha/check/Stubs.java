package org.jlvs.ha.check;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Local stub peers for checker tests: they answer as told, or hang without a word. */
final class Stubs implements AutoCloseable {
    /** Added to by the accepting threads while close() may be walking it: a copy-on-write list. */
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Accepts connections and hands each to {@code talk} on its own virtual thread. */
    ServerSocket tcp(int port, Talk talk) throws IOException {
        ServerSocket ss = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        open.add(ss);
        Thread.ofVirtual().start(() -> {
            while (!ss.isClosed()) {
                try {
                    Socket c = ss.accept();
                    open.add(c);
                    Thread.ofVirtual().start(() -> {
                        try (c) {
                            talk.talk(c.getInputStream(), c.getOutputStream());
                        } catch (IOException | InterruptedException e) {
                            // the checker went away
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
        return ss;
    }

    /** Accepts and says nothing, ever (until closed). */
    ServerSocket hung(int port) throws IOException {
        return tcp(port, (in, out) -> Thread.sleep(Long.MAX_VALUE));
    }

    /** An HTTP server: reads the request head, answers {@code status} with {@code body}, closes. */
    ServerSocket http(int port, int status, String body, List<String> requests) throws IOException {
        return tcp(port, (in, out) -> {
            String head = readHead(in);
            if (requests != null) {
                requests.add(head);
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.0 " + status + " X\r\nContent-Length: " + b.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.flush();
        });
    }

    static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            b.append((char) c);
            if (b.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        return b.toString();
    }

    /** A UDP server answering each datagram with what {@code reply} makes of it (null: no answer). */
    DatagramSocket udp(int port, Function<byte[], byte[]> reply) throws IOException {
        DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        open.add(s);
        Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[4096];
            while (!s.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    s.receive(p);
                    byte[] in = java.util.Arrays.copyOf(p.getData(), p.getLength());
                    byte[] out = reply.apply(in);
                    if (out != null) {
                        s.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
        return s;
    }

    static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.append((char) c);
        }
        return b.toString().strip();
    }

    @Override
    public void close() {
        for (AutoCloseable c : open.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                // already gone
            }
        }
    }

    /** One conversation. */
    interface Talk {
        void talk(InputStream in, OutputStream out) throws IOException, InterruptedException;
    }
}

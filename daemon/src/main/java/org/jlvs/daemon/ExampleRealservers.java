package org.jlvs.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * Three tiny HTTP realservers for the built-in example, each saying who it is and who it saw,
 * so that `curl` in a loop shows the scheduler at work.
 */
final class ExampleRealservers implements AutoCloseable {
    private final List<HttpServer> servers = new ArrayList<>();

    ExampleRealservers(String host, int firstPort, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            String name = "rs" + (i + 1);
            int port = firstPort + i;
            HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 64);
            s.createContext("/", ex -> {
                byte[] body = (name + " (" + host + ":" + port + ") answered; it saw "
                        + ex.getRemoteAddress().getAddress().getHostAddress() + ":" + ex.getRemoteAddress().getPort()
                        + "\n").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/plain");
                ex.getResponseHeaders().set("X-Realserver", name);
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(body);
                }
            });
            s.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            s.start();
            servers.add(s);
        }
    }

    @Override
    public void close() {
        for (HttpServer s : servers) {
            s.stop(0);
        }
    }
}

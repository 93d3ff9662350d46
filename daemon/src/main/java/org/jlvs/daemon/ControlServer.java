package org.jlvs.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.logging.Logger;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JacksonException;
import org.jlvs.admin.control.ControlCodec;
import org.jlvs.admin.control.Frames;
import org.jlvs.admin.control.IpvsadmWire;
import org.jlvs.admin.ipvsadm.Ipvsadm;
import org.jlvs.admin.ipvsadm.IpvsControl;
import org.jlvs.admin.control.Request;
import org.jlvs.admin.control.Response;

/**
 * The control endpoint: a Unix domain socket, mode 0600, so only its owner may read or change
 * the table. Each client gets a virtual thread; requests are answered one at a time by the
 * {@link Director}. A malformed or oversized message gets an error and changes nothing.
 */
public final class ControlServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ControlServer.class.getName());

    private final Path path;
    private final Director director;
    private final Runnable onShutdown;
    /** Ops a mode adds (keepalived mode's "reload"), by name. */
    private final Map<String, java.util.function.Supplier<Response>> extraOps = new java.util.concurrent.ConcurrentHashMap<>();
    private final IpvsControl ipvsadmControl;
    private ServerSocketChannel server;
    /** The identity of the socket file we bound, to remove only our own at close. */
    private Object boundKey;
    private Thread acceptor;

    public ControlServer(Path path, Director director, Runnable onShutdown) {
        this.path = path;
        this.director = director;
        this.onShutdown = onShutdown;
        this.ipvsadmControl = new DirectorControl(director);
    }

    public Path path() {
        return path;
    }

    public void start() throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (Files.exists(path)) {
            if (isAlive(path)) {
                throw new IOException("a director already answers on " + path);
            }
            Files.delete(path); // left by one that died
        }
        // bound under a temporary name and renamed once it is 0600, so that no one can
        // connect in the moment between bind (which honours the umask) and chmod
        Path tmp = path.resolveSibling(path.getFileName() + ".new-" + ProcessHandle.current().pid());
        Files.deleteIfExists(tmp);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(tmp));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        Files.move(tmp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        boundKey = fileKey(path);
        acceptor = Thread.ofPlatform().daemon().name("jlvsd-control").start(this::acceptLoop);
        LOG.info("control socket " + path);
    }

    static boolean isAlive(Path p) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(p));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel ch = server.accept();
                Thread.ofVirtual().name("jlvsd-control-client").start(() -> serve(ch));
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warning("control socket: " + e.getMessage());
                }
            }
        }
    }

    private void serve(SocketChannel ch) {
        try (ch) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch)));
            while (true) {
                byte[] msg;
                try {
                    msg = Frames.read(in);
                } catch (Frames.MessageTooLargeException e) {
                    ControlCodec.write(out, Response.error("EMSGSIZE", e.getMessage(), -1));
                    return; // the rest of the stream cannot be framed
                }
                if (msg == null) {
                    return;
                }
                if (msg.length > 0 && msg[0] == IpvsadmWire.REQUEST) {
                    Frames.write(out, runIpvsadm(msg));
                    continue;
                }
                Response r;
                try {
                    r = handle(ControlCodec.decode(msg, Request.class));
                } catch (JacksonException e) {
                    r = Response.error("EINVAL", "malformed control message: " + e.getOriginalMessage(), -1);
                } catch (RuntimeException e) {
                    r = Response.error("EINVAL", "refused: " + e.getMessage(), -1);
                }
                ControlCodec.write(out, r);
            }
        } catch (IOException e) {
            LOG.fine(() -> "control client went away: " + e.getMessage());
        }
    }

    /** An ipvsadm command line, run here against the table; what it printed goes back. */
    private byte[] runIpvsadm(byte[] msg) throws IOException {
        IpvsadmWire.Call call;
        try {
            call = IpvsadmWire.decodeCall(msg);
        } catch (IOException e) {
            return IpvsadmWire.encodeResult(255, new byte[0],
                    ("ipvsadm: malformed request: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int status;
        try (PrintStream po = new PrintStream(o, false, StandardCharsets.UTF_8);
             PrintStream pe = new PrintStream(e, false, StandardCharsets.UTF_8)) {
            status = Ipvsadm.run(call.args(), new ByteArrayInputStream(call.stdin()), po, pe, ipvsadmControl);
        }
        return IpvsadmWire.encodeResult(status, o.toByteArray(), e.toByteArray());
    }

    private Response handle(Request r) {
        if (r.op() == null) {
            return Response.error("EINVAL", "control message without op", -1);
        }
        return switch (r.op()) {
            case "apply" -> director.apply(r.commands() == null ? java.util.List.of() : r.commands());
            case "snapshot" -> Response.of(director.snapshot());
            case "connections" -> Response.ofConnections(director.connections());
            case "tunables" -> Response.ofValues(director.table().tunables().asMap());
            case "set-tunable" -> {
                try {
                    director.table().tunables().set(r.name(), r.value() == null ? "" : r.value());
                    yield Response.success();
                } catch (IllegalArgumentException e) {
                    yield Response.error("EINVAL", e.getMessage(), -1);
                }
            }
            case "status" -> Response.ofValues(status());
            case "shutdown" -> {
                Thread.ofPlatform().start(onShutdown);
                yield Response.success();
            }
            default -> {
                java.util.function.Supplier<Response> op = extraOps.get(r.op());
                yield op != null ? op.get() : Response.error("EINVAL", "unknown control op: " + r.op(), -1);
            }
        };
    }

    /** Answers {@code op} with {@code handler} (a mode's own op, such as keepalived mode's "reload"). */
    public void addOp(String op, java.util.function.Supplier<Response> handler) {
        extraOps.put(op, handler);
    }

    private Map<String, String> status() {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        m.put("pid", Long.toString(ProcessHandle.current().pid()));
        m.put("control", path.toString());
        m.put("data-plane", director.plane() == null ? "none" : director.plane().name());
        m.put("services", Integer.toString(director.table().services().length));
        m.put("connections", Integer.toString(director.table().conns().size()));
        if (director.plane() != null) {
            director.plane().status(m);
        }
        return m;
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
            // only our own socket: a director started since may own the path now
            Object key = fileKey(path);
            if (key != null && key.equals(boundKey)) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warning("closing control socket: " + e.getMessage());
        }
    }

    /** The file's identity (device and inode), or null when it is gone. */
    private static Object fileKey(Path p) {
        try {
            return Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }
}

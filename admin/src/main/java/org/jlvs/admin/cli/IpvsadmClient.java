package org.jlvs.admin.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jlvs.admin.control.ControlPaths;
import org.jlvs.admin.control.Frames;
import org.jlvs.admin.control.IpvsadmWire;

/**
 * {@code bin/ipvsadm}: hands the command line to this network namespace's director, which runs
 * it against its table, and prints what comes back. When no director runs here it starts one,
 * as the kernel loads ip_vs on first use ({@code JLVS_NO_AUTOSTART=1} turns that off). Uses
 * java.base only, so it starts fast enough for scripts that call ipvsadm in loops.
 */
public final class IpvsadmClient {
    private static final String NO_IPVS = "Can't initialize ipvs: Protocol not available\n"
            + "Are you sure that IP Virtual Server is built in the kernel or as module?\n";

    private IpvsadmClient() {
    }

    public static void main(String[] args) throws IOException {
        Path socket = ControlPaths.socket();
        byte[] stdin = needsStdin(args) ? System.in.readAllBytes() : new byte[0];
        SocketChannel found = connect(socket);
        if (found == null && !"1".equals(System.getenv("JLVS_NO_AUTOSTART"))) {
            found = autostart(socket);
        }
        if (found == null) {
            System.err.print(NO_IPVS);
            System.err.flush();
            Runtime.getRuntime().halt(2);
        }
        IpvsadmWire.Result r;
        try (SocketChannel ch = found) {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch)));
            DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch)));
            byte[] call = IpvsadmWire.encodeCall(args, stdin);
            Frames.write(out, call);
            byte[] body = Frames.read(in, Frames.MAX_ANSWER);
            if (body == null) {
                throw new IOException("the director closed the connection");
            }
            r = IpvsadmWire.decodeResult(body);
        } catch (IOException e) {
            System.err.println("ipvsadm: lost the director at " + socket + ": " + e.getMessage());
            Runtime.getRuntime().halt(255);
            return;
        }
        FileOutputStream o = new FileOutputStream(FileDescriptor.out);
        o.write(r.stdout());
        o.flush();
        FileOutputStream e = new FileOutputStream(FileDescriptor.err);
        e.write(r.stderr());
        e.flush();
        Runtime.getRuntime().halt(r.status());
    }

    /** Only -R reads standard input; nothing else may block on it. */
    private static boolean needsStdin(String[] args) {
        return args.length > 0 && (args[0].equals("--restore") || (args[0].startsWith("-R")));
    }

    private static SocketChannel connect(Path socket) {
        if (!Files.exists(socket)) {
            return null;
        }
        try {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
                return ch;
            } catch (IOException e) {
                ch.close();
                return null;
            }
        } catch (IOException e) {
            return null;
        }
    }

    /** Starts bin/jlvsd for this namespace, detached, and waits for it to answer. */
    private static SocketChannel autostart(Path socket) {
        String home = System.getProperty("jlvs.home");
        if (home == null) {
            return null;
        }
        Path jlvsd = Path.of(home, "bin", "jlvsd");
        if (!Files.isExecutable(jlvsd)) {
            return null;
        }
        try {
            Path dir = socket.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path log = dir.resolve(socket.getFileName().toString().replaceFirst("\\.sock$", "") + ".log");
            List<String> cmd = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                cmd.add("/usr/bin/setsid"); // its own session: a Ctrl-C in the caller's terminal leaves it running
            }
            cmd.add(jlvsd.toString());
            cmd.add("--control-socket");
            cmd.add(socket.toString());
            new ProcessBuilder(cmd)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return null;
        }
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            SocketChannel ch = connect(socket);
            if (ch != null) {
                return ch;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                return null;
            }
        }
        return null;
    }
}

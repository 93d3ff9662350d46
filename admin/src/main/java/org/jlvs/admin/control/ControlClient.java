package org.jlvs.admin.control;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** One connection to a director's control socket: send a request, read the response. */
public final class ControlClient implements AutoCloseable {
    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;

    private ControlClient(SocketChannel channel) {
        this.channel = channel;
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
    }

    public static ControlClient connect(Path socket) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new ControlClient(ch);
    }

    public Response call(Request r) throws IOException {
        ControlCodec.write(out, r);
        byte[] b = Frames.read(in, Frames.MAX_ANSWER);
        if (b == null) {
            throw new IOException("the director closed the control connection");
        }
        return ControlCodec.decode(b, Response.class);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

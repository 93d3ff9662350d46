package org.jlvs.admin.control;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * The control socket's framing: a 4-byte big-endian length, then that many bytes. Frames over
 * {@link #MAX_MESSAGE} bytes are refused before they are read. java.base only.
 */
public final class Frames {
    /** What the director accepts: an ipvsadm -R call carries the whole rule file, which can run to megabytes. */
    public static final int MAX_MESSAGE = 1 << 28;
    /** Memory is taken as bytes arrive, in steps of this, never for a length alone. */
    private static final int STEP = 1 << 20;
    /** What a client accepts from the director. */
    public static final int MAX_ANSWER = 1 << 30;

    private Frames() {
    }

    public static void write(DataOutputStream out, byte[] body) throws IOException {
        out.writeInt(body.length);
        out.write(body);
        out.flush();
    }

    /**
     * Reads one frame; null at a clean end of stream.
     *
     * @throws MessageTooLargeException for a length over {@link #MAX_MESSAGE} (nothing more is read)
     */
    public static byte[] read(DataInputStream in) throws IOException {
        return read(in, MAX_MESSAGE);
    }

    /**
     * Reads one frame of at most {@code limit} bytes. Clients reading the director's answers
     * allow more: a connection listing of a busy director runs to many megabytes.
     */
    public static byte[] read(DataInputStream in, int limit) throws IOException {
        int len;
        try {
            len = in.readInt();
        } catch (EOFException e) {
            return null;
        }
        if (len < 0 || len > limit) {
            throw new MessageTooLargeException(len, limit);
        }
        byte[] b = new byte[Math.min(len, STEP)];
        int have = 0;
        while (have < len) {
            if (have == b.length) {
                b = Arrays.copyOf(b, (int) Math.min(len, 2L * b.length));
            }
            int n = in.read(b, have, b.length - have);
            if (n < 0) {
                throw new EOFException("control message cut short after " + have + " of " + len + " bytes");
            }
            have += n;
        }
        return b;
    }

    /** A length prefix over the limit: the peer is not speaking this protocol, or is abusive. */
    public static final class MessageTooLargeException extends IOException {
        public MessageTooLargeException(int len, int limit) {
            super("control message of " + Integer.toUnsignedString(len) + " bytes refused (limit " + limit + ")");
        }
    }
}

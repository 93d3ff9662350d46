package org.jlvs.admin.control;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The control socket's ipvsadm message, kept to java.base so the ipvsadm client starts in a few
 * tens of milliseconds: the director runs the ipvsadm command line itself and sends back what
 * ipvsadm would have printed, and its exit status.
 *
 * <p>Request body: {@code 'I'}, u32 argc, argc × (u32 length, UTF-8), u32 stdin length, stdin.
 * Response body: {@code 'R'}, u32 status, u32 stdout length, stdout, u32 stderr length, stderr.
 * (JSON messages start with '{', so the first byte tells them apart.)
 */
public final class IpvsadmWire {
    public static final byte REQUEST = 'I';
    public static final byte RESPONSE = 'R';

    private IpvsadmWire() {
    }

    public record Call(String[] args, byte[] stdin) {
    }

    public record Result(int status, byte[] stdout, byte[] stderr) {
    }

    public static byte[] encodeCall(String[] args, byte[] stdin) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(b);
        d.writeByte(REQUEST);
        d.writeInt(args.length);
        for (String a : args) {
            byte[] s = a.getBytes(StandardCharsets.UTF_8);
            d.writeInt(s.length);
            d.write(s);
        }
        d.writeInt(stdin.length);
        d.write(stdin);
        return b.toByteArray();
    }

    public static Call decodeCall(byte[] body) throws IOException {
        DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(body));
        if (d.readByte() != REQUEST) {
            throw new IOException("not an ipvsadm call");
        }
        int argc = d.readInt();
        if (argc < 0 || argc > 4096) {
            throw new IOException("bad argument count " + argc);
        }
        String[] args = new String[argc];
        for (int i = 0; i < argc; i++) {
            args[i] = new String(readBlock(d, body.length), StandardCharsets.UTF_8);
        }
        return new Call(args, readBlock(d, body.length));
    }

    public static byte[] encodeResult(int status, byte[] out, byte[] err) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(out.length + err.length + 16);
        DataOutputStream d = new DataOutputStream(b);
        d.writeByte(RESPONSE);
        d.writeInt(status);
        d.writeInt(out.length);
        d.write(out);
        d.writeInt(err.length);
        d.write(err);
        return b.toByteArray();
    }

    public static Result decodeResult(byte[] body) throws IOException {
        DataInputStream d = new DataInputStream(new java.io.ByteArrayInputStream(body));
        if (d.readByte() != RESPONSE) {
            throw new IOException("not an ipvsadm result");
        }
        int status = d.readInt();
        return new Result(status, readBlock(d, body.length), readBlock(d, body.length));
    }

    private static byte[] readBlock(DataInputStream d, int limit) throws IOException {
        int n = d.readInt();
        if (n < 0 || n > limit) {
            throw new IOException("bad length " + n);
        }
        byte[] b = new byte[n];
        d.readFully(b);
        return b;
    }
}

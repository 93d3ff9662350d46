package org.jlvs.admin.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class FramesTest {
    private static DataInputStream stream(byte[] b) {
        return new DataInputStream(new ByteArrayInputStream(b));
    }

    @Test
    void aRestoreSizedFrameComesThroughWhole() throws IOException {
        byte[] body = new byte[5 << 20];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31);
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Frames.write(new DataOutputStream(buf), body);
        DataInputStream in = stream(buf.toByteArray());
        assertArrayEquals(body, Frames.read(in));
        assertNull(Frames.read(in));
    }

    @Test
    void aLengthOverTheLimitIsRefusedAndAShortBodyIsAnError() {
        assertThrows(Frames.MessageTooLargeException.class,
                () -> Frames.read(stream(new byte[] {0x7f, -1, -1, -1})));
        // a length the peer never sends the bytes for: no allocation of that size, an EOF
        byte[] cut = Arrays.copyOf(new byte[] {0x0f, 0, 0, 0, 1, 2, 3}, 7);
        assertThrows(EOFException.class, () -> Frames.read(stream(cut)));
    }
}

package org.jlvs.packet.csum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;

import org.jlvs.packet.hdr.Be;
import org.junit.jupiter.api.Test;

class ChecksumTest {
    @Test
    void incrementalUpdatesMatchAFullSum() {
        Random rnd = new Random(42);
        MemorySegment s = Arena.ofAuto().allocate(64);
        for (int round = 0; round < 20_000; round++) {
            for (int i = 0; i < 64; i++) {
                Be.u8(s, i, rnd.nextInt(256));
            }
            Be.u16(s, 10, 0);
            Be.u16(s, 10, Checksum.finish(Checksum.sum(s, 0, 64, 0)));
            int at = 12 + 2 * rnd.nextInt(20);
            switch (round % 3) {
                case 0 -> {
                    int from = Be.u16(s, at);
                    int to = rnd.nextInt(65536);
                    Checksum.patch16(s, 10, from, to);
                    Be.u16(s, at, to);
                }
                case 1 -> {
                    int from = Be.i32(s, at);
                    int to = rnd.nextInt();
                    Checksum.patch32(s, 10, from, to);
                    Be.i32(s, at, to);
                }
                default -> {
                    int at16 = 16 + 2 * rnd.nextInt(16);
                    long fh = Be.i64(s, at16);
                    long fl = Be.i64(s, at16 + 8);
                    long th = rnd.nextLong();
                    long tl = rnd.nextLong();
                    Checksum.patch128(s, 10, fh, fl, th, tl);
                    Be.i64(s, at16, th);
                    Be.i64(s, at16 + 8, tl);
                }
            }
            assertEquals(0xFFFF, Checksum.fold(Checksum.sum(s, 0, 64, 0)), "round " + round);
        }
    }

    @Test
    void oddLengthsPadWithZero() {
        MemorySegment s = Arena.ofAuto().allocate(3);
        Be.u8(s, 0, 0x12);
        Be.u8(s, 1, 0x34);
        Be.u8(s, 2, 0x56);
        assertEquals(0x1234 + 0x5600, Checksum.sum(s, 0, 3, 0));
    }
}

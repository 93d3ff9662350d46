package org.jlvs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.jlvs.sys.libc.Errno;
import org.jlvs.sys.libc.Inotify;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** inotify on a directory: a file written and closed, moved in, moved out, deleted. */
class InotifyTest {
    @TempDir
    Path dir;

    @Test
    void aWatchedDirectoryReportsItsFilesByName() throws Exception {
        try (Inotify in = Inotify.open()) {
            int mask = Inotify.IN_CLOSE_WRITE | Inotify.IN_DELETE | Inotify.IN_MOVED_FROM | Inotify.IN_MOVED_TO;
            int wd = in.watch(dir.toString(), mask);
            assertTrue(wd > 0, Errno.describe(wd));
            assertEquals(wd, in.watch(dir.toString(), mask), "the same directory, the same watch");
            List<Inotify.Event> got = new ArrayList<>();
            assertEquals(-Errno.EAGAIN, in.drain(got::add), "nothing yet");
            Files.writeString(dir.resolve("a"), "5\n");
            Files.writeString(dir.resolve("b.tmp"), "7\n");
            Files.move(dir.resolve("b.tmp"), dir.resolve("b"), StandardCopyOption.ATOMIC_MOVE);
            Files.delete(dir.resolve("a"));
            assertTrue(in.drain(got::add) > 0);
            List<String> seen = got.stream().map(e -> e.name() + ":" + Integer.toHexString(e.mask())).toList();
            assertEquals(List.of("a:8", "b.tmp:8", "b.tmp:40", "b:80", "a:200"), seen);
            assertTrue(got.stream().allMatch(e -> e.wd() == wd));
            assertEquals(0, in.unwatch(wd));
        }
    }
}

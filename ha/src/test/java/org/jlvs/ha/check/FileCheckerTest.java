package org.jlvs.ha.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.jlvs.admin.keepalived.KeepalivedConf;
import org.jlvs.admin.keepalived.Origin;
import org.jlvs.admin.keepalived.TablePrinter;
import org.jlvs.admin.keepalived.TrackFile;
import org.jlvs.core.table.IpvsTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FILE_CHECK on real files: reading them as keepalived does, init_file, inotify, and the engine following a file. */
class FileCheckerTest {
    @TempDir
    Path dir;

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final NativeProbes probes = new NativeProbes(log::add);
    private final TrackFiles files = new TrackFiles(null, log::add);

    @AfterEach
    void close() {
        probes.close();
    }

    private static TrackFile track(Path p, TrackFile.Init init) {
        return new TrackFile(new Origin("t.conf", 1), "t", p.toString(), 1, false, init);
    }

    @Test
    void numbersAreReadAsStrtolReadsThem() throws Exception {
        Path f = dir.resolve("f");
        assertEquals(OptionalLong.of(0), files.read(f), "missing: 0");
        for (String[] c : new String[][] {{"", "0"}, {"  42\n", "42"}, {"-7 and more", "-7"}, {"0x1f", "31"},
                {"010", "8"}, {"junk", "0"}, {"2147483648", "2147483648"}}) {
            Files.writeString(f, c[0]);
            assertEquals(OptionalLong.of(Long.parseLong(c[1])), files.read(f), "'" + c[0] + "'");
        }
        Files.writeString(f, "2147483649");
        assertEquals(OptionalLong.empty(), files.read(f), "past INT32_MAX + 1");
        assertEquals(List.of("Invalid number 2147483649 read from " + f + " - ignoring"), log);
    }

    @Test
    void initFileCreatesOrOverwritesButNotOnAReload() throws Exception {
        Path f = dir.resolve("init");
        files.init(track(f, new TrackFile.Init(5, false)), false);
        assertEquals("5\n", Files.readString(f));
        files.init(track(f, new TrackFile.Init(6, false)), false);
        assertEquals("5\n", Files.readString(f), "an existing file is left alone");
        files.init(track(f, new TrackFile.Init(7, true)), true);
        assertEquals("5\n", Files.readString(f), "a reload never overwrites");
        files.init(track(f, new TrackFile.Init(7, true)), false);
        assertEquals("7\n", Files.readString(f));
    }

    @Test
    void theRealPathIsWatchedAndAMissingDirectoryIsSaid() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.createSymbolicLink(dir.resolve("link"), real);
        // not there yet: under its directory's real path
        assertEquals(real.toRealPath().resolve("f"), files.resolve(track(dir.resolve("link/f"), null)));
        Path target = Files.writeString(real.resolve("target"), "1\n");
        Files.createSymbolicLink(real.resolve("g"), target);
        assertEquals(target.toRealPath(), files.resolve(track(dir.resolve("link/g"), null)), "a link to a file: the file");
        assertNull(files.resolve(track(dir.resolve("nowhere/f"), null)));
        assertEquals(List.of("Track file directory for t does not exist - removing"), log);
    }

    @Test
    void eachChangeOfTheFileIsReadOnceItIsClosed() throws Exception {
        Path f = dir.resolve("weight");
        Files.writeString(f, "3\n");
        FileChecker c = new FileChecker(files, f, probes.watcher().watch(f));
        SynchronousQueue<Long> values = new SynchronousQueue<>();
        Thread t = Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    values.put(c.attempt());
                }
            } catch (InterruptedException e) {
                // stopped
            }
        });
        try {
            assertEquals(3L, values.poll(5, TimeUnit.SECONDS), "the first attempt reads the file at once");
            assertNull(values.poll(300, TimeUnit.MILLISECONDS), "then waits for a change");
            Files.writeString(f, "9\n");
            assertEquals(9L, values.poll(5, TimeUnit.SECONDS));
            Files.delete(f);
            assertEquals(0L, values.poll(5, TimeUnit.SECONDS), "deleted: 0");
            Path tmp = dir.resolve("weight.tmp");
            Files.writeString(tmp, "-4\n");
            assertEquals(null, values.poll(300, TimeUnit.MILLISECONDS), "another file's change is not this one's");
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE);
            assertEquals(-4L, values.poll(5, TimeUnit.SECONDS), "moved in");
        } finally {
            t.interrupt();
            t.join();
            c.close();
        }
    }

    @Test
    void theEngineFollowsTheFile() throws Exception {
        Path f = dir.resolve("drain");
        Files.writeString(f, "2\n");
        Path conf = dir.resolve("keepalived.conf");
        Files.writeString(conf, """
                track_file drain {
                  file %s
                  weight 5
                }
                virtual_server 10.0.0.1 80 {
                  lb_algo wrr
                  lb_kind NAT
                  protocol TCP
                  real_server 10.0.1.1 80 {
                    weight 1
                    FILE_CHECK {
                      track_file drain
                    }
                  }
                  real_server 10.0.1.2 80 {
                    FILE_CHECK {
                      track_file drain
                      weight 0
                    }
                  }
                }
                """.formatted(f));
        IpvsTable table = new IpvsTable();
        CheckEngine e = new CheckEngine(TableDoors.of(table), log::add, null, Duration.ZERO);
        try {
            e.start(KeepalivedConf.load(conf, new KeepalivedConf.Options(null, "test")).config());
            // 2 x 5 added to rs1; rs2 is failed by any number but 0
            assertEquals("-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 11", dests(table));
            assertFalse(log.stream().anyMatch(l -> l.startsWith("Activating healthchecker")), log.toString());
            Files.writeString(f, "0\n");
            await(() -> dests(table).equals("-a -t 10.0.0.1:80 -r 10.0.1.1:80 -m -w 1\n-a -t 10.0.0.1:80 -r 10.0.1.2:80 -m -w 1"),
                    table);
            assertTrue(log.contains("Changing weight from 11 to 1 for active service [10.0.1.1]:tcp:80 of VS [10.0.0.1]:tcp:80"),
                    log.toString());
            assertTrue(log.contains("Adding service [10.0.1.2]:tcp:80 to VS [10.0.0.1]:tcp:80"), log.toString());
        } finally {
            e.stop(false);
        }
    }

    private static String dests(IpvsTable t) {
        return String.join("\n", TablePrinter.save(t).lines().filter(l -> l.startsWith("-a")).toList());
    }

    private static void await(BooleanSupplier cond, IpvsTable t) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("table not as expected: " + dests(t));
            }
            Thread.sleep(20);
        }
    }
}

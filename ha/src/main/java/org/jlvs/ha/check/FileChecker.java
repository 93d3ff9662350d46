package org.jlvs.ha.check;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * FILE_CHECK (check_file.c, track_file.c): no probe, a file. The first attempt reads the file
 * (catching up with a change made while a reload built this checker), each next one waits for
 * the file to be written, moved or deleted and reads it again; the number goes to the policy,
 * which decides what it means (keepalived's process_update_checker_track_file_status).
 * A number out of range is said and ignored.
 */
final class FileChecker implements HealthChecker<Long>, AutoCloseable {
    private final TrackFiles files;
    private final Path path;
    private final TrackFileWatcher.Watch watch;
    private boolean first = true;

    /** {@code watch} is on {@code path} already, so no change after this is missed. */
    FileChecker(TrackFiles files, Path path, TrackFileWatcher.Watch watch) {
        this.files = files;
        this.path = path;
        this.watch = watch;
    }

    @Override
    public Long attempt() throws InterruptedException {
        try {
            while (true) {
                if (!first) {
                    watch.await();
                }
                first = false;
                OptionalLong v = files.read(path);
                if (v.isPresent()) {
                    return v.getAsLong();
                }
            }
        } catch (InterruptedException e) {
            watch.close();  // the checker is stopped: the watch goes with it
            throw e;
        }
    }

    @Override
    public Duration settle(Long value, CheckerContext ctx) {
        ctx.fileValue(value);
        return Duration.ZERO;  // at once back to waiting for the next change
    }

    @Override
    public int retryIt() {
        return 0;
    }

    @Override
    public void retryIt(int n) {
        // no retries: a file is read, not probed
    }

    @Override
    public void close() {
        watch.close();
    }
}

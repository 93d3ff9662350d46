package org.jlvs.ha.check;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

import org.jlvs.sys.libc.Errno;
import org.jlvs.sys.libc.Inotify;

/**
 * Watches track files as keepalived does (inotify on their directory, for a file written and
 * closed, deleted, or moved in or out), for any number of FILE_CHECKs: each has a {@link Watch}
 * that wakes its checker when its file changes. The events are read on the poller thread.
 */
final class TrackFileWatcher implements AutoCloseable {
    private static final int MASK = Inotify.IN_CLOSE_WRITE | Inotify.IN_DELETE | Inotify.IN_MOVED_FROM
            | Inotify.IN_MOVED_TO;

    /** One checker's interest in one file: released once per batch of changes. */
    final class Watch implements AutoCloseable {
        private final int wd;
        private final String name;
        private final Semaphore changed = new Semaphore(0);

        private Watch(int wd, String name) {
            this.wd = wd;
            this.name = name;
        }

        private void changed() {
            if (changed.availablePermits() == 0) {
                changed.release();
            }
        }

        /** Waits until the file has changed since the last call (or since the watch began). */
        void await() throws InterruptedException {
            changed.acquire();
            changed.drainPermits();
        }

        @Override
        public void close() {
            unwatch(this);
        }
    }

    private final Inotify inotify = Inotify.open();
    private final NativePoller poller;
    /** Watches by directory watch, then file name. */
    private final Map<Integer, Map<String, List<Watch>>> watches = new HashMap<>();

    TrackFileWatcher(NativePoller poller) {
        this.poller = poller;
        poller.add(inotify.fd(), events -> drain());
    }

    /** Watches the file at {@code resolved} (its directory must exist). */
    synchronized Watch watch(Path resolved) {
        Path dir = resolved.getParent();
        int wd = inotify.watch(dir.toString(), MASK);
        if (wd < 0) {
            throw new IllegalStateException("inotify_add_watch " + dir + ": " + Errno.describe(wd));
        }
        Watch w = new Watch(wd, resolved.getFileName().toString());
        watches.computeIfAbsent(wd, k -> new HashMap<>()).computeIfAbsent(w.name, k -> new CopyOnWriteArrayList<>()).add(w);
        return w;
    }

    private synchronized void unwatch(Watch w) {
        Map<String, List<Watch>> byName = watches.get(w.wd);
        if (byName == null) {
            return;
        }
        List<Watch> list = byName.get(w.name);
        if (list != null && list.remove(w) && list.isEmpty()) {
            byName.remove(w.name);
        }
        if (byName.isEmpty()) {
            watches.remove(w.wd);
            inotify.unwatch(w.wd);
        }
    }

    /** On the poller thread. */
    private void drain() {
        inotify.drain(e -> {
            if ((e.mask() & Inotify.IN_ISDIR) != 0) {
                return;
            }
            List<Watch> list;
            synchronized (this) {
                Map<String, List<Watch>> byName = watches.get(e.wd());
                list = byName == null ? null : byName.get(e.name());
            }
            if (list != null) {
                list.forEach(Watch::changed);
            }
        });
    }

    @Override
    public void close() {
        poller.remove(inotify.fd());
        inotify.close();
    }
}

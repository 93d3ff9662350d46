package org.jlvs.ha.check;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.jlvs.sys.libc.Epoll;
import org.jlvs.sys.libc.Errno;

/**
 * One platform thread waiting (epoll) on the native sockets of UDP_CHECK and PING_CHECK, so a
 * probe's virtual thread only ever parks on a future: a virtual thread blocked in a native call
 * would hold its carrier, and a few silent servers could then stall every other check.
 * Handlers run on this thread, must not block, and must cope with a wake-up that finds nothing
 * (a descriptor number reused after its probe was done with it).
 */
final class NativePoller implements AutoCloseable {
    private static final int WAIT_MILLIS = 200;

    private final Epoll epoll = Epoll.open(64);
    private final Map<Integer, IntConsumer> handlers = new ConcurrentHashMap<>();
    private final Consumer<String> log;
    private final Thread thread;
    private volatile boolean closed;

    NativePoller(Consumer<String> log) {
        this.log = log;
        this.thread = Thread.ofPlatform().daemon().name("jlvs-probe-poll").start(this::run);
    }

    /** Calls {@code onReady} with the epoll events whenever {@code fd} is readable or has an error. */
    void add(int fd, IntConsumer onReady) {
        handlers.put(fd, onReady);
        int r = epoll.add(fd, Epoll.EPOLLIN);
        if (r < 0) {
            handlers.remove(fd);
            throw new IllegalStateException("epoll_ctl: " + Errno.describe(r));
        }
    }

    /** Before the descriptor is closed. */
    void remove(int fd) {
        if (handlers.remove(fd) != null) {
            epoll.remove(fd);
        }
    }

    private void run() {
        while (!closed) {
            int n = epoll.await(WAIT_MILLIS);
            for (int i = 0; i < n; i++) {
                IntConsumer h = handlers.get(epoll.readyFd(i));
                if (h == null) {
                    continue;
                }
                try {
                    h.accept(epoll.readyEvents(i));
                } catch (RuntimeException e) {
                    log.accept("probe poller: " + e);
                }
            }
        }
        epoll.close();
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(WAIT_MILLIS * 5L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.jlvs.ha.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Lock;
import java.util.function.Consumer;

import org.jlvs.admin.http.Connector;

/**
 * keepalived's scheduler, in one thread: every checker's timer in one queue, TCP_CHECK's
 * connects done non-blocking on one selector, and each other attempt (HTTP, scripts, DNS, SMTP)
 * on a virtual thread of its own that posts its outcome back. Settling takes the engine's lock.
 * No thread sleeps per checker and no attempt can hold up another: a hung realserver costs its
 * own attempt until its timeout, nothing else.
 */
final class CheckScheduler implements Runnable {
    private final Lock lock;
    private final Consumer<String> log;
    private final Selector selector;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean closed;
    private long seq;

    /** An action due at a time; ties keep their order. */
    private record Timer(long due, long seq, Runnable action) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(due, o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    /** A non-blocking connect in flight. */
    private final class Pending {
        final CheckTask task;
        final ConnectOnly<?> check;
        final SocketChannel channel;
        boolean done;

        Pending(CheckTask task, ConnectOnly<?> check, SocketChannel channel) {
            this.task = task;
            this.check = check;
            this.channel = channel;
        }

        void finish(Connector.Failure failure) {
            if (done) {
                return;
            }
            done = true;
            SelectionKey k = channel.keyFor(selector);
            if (k != null) {
                k.cancel();
            }
            close(channel);
            settle(task, check.outcome(failure));
        }
    }

    CheckScheduler(Lock lock, Consumer<String> log) {
        this.lock = lock;
        this.log = log;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = Thread.ofPlatform().daemon().name("jlvs-checkers").start(this);
    }

    /** Starts a checker: its first attempt after {@code first}. */
    void start(CheckTask task, Duration first) {
        post(() -> at(first, () -> fire(task)));
    }

    void close() {
        closed = true;
        selector.wakeup();
    }

    private void post(Runnable r) {
        inbox.add(r);
        selector.wakeup();
    }

    private void at(Duration d, Runnable action) {
        timers.add(new Timer(System.nanoTime() + Math.max(0, d.toNanos()), seq++, action));
    }

    @Override
    public void run() {
        while (!closed) {
            try {
                Runnable r;
                while ((r = inbox.poll()) != null) {
                    r.run();
                }
                long now = System.nanoTime();
                while (!timers.isEmpty() && timers.peek().due() <= now) {
                    timers.poll().action().run();
                }
                if (!inbox.isEmpty()) {
                    selector.selectNow();
                } else if (timers.isEmpty()) {
                    selector.select();
                } else {
                    selector.select(Math.max(1, (timers.peek().due() - System.nanoTime() + 999_999) / 1_000_000));
                }
                for (SelectionKey k : selector.selectedKeys()) {
                    ready((Pending) k.attachment());
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                log.accept("checker scheduler: " + e);
            }
        }
        for (SelectionKey k : selector.keys()) {
            close((SocketChannel) k.channel());
        }
        close(selector);
    }

    /** A checker's turn: a connect on the selector, or a blocking attempt on a virtual thread. */
    @SuppressWarnings("unchecked")
    private void fire(CheckTask task) {
        if (task.stopped()) {
            return;
        }
        if (task.checker instanceof ConnectOnly<?> c) {
            connect(task, c);
            return;
        }
        Thread t = Thread.ofVirtual().name("check " + task.ctx.name()).unstarted(() -> {
            Object attempt;
            try {
                attempt = task.checker.attempt();
            } catch (InterruptedException e) {
                return;  // stopped
            } catch (RuntimeException e) {
                log.accept("checker for " + task.ctx.name() + " failed: " + e);
                post(() -> at(Duration.ofSeconds(1), () -> fire(task)));
                return;
            } finally {
                task.attempting(null);
            }
            post(() -> settle(task, attempt));
        });
        task.attempting(t);
        t.start();
    }

    private void connect(CheckTask task, ConnectOnly<?> c) {
        Target target = c.target();
        SocketChannel ch;
        try {
            ch = SocketChannel.open(target.to().getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            ch.configureBlocking(false);
        } catch (IOException e) {
            log.accept("TCP connect fail to create socket. Rescheduling.");
            at(Duration.ofSeconds(1), () -> fire(task));
            return;
        }
        Pending p = new Pending(task, c, ch);
        if (target.from() != null) {
            try {
                ch.bind(target.from());
            } catch (IOException e) {
                p.finish(Connector.Failure.BIND);
                return;
            }
        }
        try {
            if (ch.connect(target.to())) {
                p.finish(null);
                return;
            }
            ch.register(selector, SelectionKey.OP_CONNECT, p);
        } catch (IOException e) {
            p.finish(Connector.Failure.ERROR);
            return;
        }
        at(target.timeout(), () -> p.finish(Connector.Failure.TIMEOUT));
    }

    private void ready(Pending p) {
        try {
            p.finish(p.channel.finishConnect() ? null : Connector.Failure.ERROR);
        } catch (IOException e) {
            p.finish(Connector.Failure.ERROR);
        }
    }

    /** keepalived's epilog under the engine's lock, then the next turn when it says. */
    private void settle(CheckTask task, Object attempt) {
        Duration next;
        lock.lock();
        try {
            if (task.stopped()) {
                return;
            }
            next = task.checker.settle(attempt, task.ctx);
        } catch (RuntimeException e) {
            log.accept("checker for " + task.ctx.name() + " failed: " + e);
            next = Duration.ofSeconds(1);
        } finally {
            lock.unlock();
        }
        at(next, () -> fire(task));
    }

    private static void close(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already gone
        }
    }

    boolean isAlive() {
        return thread.isAlive();
    }
}

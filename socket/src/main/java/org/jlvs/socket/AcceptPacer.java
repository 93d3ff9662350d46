package org.jlvs.socket;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Keeps the connections a listener has accepted but not yet connected to a realserver few: at
 * most {@link #PER_LOOP} per event loop it feeds. At that many the listener stops asking for
 * accepts, and new connections wait in the kernel's accept queue, first come first served,
 * until some settle. Unpaced, a burst puts hundreds of half-set-up connections in every
 * event-loop round: each round gets long, and the connections that miss a round at several of
 * their steps come out very late (measured at 1,000 clients: p99 over twice the median;
 * HAProxy's, whose maxaccept keeps few in flight, is 1.1-1.3x).
 * <p>
 * The pause is not exact with io_uring's multishot accept (the default): Netty keeps an armed
 * multishot accept armed (it cancels one only when auto-read is switched off), so the kernel
 * goes on handing over connections; the pause holds from the moment the kernel ends that
 * operation and Netty waits for the next read. Counted at 1,000 clients, 78 % of the accepts
 * came in while paused, and the p99 was still 10-25 % lower than unpaced. Cancelling the
 * multishot at the cap did not help (re-arming it takes the whole queue at once); exact pacing
 * with single-shot accepts cost 10-15 % of new connections/s at 50 clients.
 * <p>
 * A connection whose realserver does not answer must not hold its place until the connect
 * timeout, or one dead realserver would stop a whole service: a connection stops counting after
 * one to two {@link #WINDOW_NANOS} windows however its connect goes. The count is kept per
 * window, with no timer per connection.
 */
public final class AcceptPacer extends ChannelInboundHandlerAdapter {
    /**
     * Connections being set up per event loop. Measured with one accept per operation: 32 and 64
     * alike, 128 lengthened the tail; with multishot only 32 was measured.
     */
    static final int PER_LOOP = 32;
    /** How many connections one accept round takes before the count is looked at again. */
    static final int BATCH = 16;
    static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** An accept failed (out of descriptors): wait this long before the next round. */
    private static final long BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long TAG_MASK = (1L << 40) - 1;

    private final int cap;
    /** Per window parity: the window's number in the high 40 bits, its open count in the low 24. */
    private final AtomicLongArray open = new AtomicLongArray(2);
    private final AtomicBoolean resumeQueued = new AtomicBoolean();
    private final Runnable resume = this::resume;
    private ChannelHandlerContext ctx;
    /** Written on the listener's event loop only. */
    private volatile boolean paused;
    private long backoffUntil;
    private final LongSupplier clock;

    AcceptPacer(int loops) {
        this(loops, System::nanoTime);
    }

    AcceptPacer(int loops, LongSupplier nanoClock) {
        this.cap = PER_LOOP * Math.max(1, loops);
        this.clock = nanoClock;
    }

    private static long window(long nanos) {
        return Math.floorDiv(nanos, WINDOW_NANOS) & TAG_MASK;
    }

    /** A connection was accepted (on any event loop); returns the tag to settle it with. */
    public long opened() {
        long w = window(clock.getAsLong());
        int i = (int) (w & 1);
        long cur;
        long next;
        do {
            cur = open.get(i);
            next = (cur >>> 24) == w ? cur + 1 : (w << 24) | 1;
        } while (!open.compareAndSet(i, cur, next));
        return w;
    }

    /** That connection reached its realserver, failed, or ended (on its event loop). */
    public void settled(long tag) {
        int i = (int) (tag & 1);
        long cur;
        do {
            cur = open.get(i);
            if ((cur >>> 24) != tag || (cur & 0xFFFFFF) == 0) {
                break;   // its window has aged out: it no longer counts
            }
        } while (!open.compareAndSet(i, cur, cur - 1));
        if (paused && opening() <= cap / 2 && resumeQueued.compareAndSet(false, true)) {
            ctx.channel().eventLoop().execute(resume);
        }
    }

    /** Connections accepted in this window and the one before that are still being set up. */
    int opening() {
        long w = window(clock.getAsLong());
        int n = 0;
        for (int i = 0; i < 2; i++) {
            long v = open.get(i);
            long t = v >>> 24;
            if (t == w || t == ((w - 1) & TAG_MASK)) {
                n += (int) (v & 0xFFFFFF);
            }
        }
        return n;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.fireChannelActive();
        ctx.read();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.fireChannelReadComplete();
        if (backoffUntil != 0) {
            return;   // exceptionCaught follows and schedules the next round
        }
        next();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        backoffUntil = System.nanoTime() + BACKOFF_NANOS;
        paused = true;
        ctx.channel().eventLoop().schedule(resume, BACKOFF_NANOS, TimeUnit.NANOSECONDS);
        ctx.fireExceptionCaught(cause);
    }

    /** Accepts another round now, or pauses until connections settle or age out. */
    private void next() {
        if (opening() < cap) {
            ctx.read();
        } else if (!paused) {
            paused = true;
            ctx.channel().eventLoop().schedule(resume, WINDOW_NANOS, TimeUnit.NANOSECONDS);
        }
    }

    private void resume() {
        resumeQueued.set(false);
        if (!paused || !ctx.channel().isActive()) {
            return;
        }
        if (backoffUntil != 0 && System.nanoTime() < backoffUntil) {
            return;   // the backoff's own timer resumes
        }
        backoffUntil = 0;
        paused = false;
        next();
    }
}

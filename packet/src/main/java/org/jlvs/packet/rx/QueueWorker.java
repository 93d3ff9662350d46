package org.jlvs.packet.rx;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.jlvs.packet.Count;
import org.jlvs.packet.Counters;
import org.jlvs.packet.PacketHandler;
import org.jlvs.packet.xmit.Egress;
import org.jlvs.sys.libc.Errno;
import org.jlvs.sys.nfqueue.NfQueue;

/**
 * The loop of one queue's thread: a batch of packets in, each handled, the batch's sends
 * flushed, then its verdicts in one message. Nothing in the loop allocates; an unexpected
 * exception costs one packet (dropped and counted), never the thread.
 */
public final class QueueWorker implements Runnable {
    private static final Logger LOG = Logger.getLogger(QueueWorker.class.getName());

    private final NfQueue queue;
    private final PacketHandler handler;
    private final Egress egress;
    private final long[] counts;
    private volatile boolean running = true;

    public QueueWorker(NfQueue queue, PacketHandler handler, Egress egress, long[] counts) {
        this.queue = queue;
        this.handler = handler;
        this.egress = egress;
        this.counts = counts;
    }

    public PacketHandler handler() {
        return handler;
    }

    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        try {
            while (running) {
                int n = queue.receive();
                if (n < 0) {
                    LOG.warning("queue " + queue.queueNumber() + ": receive failed: " + Errno.describe(n));
                    sleepQuietly();
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    one(i);
                }
                egress.flush();
                if (n > 0) {
                    int r = queue.flush();
                    if (r < 0) {
                        LOG.warning("queue " + queue.queueNumber() + ": verdicts failed: " + Errno.describe(r));
                    }
                }
            }
        } finally {
            queue.close();
            egress.close();
        }
    }

    private void one(int i) {
        int verdict;
        try {
            boolean reply = queue.hook(i) == NfQueue.HOOK_FORWARD;
            verdict = handler.handle(queue.buffer(i), queue.payloadOffset(i), queue.payloadLength(i), reply, queue.mark(i));
        } catch (RuntimeException e) {
            Counters.add(counts, Count.DROP_INTERNAL_ERROR);
            LOG.log(Level.FINE, "packet handling failed", e);
            verdict = PacketHandler.DROP;
        }
        if (verdict == PacketHandler.ACCEPT) {
            queue.verdict(i, NfQueue.NF_ACCEPT);
        } else if (verdict == PacketHandler.DROP) {
            queue.verdict(i, NfQueue.NF_DROP);
        } else {
            queue.acceptRewritten(i, verdict);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

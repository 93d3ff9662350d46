package org.jlvs.sys.nfqueue;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import org.jlvs.sys.libc.Errno;
import org.jlvs.sys.libc.IoVec;
import org.jlvs.sys.libc.MsgVec;
import org.jlvs.sys.libc.Sockets;
import org.jlvs.sys.netlink.NetlinkSocket;
import org.jlvs.sys.netlink.NlAttrs;
import org.jlvs.sys.netlink.NlMsg;

/**
 * One nfnetlink_queue queue bound on its own netlink socket: packets in batches (recvmmsg),
 * each with its id, hook, mark, input interface and payload read in place, and verdicts out
 * in one datagram per batch (many verdict messages per sendmsg, runs of equal plain verdicts as
 * one VERDICT_BATCH, rewritten payloads gathered from where they lie). Used by one thread.
 */
public final class NfQueue implements AutoCloseable {
    public static final int NF_DROP = 0;
    public static final int NF_ACCEPT = 1;

    public static final int HOOK_PRE_ROUTING = 0;
    public static final int HOOK_LOCAL_IN = 1;
    public static final int HOOK_FORWARD = 2;

    public static final int CFG_F_FAIL_OPEN = 0x01;
    public static final int CFG_F_GSO = 0x04;

    static final int SUBSYS_QUEUE = 3;
    static final int MSG_PACKET = 0;
    static final int MSG_VERDICT = 1;
    static final int MSG_CONFIG = 2;
    static final int MSG_VERDICT_BATCH = 3;

    static final int CFG_CMD = 1;
    static final int CFG_PARAMS = 2;
    static final int CFG_QUEUE_MAXLEN = 3;
    static final int CFG_MASK = 4;
    static final int CFG_FLAGS = 5;
    static final int CMD_BIND = 1;
    static final int COPY_PACKET = 2;

    static final int A_PACKET_HDR = 1;
    static final int A_VERDICT_HDR = 2;
    static final int A_MARK = 3;
    static final int A_IFINDEX_INDEV = 5;
    static final int A_PAYLOAD = 10;

    /** Room for a verdict message's headers: nlmsghdr, nfgenmsg, verdict attr, payload attr header. */
    static final int VERDICT_ROOM = 16 + 4 + 12 + 4;
    static final int NO_PAYLOAD = -1;

    private static final ValueLayout.OfInt BE32 = JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfShort BE16 = JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final NetlinkSocket sock;
    private final int queue;
    private final Arena arena = Arena.ofShared();
    private final MsgVec rx;
    private final int batch;

    // the packets of the last receive, by slot
    private int count;
    private final int[] ids;
    private final int[] hooks;
    private final int[] marks;
    private final int[] indevs;
    private final int[] hwProtocols;
    private final long[] payloadOffsets;
    private final int[] payloadLengths;
    private final int[] slotOf;
    private int netlinkErrors;

    // verdicts of this batch, in packet order
    private int pending;
    private final int[] vIds;
    private final int[] vVerdicts;
    private final int[] vSlots;
    private final int[] vLengths;
    private final MemorySegment vbuf;
    private final NlMsg vmsg;
    private final IoVec iov;
    private final MemorySegment zeros;

    private NfQueue(NetlinkSocket sock, int queue, int batch, int bufferSize) {
        this.sock = sock;
        this.queue = queue;
        this.batch = batch;
        this.rx = MsgVec.forReceive(arena, batch, bufferSize);
        this.ids = new int[batch];
        this.hooks = new int[batch];
        this.marks = new int[batch];
        this.indevs = new int[batch];
        this.hwProtocols = new int[batch];
        this.payloadOffsets = new long[batch];
        this.payloadLengths = new int[batch];
        this.slotOf = new int[batch];
        this.vIds = new int[batch];
        this.vVerdicts = new int[batch];
        this.vSlots = new int[batch];
        this.vLengths = new int[batch];
        this.vbuf = arena.allocate((long) VERDICT_ROOM * batch + 64, 8);
        this.vmsg = new NlMsg(vbuf);
        this.iov = new IoVec(arena, batch * 3 + 1);
        this.zeros = arena.allocate(8, 8);
    }

    /**
     * Binds queue {@code queue}: whole packets up to 64 KiB, {@code flags} (fail-open, GSO),
     * {@code batch} packets per receive. Throws with the kernel's reason when it refuses (no
     * NFQUEUE support, not root, the queue taken by another process).
     */
    public static NfQueue open(int queue, int batch, int maxLen, int flags) {
        NetlinkSocket s = NetlinkSocket.open(NetlinkSocket.NETLINK_NETFILTER);
        try {
            s.tune(16 << 20, 16 << 20);
            Sockets.receiveTimeout(s.fd(), 250);
            NfQueue q = new NfQueue(s, queue, batch, 65536 + 1024);
            q.configure(maxLen, flags);
            return q;
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void configure(int maxLen, int flags) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment m = a.allocate(256, 8);
            MemorySegment reply = a.allocate(8192, 8);
            NlMsg w = new NlMsg(m);
            int type = (SUBSYS_QUEUE << 8) | MSG_CONFIG;
            w.begin(0, type, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_ACK, 1).nfgen(Sockets.AF_UNSPEC, queue);
            long cmd = w.attr(CFG_CMD, 4);
            m.set(JAVA_BYTE, cmd, (byte) CMD_BIND);
            m.set(BE16, cmd + 2, (short) 0);
            request(m, w.end(), reply, "bind queue " + queue);

            w.begin(0, type, NlMsg.NLM_F_REQUEST | NlMsg.NLM_F_ACK, 2).nfgen(Sockets.AF_UNSPEC, queue);
            long p = w.attr(CFG_PARAMS, 5);
            m.set(BE32, p, 0xFFFF);
            m.set(JAVA_BYTE, p + 4, (byte) COPY_PACKET);
            w.attrBe32(CFG_QUEUE_MAXLEN, maxLen);
            w.attrBe32(CFG_FLAGS, flags).attrBe32(CFG_MASK, CFG_F_FAIL_OPEN | CFG_F_GSO);
            request(m, w.end(), reply, "configure queue " + queue);
        }
    }

    private void request(MemorySegment m, long len, MemorySegment reply, String what) {
        int r = sock.send(m, len);
        if (r < 0) {
            throw new IllegalStateException(what + ": " + Errno.describe(r));
        }
        int n = sock.receive(reply);
        if (n < 0) {
            throw new IllegalStateException(what + ": no answer (" + Errno.describe(n) + ")");
        }
        int mlen = NlAttrs.messageLength(reply, 0, n);
        if (mlen > 0 && NlAttrs.messageType(reply, 0) == NlMsg.NLMSG_ERROR) {
            int code = NlAttrs.errorCode(reply, 0, mlen);
            if (code == -Errno.EPERM) {
                throw new IllegalStateException(what + ": EPERM (not root, or the queue is bound by another process)");
            }
            if (code != 0) {
                throw new IllegalStateException(what + ": " + Errno.describe(code));
            }
        }
    }

    public int queueNumber() {
        return queue;
    }

    public int batchSize() {
        return batch;
    }

    // ------------------------------------------------------------------ receiving

    /**
     * Waits up to 250 ms for packets and reads what is there, up to the batch size. Returns how
     * many packets were read (0 when none came), or -errno. Verdicts of the previous batch must
     * have been flushed first: their payloads live in the same buffers.
     */
    public int receive() {
        count = 0;
        int n = rx.receive(sock.fd());
        if (n < 0) {
            return n == -Errno.EAGAIN || n == -Errno.EINTR ? 0 : n;
        }
        for (int slot = 0; slot < n; slot++) {
            parse(slot, rx.buffer(slot), rx.length(slot));
        }
        return count;
    }

    private void parse(int slot, MemorySegment buf, int limit) {
        long off = 0;
        while (off < limit) {
            int len = NlAttrs.messageLength(buf, off, limit);
            if (len < 0) {
                netlinkErrors++;
                return;
            }
            int type = NlAttrs.messageType(buf, off);
            if (type == ((SUBSYS_QUEUE << 8) | MSG_PACKET)) {
                packet(slot, buf, off + NlMsg.HDRLEN + 4, off + len);
            } else if (type == NlMsg.NLMSG_ERROR && NlAttrs.errorCode(buf, off, len) != 0) {
                netlinkErrors++;
            }
            off += NlMsg.align(len);
        }
    }

    private void packet(int slot, MemorySegment buf, long off, long end) {
        int id = -1;
        int i = count;
        if (i == batch) {
            return;
        }
        hooks[i] = -1;
        marks[i] = 0;
        indevs[i] = 0;
        hwProtocols[i] = 0;
        payloadOffsets[i] = 0;
        payloadLengths[i] = 0;
        while (off < end) {
            int alen = NlAttrs.attrLength(buf, off, end);
            if (alen < 0) {
                break;
            }
            int plen = alen - 4;
            long p = off + 4;
            switch (NlAttrs.attrType(buf, off)) {
                case A_PACKET_HDR -> {
                    if (plen >= 7) {
                        id = buf.get(BE32, p);
                        hwProtocols[i] = buf.get(BE16, p + 4) & 0xFFFF;
                        hooks[i] = buf.get(JAVA_BYTE, p + 6) & 0xFF;
                    }
                }
                case A_MARK -> marks[i] = plen >= 4 ? buf.get(BE32, p) : 0;
                case A_IFINDEX_INDEV -> indevs[i] = plen >= 4 ? buf.get(BE32, p) : 0;
                case A_PAYLOAD -> {
                    payloadOffsets[i] = p;
                    payloadLengths[i] = plen;
                }
                default -> {
                }
            }
            off += NlMsg.align(alen);
        }
        if (id == -1 && hooks[i] == -1) {
            netlinkErrors++;
            return;
        }
        ids[i] = id;
        slotOf[i] = slot;
        count++;
    }

    public int count() {
        return count;
    }

    public int id(int i) {
        return ids[i];
    }

    public int hook(int i) {
        return hooks[i];
    }

    public int mark(int i) {
        return marks[i];
    }

    public int inputInterface(int i) {
        return indevs[i];
    }

    /** The link-layer protocol (0x0800 IPv4, 0x86DD IPv6). */
    public int hwProtocol(int i) {
        return hwProtocols[i];
    }

    /** The buffer that holds packet {@code i}; its bytes start at {@link #payloadOffset}. */
    public MemorySegment buffer(int i) {
        return rx.buffer(slotOf[i]);
    }

    public long payloadOffset(int i) {
        return payloadOffsets[i];
    }

    public int payloadLength(int i) {
        return payloadLengths[i];
    }

    /** Malformed or error messages seen from the kernel since the start. */
    public int netlinkErrors() {
        return netlinkErrors;
    }

    // ------------------------------------------------------------------ verdicts

    /** A verdict on packet {@code i} as it came. */
    public void verdict(int i, int verdict) {
        add(i, verdict, NO_PAYLOAD);
    }

    /** Accept packet {@code i} with its first {@code length} bytes (rewritten in place) as the new packet. */
    public void acceptRewritten(int i, int length) {
        add(i, NF_ACCEPT, length);
    }

    private void add(int i, int verdict, int length) {
        int v = pending++;
        vIds[v] = ids[i];
        vVerdicts[v] = verdict;
        vSlots[v] = i;
        vLengths[v] = length;
    }

    /**
     * Sends this batch's verdicts in one datagram. A run of plain verdicts that are all the same
     * goes as one VERDICT_BATCH (it covers every packet up to its last id, and every earlier one
     * has had its own verdict by then). Returns the result of sendmsg.
     */
    public int flush() {
        long pos = 0;
        int v = 0;
        while (v < pending) {
            int runEnd = v;
            if (vLengths[v] == NO_PAYLOAD) {
                while (runEnd + 1 < pending && vLengths[runEnd + 1] == NO_PAYLOAD && vVerdicts[runEnd + 1] == vVerdicts[v]) {
                    runEnd++;
                }
            }
            int type = runEnd > v ? MSG_VERDICT_BATCH : MSG_VERDICT;
            vmsg.begin(pos, (SUBSYS_QUEUE << 8) | type, NlMsg.NLM_F_REQUEST, 0).nfgen(Sockets.AF_UNSPEC, queue);
            long h = vmsg.attr(A_VERDICT_HDR, 8);
            vbuf.set(BE32, h, vVerdicts[runEnd]);
            vbuf.set(BE32, h + 4, vIds[runEnd]);
            int len = vLengths[v];
            if (len == NO_PAYLOAD) {
                long end = vmsg.end();
                iov.add(vbuf, pos, end - pos);
                pos = end;
            } else {
                vmsg.attrHeaderOnly(A_PAYLOAD, len);
                long end = vmsg.end((int) NlMsg.align(len));
                iov.add(vbuf, pos, end - pos);
                int i = vSlots[v];
                iov.add(rx.buffer(slotOf[i]), payloadOffsets[i], len);
                int pad = (int) (NlMsg.align(len) - len);
                if (pad > 0) {
                    iov.add(zeros, 0, pad);
                }
                pos = end;
            }
            v = runEnd + 1;
        }
        pending = 0;
        return iov.send(sock.fd());
    }

    @Override
    public void close() {
        sock.close();
        arena.close();
    }
}

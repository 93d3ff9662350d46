package org.jlvs.core.conn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jlvs.core.model.Destination;
import org.jlvs.core.stats.Stats;
import org.jlvs.core.table.Timeouts;
import org.jlvs.core.time.Clock;
import org.jlvs.core.tunable.Tunables;

/**
 * The connection table: entries hashed by (protocol, client address, client port), so that both a
 * client's packets (lookupIn) and, for NAT, a realserver's replies (lookupOut) find their entry in
 * one bucket, as the kernel's conn_tab does. Lookups take no lock (entries are published with
 * release stores); inserts and removals lock one of 256 stripes, chosen by the hash's low bits.
 *
 * <p>Growing never stops the table: the chains move to the larger bucket array one bucket at a
 * time, under that bucket's stripe lock (a bucket's entries all land in buckets of the same
 * stripe, as both sizes are multiples of the stripe count). Meanwhile lookups search the new
 * array, then the old one; a per-stripe sequence counter makes a lookup that raced a move of its
 * stripe search again. A million entries take some 100 ms to move, which a stop-the-world
 * rehash would have taken from every packet.
 *
 * <p>Expiry uses a hashed timer wheel of 100 ms slots. A packet only writes the entry's new expiry
 * time; when the entry's slot comes round it is expired, or moved to the slot of its current
 * expiry time. So a packet costs a field write and expiry costs O(entries due), whatever the table
 * size. The wheel and resizing run on the caller of {@link #tick}, never on data-plane threads.
 */
public final class ConnTable {
    public static final int INITIAL_BITS = 12;
    public static final int MAX_BITS = 22;
    static final long TICK_MILLIS = 100;
    static final int WHEEL_SLOTS = 8192;
    static final int STRIPES = 256;
    /** A template that still controls connections is looked at again after this long (expire_later). */
    static final int EXPIRE_LATER_SECONDS = 60;

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Conn[].class);
    private static final VarHandle SEQ = MethodHandles.arrayElementVarHandle(int[].class);

    /** Told when an entry leaves the table, on the thread that expired it. */
    public interface Listener {
        void expired(Conn c);
    }

    private final Clock clock;
    private final Tunables tunables;
    private final Timeouts timeouts;
    private final Stats totals;
    private final int seed = ThreadLocalRandom.current().nextInt();
    private final Object[] stripes = new Object[STRIPES];
    /** Per stripe: odd while a resize moves one of its chains (a seqlock for lookups). */
    private final int[] stripeSeq = new int[STRIPES];
    private final AtomicInteger count = new AtomicInteger();

    /** Where entries go. */
    private volatile Conn[] buckets = new Conn[1 << INITIAL_BITS];
    /** While a resize runs: the array whose chains are still moving to {@link #buckets}, else null. */
    private volatile Conn[] oldBuckets;
    /** Held by a resize and by walks over the whole table, so that a walk sees no entry twice. */
    private final Object resizeLock = new Object();

    private final Object wheelLock = new Object();
    private final Conn[] wheel = new Conn[WHEEL_SLOTS];
    private long wheelTick;
    private volatile Listener listener = c -> { };

    public ConnTable(Clock clock, Tunables tunables, Timeouts timeouts, Stats totals) {
        this.clock = clock;
        this.tunables = tunables;
        this.timeouts = timeouts;
        this.totals = totals;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
        this.wheelTick = clock.millis() / TICK_MILLIS;
    }

    public void setListener(Listener l) {
        this.listener = l;
    }

    public Clock clock() {
        return clock;
    }

    public Tunables tunables() {
        return tunables;
    }

    public Stats totals() {
        return totals;
    }

    /** Entries in the table (connections and templates). */
    public int size() {
        return count.get();
    }

    /** The number of hash buckets (ipvsadm's "size="). */
    public int bucketCount() {
        return buckets.length;
    }

    // ------------------------------------------------------------------ hashing

    private int hash(int protocol, int caddrFold, int cport) {
        int h = caddrFold ^ seed;
        h ^= (cport << 16) | protocol;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    private static int fold(boolean v6, long hi, long lo) {
        return org.jlvs.core.model.IpAddress.fold(v6, hi, lo);
    }

    private int bucketOf(Conn c) {
        return hash(c.protocol(), fold(c.v6, c.caddrHi, c.caddrLo), c.clientPort());
    }

    // ------------------------------------------------------------------ lookups (any thread, no lock)

    // Lookups do not check Conn.dead: an unlinked entry is seen only by a reader racing its
    // removal, and packet() refuses it, so the caller then treats the packet as a new one.

    /** The connection of a client's packet to a virtual address and port (not a template). */
    public Conn lookupIn(int protocol, boolean v6, long cHi, long cLo, int cport, long vHi, long vLo, int vport) {
        return find(FIND_IN, hash(protocol, fold(v6, cHi, cLo), cport), Conn.key(protocol, v6, false, cport, vport),
                -1L, cHi, cLo, vHi, vLo, 0);
    }

    /**
     * The connection a realserver's reply belongs to (NAT): from daddr:dport to the client
     * caddr:cport.
     */
    public Conn lookupOut(int protocol, boolean v6, long dHi, long dLo, int dport, long cHi, long cLo, int cport) {
        return find(FIND_OUT, hash(protocol, fold(v6, cHi, cLo), cport), Conn.key(protocol, v6, false, cport, 0),
                ~(0xFFFFL << Conn.KEY_VPORT_SHIFT), cHi, cLo, dHi, dLo, dport);
    }

    /** A valid persistence template (ip_vs_ct_in_get): client network, port 0, virtual address and port. */
    public Conn lookupTemplate(int protocol, boolean v6, long cHi, long cLo, long vHi, long vLo, int vport) {
        return find(FIND_TEMPLATE, hash(protocol, fold(v6, cHi, cLo), 0), Conn.key(protocol, v6, true, 0, vport),
                -1L, cHi, cLo, vHi, vLo, 0);
    }

    private static final int FIND_IN = 0;
    private static final int FIND_OUT = 1;
    private static final int FIND_TEMPLATE = 2;

    /**
     * Walks one chain for an entry whose masked key and client address match, and whose other
     * address (virtual for in/template, realserver for out) matches too. While a resize runs,
     * the old array's chain too; searched again when a resize moved a chain of this stripe meanwhile.
     */
    private Conn find(int kind, int h, long key, long mask, long cHi, long cLo, long oHi, long oLo, int dport) {
        int stripe = h & (STRIPES - 1);
        while (true) {
            int seq = (int) SEQ.getAcquire(stripeSeq, stripe);
            if ((seq & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            Conn[] t = buckets;
            Conn[] old = oldBuckets;
            Conn found = walk(t, kind, h, key, mask, cHi, cLo, oHi, oLo, dport);
            if (found == null && old != null) {
                found = walk(old, kind, h, key, mask, cHi, cLo, oHi, oLo, dport);
            }
            VarHandle.loadLoadFence();
            if ((int) SEQ.getOpaque(stripeSeq, stripe) == seq) {
                return found;
            }
        }
    }

    private static Conn walk(Conn[] t, int kind, int h, long key, long mask, long cHi, long cLo, long oHi, long oLo,
                             int dport) {
        for (Conn c = (Conn) SLOT.getAcquire(t, h & (t.length - 1)); c != null; c = c.hashNext) {
            if ((c.key & mask) != key || c.caddrLo != cLo || c.caddrHi != cHi) {
                continue;
            }
            boolean other = kind == FIND_OUT
                    ? c.dport == dport && c.dest.address().lo() == oLo && c.dest.address().hi() == oHi
                    : c.vaddrLo == oLo && c.vaddrHi == oHi;
            if (other && (kind != FIND_TEMPLATE || (c.dport != 0xFFFF && !c.dead))) {
                return c;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ creating

    /**
     * Creates and hashes an entry bound to {@code dest} (ip_vs_conn_new): the destination's
     * counters count it (inactive unless flags say otherwise; templates as persistent), its
     * timeout is 3 s until its first state change. One-packet entries are not hashed.
     */
    public Conn create(int protocol, boolean v6, long cHi, long cLo, int cport, long vHi, long vLo, int vport,
                       Destination dest, int dport, int flags) {
        flags |= dest.connFlags();
        Conn c = new Conn(protocol, v6, cHi, cLo, cport, vHi, vLo, vport, dest, dport, flags);
        c.timeout = 3;
        c.expires = clock.millis() + 3000;
        if ((flags & ConnFlags.TEMPLATE) != 0) {
            dest.addPersistConn(1);
        } else {
            dest.bindConn((flags & ConnFlags.INACTIVE) == 0, tunables.profile);
        }
        if ((flags & ConnFlags.ONE_PACKET) == 0) {
            insert(c);
            schedule(c);
        }
        return c;
    }

    private void insert(Conn c) {
        int h = bucketOf(c);
        synchronized (stripes[h & (STRIPES - 1)]) {
            Conn[] t = buckets;
            int i = h & (t.length - 1);
            c.hashNext = (Conn) SLOT.getAcquire(t, i);
            SLOT.setRelease(t, i, c);
        }
        count.incrementAndGet();
    }

    private void unlink(Conn c) {
        int h = bucketOf(c);
        synchronized (stripes[h & (STRIPES - 1)]) {
            Conn[] t = buckets;
            Conn[] old = oldBuckets;  // read after the new array, as a resize writes them the other way round
            if (unlinkFrom(t, h, c) || (old != null && unlinkFrom(old, h, c))) {
                count.decrementAndGet();
            }
        }
    }

    /** Takes {@code c} out of its chain in {@code t}; the entry keeps its own link, so a lookup standing on it goes on. */
    private static boolean unlinkFrom(Conn[] t, int h, Conn c) {
        int i = h & (t.length - 1);
        Conn prev = null;
        for (Conn x = (Conn) SLOT.getAcquire(t, i); x != null; x = x.hashNext) {
            if (x == c) {
                if (prev == null) {
                    SLOT.setRelease(t, i, x.hashNext);
                } else {
                    prev.hashNext = x.hashNext;
                }
                return true;
            }
            prev = x;
        }
        return false;
    }

    /** Makes {@code c} run under template {@code ct} (ip_vs_control_add). */
    public void controlAdd(Conn c, Conn ct) {
        synchronized (ct) {
            ct.nControl++;
        }
        c.control = ct;
    }

    // ------------------------------------------------------------------ packets (data-plane threads)

    /**
     * A packet of {@code c} seen in {@code direction} ({@link TcpTransitions#DIR_INPUT} from the
     * client, {@link TcpTransitions#DIR_OUTPUT} from the realserver): the protocol's state change,
     * the counters, and the expiry pushed to now + the state's timeout. False when {@code c} has
     * already expired (the caller treats the packet as one of a new connection).
     */
    public boolean packet(Conn c, int direction, int tcpFlags, int bytes) {
        long now = clock.millis();
        synchronized (c) {
            if (c.dead) {
                return false;
            }
            switch (c.protocol()) {
                case 6 -> tcpTransition(c, direction, tcpFlags);
                case 17 -> udpTransition(c, direction);
                default -> {
                }
            }
            if (direction != TcpTransitions.DIR_OUTPUT) {
                c.inPkts++;
            }
            c.expires = now + c.timeout * 1000L;
        }
        Destination d = c.dest;
        if (direction == TcpTransitions.DIR_OUTPUT) {
            d.stats().countOut(bytes);
            d.serviceStats().countOut(bytes);
            totals.countOut(bytes);
        } else {
            d.stats().countIn(bytes);
            d.serviceStats().countIn(bytes);
            totals.countIn(bytes);
        }
        return true;
    }

    /** Counts bytes without a state change (the socket plane's reads), and keeps the entry alive. */
    public boolean traffic(Conn c, boolean in, long packets, long bytes) {
        if (c.dead) {
            return false;
        }
        c.expires = clock.millis() + c.timeout * 1000L;
        Destination d = c.dest;
        if (in) {
            d.stats().countIn(packets, bytes);
            d.serviceStats().countIn(packets, bytes);
            totals.countIn(packets, bytes);
        } else {
            d.stats().countOut(packets, bytes);
            d.serviceStats().countOut(packets, bytes);
            totals.countOut(packets, bytes);
        }
        return true;
    }

    private void tcpTransition(Conn c, int direction, int tcpFlags) {
        int dir = direction;
        int f = c.flags;
        if ((f & ConnFlags.NOOUTPUT) != 0) {
            if (dir == TcpTransitions.DIR_OUTPUT) {
                c.flags = f & ~ConnFlags.NOOUTPUT;
            } else {
                dir = TcpTransitions.DIR_INPUT_ONLY;
            }
        }
        int old = c.state;
        int next = TcpTransitions.next(dir, tcpFlags, old, tunables.secureTcp != 0);
        if (next != old) {
            Destination d = c.dest;
            boolean inactive = (c.flags & ConnFlags.INACTIVE) != 0;
            boolean active = TcpState.isActive(next);
            if (!inactive && !active) {
                d.activate(false);
                c.flags |= ConnFlags.INACTIVE;
            } else if (inactive && active) {
                d.activate(true);
                c.flags &= ~ConnFlags.INACTIVE;
            }
            if (next == TcpState.ESTABLISHED.ordinal()) {
                assureControl(c);
            }
        }
        c.state = (byte) next;
        c.timeout = tcpTimeout(next);
    }

    private int tcpTimeout(int state) {
        if (state == TcpState.ESTABLISHED.ordinal()) {
            return timeouts.tcp();
        }
        if (state == TcpState.FIN_WAIT.ordinal()) {
            return timeouts.tcpFin();
        }
        return TcpState.of(state).defaultTimeoutSeconds();
    }

    private void udpTransition(Conn c, int direction) {
        c.timeout = timeouts.udp();
        if (direction == TcpTransitions.DIR_OUTPUT) {
            assureControl(c);
        }
    }

    /** A controlled connection proved itself: its template becomes ASSURED (ip_vs_control_assure_ct). */
    private static void assureControl(Conn c) {
        Conn ct = c.control;
        if (ct != null && (ct.flags & ConnFlags.TEMPLATE) != 0) {
            ct.state |= 1;
        }
    }

    /** Restarts {@code c}'s timer with its timeout (ip_vs_conn_put), e.g. a template reused. */
    public void touch(Conn c) {
        c.expires = clock.millis() + c.timeout * 1000L;
    }

    // ------------------------------------------------------------------ expiry

    private void schedule(Conn c) {
        synchronized (wheelLock) {
            long t = Math.max(c.expires / TICK_MILLIS, wheelTick);
            int slot = (int) (t & (WHEEL_SLOTS - 1));
            c.wheelNext = wheel[slot];
            wheel[slot] = c;
        }
    }

    /**
     * Expires what is due by now, moves entries whose expiry was pushed forward, and grows the
     * hash table when it got crowded. Called every 100 ms or so by the owner of the clock.
     */
    public int tick() {
        long now = clock.millis();
        long target = now / TICK_MILLIS;
        int expired = 0;
        while (true) {
            Conn list;
            synchronized (wheelLock) {
                if (wheelTick > target) {
                    break;
                }
                int slot = (int) (wheelTick & (WHEEL_SLOTS - 1));
                list = wheel[slot];
                wheel[slot] = null;
                wheelTick++;
            }
            for (Conn c = list, next; c != null; c = next) {
                next = c.wheelNext;
                c.wheelNext = null;
                if (c.dead) {
                    continue;
                }
                if (expire(c, now, false)) {
                    expired++;
                }
            }
        }
        maybeGrow();
        return expired;
    }

    /**
     * The kernel's ip_vs_conn_expire: a connection still due leaves the table and its destination's
     * counters; a template that still controls connections waits another 60 s. With
     * {@code dropChain} (an entry dropped before its time) an unassured template left with nothing
     * to control goes too.
     */
    private boolean expire(Conn c, long now, boolean dropChain) {
        synchronized (c) {
            if (c.dead) {
                return false;
            }
            if (!dropChain && c.expires > now) {
                schedule(c);
                return false;
            }
            if (c.nControl > 0) {
                c.timeout = EXPIRE_LATER_SECONDS;
                c.expires = now + EXPIRE_LATER_SECONDS * 1000L;
                schedule(c);
                return false;
            }
            c.dead = true;
        }
        if ((c.flags & ConnFlags.ONE_PACKET) == 0) {
            unlink(c);
        }
        Conn ct = c.control;
        if (ct != null) {
            int left;
            synchronized (ct) {
                left = --ct.nControl;
            }
            if (dropChain && left == 0 && ((ct.flags & ConnFlags.TEMPLATE) == 0 || (ct.state & 1) == 0)) {
                expire(ct, now, true);
            }
        }
        Destination d = c.dest;
        if ((c.flags & ConnFlags.TEMPLATE) != 0) {
            d.addPersistConn(-1);
        } else {
            d.unbindConn((c.flags & ConnFlags.INACTIVE) == 0, tunables.profile);
        }
        listener.expired(c);
        return true;
    }

    /**
     * Drops {@code c} now (ip_vs_conn_del with timeout 0): expire_nodest_conn, connection reuse,
     * one-packet scheduling, the socket plane closing a connection it owns.
     */
    public void expireNow(Conn c) {
        expire(c, clock.millis(), true);
    }

    /** Grows the table to at least four buckets per entry (at most 2^MAX_BITS buckets): short chains, fewer misses. */
    private void maybeGrow() {
        int len = buckets.length;
        int n = count.get();
        int target = len;
        while (4L * n > target && Integer.numberOfTrailingZeros(target) < MAX_BITS) {
            target <<= 1;
        }
        if (target != len) {
            resize(target);
        }
    }

    /**
     * Moves every chain into a new array of {@code size} buckets, one old bucket at a time under
     * its stripe's lock, with that stripe's sequence odd while its links change. Inserts go to the
     * new array from the start; lookups and removals look in both until the end.
     */
    private void resize(int size) {
        synchronized (resizeLock) {
            Conn[] old = buckets;
            Conn[] t = new Conn[size];
            oldBuckets = old;  // before the new array: a lookup that sees the new one sees the old one too
            buckets = t;
            for (int i = 0; i < old.length; i++) {
                int stripe = i & (STRIPES - 1);
                synchronized (stripes[stripe]) {
                    Conn head = (Conn) SLOT.getAcquire(old, i);
                    if (head == null) {
                        continue;
                    }
                    SEQ.setVolatile(stripeSeq, stripe, stripeSeq[stripe] + 1);  // odd: its lookups wait
                    for (Conn c = head, next; c != null; c = next) {
                        next = c.hashNext;
                        int j = bucketOf(c) & (size - 1);
                        c.hashNext = (Conn) SLOT.getAcquire(t, j);
                        SLOT.setRelease(t, j, c);
                    }
                    SLOT.setRelease(old, i, null);
                    SEQ.setRelease(stripeSeq, stripe, stripeSeq[stripe] + 1);
                }
            }
            oldBuckets = null;
        }
    }

    /** Visits every entry (for listings and dumps); entries may come and go meanwhile. */
    public void forEach(Consumer<Conn> action) {
        synchronized (resizeLock) {  // no chain moves under a walk: it would miss entries or see them twice
            java.util.ArrayList<Conn> chain = new java.util.ArrayList<>();
            Conn[] t = buckets;
            for (int i = 0; i < t.length; i++) {
                synchronized (stripes[i & (STRIPES - 1)]) {
                    // copy the chain under its stripe lock, visit it outside
                    for (Conn x = (Conn) SLOT.getAcquire(t, i); x != null; x = x.hashNext) {
                        if (!x.dead) {
                            chain.add(x);
                        }
                    }
                }
                for (Conn x : chain) {
                    action.accept(x);
                }
                chain.clear();
            }
        }
    }
}

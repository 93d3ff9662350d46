package org.jlvs.bench;

import java.util.concurrent.TimeUnit;

import org.jlvs.core.conn.Conn;
import org.jlvs.core.conn.ConnTable;
import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.Destination;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.sched.RandomSource;
import org.jlvs.core.sched.SchedContext;
import org.jlvs.core.table.IpvsTable;
import org.jlvs.core.time.ManualClock;
import org.jlvs.core.tunable.Tunables;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The connection table at {@code entries} connections: lookup, insert (with its expiry), expiry. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConnTableBench {
    static final long VIP = IpAddress.parse("10.0.0.100").lo();

    @Param({"1000000"})
    public int entries;

    private ManualClock clock;
    private IpvsTable table;
    private ConnTable conns;
    private Destination dest;
    private int next;

    static long client(int i) {
        return 0x0A000000L + (i >>> 6) + ((long) (i & 63) << 24) & 0xFFFF_FFFFL;
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        clock = new ManualClock(0);
        table = new IpvsTable(new SchedContext(clock, RandomSource.SYSTEM, new Tunables()));
        conns = table.conns();
        ServiceKey key = ServiceKey.of(Protocol.TCP, IpAddress.ofV4((int) VIP), 80);
        table.addService(ServiceConfig.of(key, "rr"));
        dest = table.addDest(key, DestConfig.of(IpAddress.parse("192.168.1.11"), 80, Forwarding.MASQ, 1));
        for (int i = 0; i < entries; i++) {
            conns.create(6, false, 0, client(i), 1024 + (i & 0x7FFF), 0, VIP, 80, dest, 80, 0);
        }
        table.tick(0); // grows the hash table to fit
    }

    @Benchmark
    public Conn lookup() {
        int i = (next = next * 1103515245 + 12345) & 0x7FFFFFFF;
        i %= entries;
        // the key is computed, not loaded, so the benchmark's own array does not add a cache miss
        return conns.lookupIn(6, false, 0, client(i), 1024 + (i & 0x7FFF), 0, VIP, 80);
    }

    @Benchmark
    public Conn lookupMiss() {
        int i = (next = next * 1103515245 + 12345) & 0x7FFFFFFF;
        return conns.lookupIn(6, false, 0, 0xC0000000L + i, 7, 0, VIP, 80);
    }

    /**
     * Insert and drop one entry, so the table stays at its size; time moves 1 ms an entry and the
     * timer wheel runs every 1024 entries, as the daemon's 100 ms tick would.
     */
    @Benchmark
    public void insertAndExpire() {
        int i = next++;
        Conn c = conns.create(6, false, 0, 0xAC100000L + (i & 0xFFFFF), 2000, 0, VIP, 80, dest, 80, 0);
        conns.expireNow(c);
        clock.advance(1);
        if ((i & 1023) == 0) {
            conns.tick();
        }
    }

    /** Every entry falls due at once: the cost of expiring one entry through the wheel. */
    @State(Scope.Thread)
    public static class Expiry {
        ManualClock clock;
        IpvsTable table;

        @Setup(Level.Invocation)
        public void fill() throws Exception {
            clock = new ManualClock(0);
            table = new IpvsTable(new SchedContext(clock, RandomSource.SYSTEM, new Tunables()));
            ServiceKey key = ServiceKey.of(Protocol.TCP, IpAddress.ofV4((int) VIP), 80);
            table.addService(ServiceConfig.of(key, "rr"));
            Destination d = table.addDest(key, DestConfig.of(IpAddress.parse("192.168.1.11"), 80, Forwarding.MASQ, 1));
            for (int i = 0; i < 1_000_000; i++) {
                table.conns().create(6, false, 0, client(i), 1024 + (i & 0x7FFF), 0, VIP, 80, d, 80, 0);
            }
            clock.set(10_000);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OperationsPerInvocation(1_000_000)
    public int expireAll(Expiry e) {
        return e.table.conns().tick();
    }
}

package org.jlvs.bench;

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

/** Heap bytes per connection entry, hash buckets included: the heap after a million entries, minus before. */
public final class ConnMemory {
    private ConnMemory() {
    }

    static long used() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        ManualClock clock = new ManualClock(0);
        IpvsTable table = new IpvsTable(new SchedContext(clock, RandomSource.SYSTEM, new Tunables()));
        ServiceKey key = ServiceKey.of(Protocol.TCP, IpAddress.parse("10.0.0.100"), 80);
        table.addService(ServiceConfig.of(key, "rr"));
        Destination d = table.addDest(key, DestConfig.of(IpAddress.parse("192.168.1.11"), 80, Forwarding.MASQ, 1));
        ConnTable conns = table.conns();
        long before = used();
        for (int i = 0; i < n; i++) {
            conns.create(6, false, 0, ConnTableBench.client(i), 1024 + (i & 0x7FFF), 0, ConnTableBench.VIP, 80, d, 80, 0);
        }
        table.tick(0);
        long after = used();
        System.out.printf("conn-entry-bytes %d entries %.1f bytes/entry (buckets %d)%n",
                conns.size(), (after - before) / (double) conns.size(), conns.bucketCount());
    }
}

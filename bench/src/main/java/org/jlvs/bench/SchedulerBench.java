package org.jlvs.bench;

import java.util.concurrent.TimeUnit;

import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.Destination;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.model.VirtualService;
import org.jlvs.core.sched.Flow;
import org.jlvs.core.table.IpvsTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One scheduling decision (no connection entry is made): a service with {@code dests}
 * realservers of weights 1..5 and uneven loads, clients drawn from 4096 addresses.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SchedulerBench {
    @Param({"rr", "wrr", "lc", "wlc", "sed", "nq", "lblc", "lblcr", "dh", "sh", "mh", "fo", "ovf", "twos"})
    public String scheduler;

    @Param({"10", "100", "1000"})
    public int dests;

    private VirtualService svc;
    private final Flow[] flows = new Flow[4096];
    private int next;

    @Setup
    public void setUp() throws Exception {
        IpvsTable table = new IpvsTable();
        ServiceKey key = ServiceKey.of(Protocol.TCP, IpAddress.parse("10.0.0.100"), 80);
        table.addService(ServiceConfig.of(key, scheduler));
        for (int i = 0; i < dests; i++) {
            Destination d = table.addDest(key,
                    DestConfig.of(IpAddress.ofV4(0xC0A80000 + 2 + i), 80, Forwarding.MASQ, 1 + i % 5));
            d.setCounters(i * 7 % 13, i * 11 % 17);
        }
        svc = table.service(key);
        for (int i = 0; i < flows.length; i++) {
            flows[i] = new Flow().set(Flow.IPPROTO_TCP, IpAddress.ofV4(0x0A000000 + i * 40503),
                    1024 + i, key.address(), 80);
        }
    }

    @Benchmark
    public Destination decide() {
        Flow f = flows[next++ & (flows.length - 1)];
        return svc.schedule(f);
    }
}

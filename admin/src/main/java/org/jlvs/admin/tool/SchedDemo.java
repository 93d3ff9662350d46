package org.jlvs.admin.tool;

import java.io.PrintStream;
import java.util.List;

import org.jlvs.core.conn.Conn;
import org.jlvs.core.conn.ConnScheduler;
import org.jlvs.core.conn.TcpTransitions;
import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.Destination;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.sched.Flow;
import org.jlvs.core.sched.SchedulerRegistry;
import org.jlvs.core.table.IpvsException;
import org.jlvs.core.table.IpvsTable;

/**
 * A look at the schedulers without a network: one virtual service with three realservers of
 * weights 3, 2 and 1, and a run of new TCP connections from distinct clients through the real
 * table and connection scheduler. Connections stay open, so least-connection schedulers see load.
 */
final class SchedDemo {
    private SchedDemo() {
    }

    static void run(List<String> schedulers, int connections, PrintStream out) throws IpvsException {
        IpAddress vip = IpAddress.parse("10.0.0.100");
        ServiceKey key = ServiceKey.of(Protocol.TCP, vip, 80);
        out.printf("TCP %s:80, realservers added 192.168.1.11 (weight 3), .12 (2), .13 (1); %d new connections%n",
                vip, connections);
        for (String s : schedulers.isEmpty() ? List.copyOf(SchedulerRegistry.names()) : schedulers) {
            IpvsTable table = new IpvsTable();
            table.addService(ServiceConfig.of(key, s));
            int w = 3;
            for (int i = 11; i <= 13; i++) {
                table.addDest(key, DestConfig.of(IpAddress.parse("192.168.1." + i), 80, Forwarding.MASQ, w--));
            }
            ConnScheduler sched = new ConnScheduler(table.conns());
            Flow flow = new Flow();
            StringBuilder picks = new StringBuilder();
            for (int c = 0; c < connections; c++) {
                IpAddress client = IpAddress.ofV4(0xCB007100 + 10 + c); // 203.0.113.10 + c
                flow.set(Flow.IPPROTO_TCP, client, 40000 + c, vip, 80);
                Conn conn = sched.schedule(table.service(key), flow);
                if (conn == null) {
                    picks.append(" -");
                    continue;
                }
                table.conns().packet(conn, TcpTransitions.DIR_INPUT, TcpTransitions.TH_SYN, 60);
                picks.append(' ').append(conn.dest().address().v4() & 0xFF);
            }
            StringBuilder counts = new StringBuilder();
            for (Destination d : table.service(key).destinations()) {
                counts.append(" .").append(d.address().v4() & 0xFF).append('=').append(d.activeConns());
            }
            out.printf("%-6s picks:%s   active:%s%n", s, picks, counts);
        }
    }
}

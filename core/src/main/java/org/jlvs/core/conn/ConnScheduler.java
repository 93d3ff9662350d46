package org.jlvs.core.conn;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.model.VirtualService;
import org.jlvs.core.sched.Flow;

/**
 * Turns a new connection's first packet into a connection entry, as the kernel's
 * {@code ip_vs_schedule} and {@code ip_vs_sched_persist} do: a persistent service first looks for
 * the client's template (client network, virtual address, port) and reuses its realserver while
 * that one is available; otherwise the scheduler picks and, for a persistent service, a new
 * template records the pick. Allocates only the entries it creates.
 */
public final class ConnScheduler {
    static final int FTP_PORT = 21;

    private final ConnTable conns;

    public ConnScheduler(ConnTable conns) {
        this.conns = conns;
    }

    /**
     * A new connection for {@code flow} (the client is the source), or null when the service has
     * no destination for it (the caller drops it or answers port unreachable, as ip_vs_leave).
     */
    public Conn schedule(VirtualService svc, Flow flow) {
        ServiceConfig cfg = svc.config();
        ServiceKey key = svc.key();
        if (cfg.persistent()) {
            return schedulePersistent(svc, cfg, flow);
        }
        if (!key.isFwmark() && flow.dstPort != key.port()) {
            return null; // port-zero services need persistence
        }
        Destination dest = svc.schedule(flow);
        if (dest == null) {
            return null;
        }
        int dport = dest.port() != 0 ? dest.port() : flow.dstPort;
        Conn c = conns.create(flow.protocol, flow.v6, flow.srcHi, flow.srcLo, flow.srcPort,
                flow.dstHi, flow.dstLo, flow.dstPort, dest, dport, onePacketFlag(cfg, flow));
        countConn(dest);
        return c;
    }

    private Conn schedulePersistent(VirtualService svc, ServiceConfig cfg, Flow flow) {
        ServiceKey key = svc.key();
        // the client's network at the service's granularity
        long snHi;
        long snLo;
        if (flow.v6) {
            IpAddress masked = IpAddress.ofV6(flow.srcHi, flow.srcLo).mask(cfg.netmask());
            snHi = masked.hi();
            snLo = masked.lo();
        } else {
            snHi = 0;
            snLo = (flow.srcLo & cfg.netmask()) & 0xFFFF_FFFFL;
        }
        int tproto = flow.protocol;
        long tvHi = flow.dstHi;
        long tvLo = flow.dstLo;
        int tvport = 0;
        boolean samePort = flow.dstPort == key.port();
        if (samePort) {
            // FTP's data connections come on other ports, so its template leaves the port out
            if (key.port() != FTP_PORT) {
                tvport = flow.dstPort;
            }
        } else if (key.isFwmark()) {
            tproto = 0; // IPPROTO_IP: the template stands for the mark, whatever the protocol
            tvHi = 0;
            tvLo = key.fwmark() & 0xFFFF_FFFFL;
        }
        boolean tv6 = flow.v6;
        Conn ct = conns.lookupTemplate(tproto, tv6, snHi, snLo, tvHi, tvLo, tvport);
        Destination dest;
        if (ct == null || !checkTemplate(ct)) {
            dest = svc.schedule(flow);
            if (dest == null) {
                return null;
            }
            int tdport = samePort && key.port() != FTP_PORT ? dest.port() : 0;
            ct = conns.create(tproto, tv6, snHi, snLo, 0, tvHi, tvLo, tvport, dest, tdport, ConnFlags.TEMPLATE);
            ct.timeout = cfg.timeout();
        } else {
            dest = ct.dest;
        }
        int dport = flow.dstPort;
        if (dport == key.port() && dest.port() != 0) {
            dport = dest.port();
        }
        Conn c = conns.create(flow.protocol, flow.v6, flow.srcHi, flow.srcLo, flow.srcPort,
                flow.dstHi, flow.dstLo, flow.dstPort, dest, dport, onePacketFlag(cfg, flow));
        conns.controlAdd(c, ct);
        conns.touch(ct);
        countConn(dest);
        return c;
    }

    /**
     * A template is used only while its realserver is still in the service (and, with
     * expire_quiescent_template, not quiesced); otherwise it is marked invalid and left to expire.
     */
    private boolean checkTemplate(Conn ct) {
        Destination d = ct.dest;
        if (d == null || !d.available()
                || (conns.tunables().expireQuiescentTemplate != 0 && d.weight() == 0)) {
            ct.dport = 0xFFFF;
            return false;
        }
        return true;
    }

    private static int onePacketFlag(ServiceConfig cfg, Flow flow) {
        return cfg.onePacket() && flow.protocol == Flow.IPPROTO_UDP ? ConnFlags.ONE_PACKET : 0;
    }

    private void countConn(Destination dest) {
        dest.stats().countConn();
        dest.serviceStats().countConn();
        conns.totals().countConn();
    }
}

package org.jlvs.admin.keepalived;

import java.util.ArrayList;
import java.util.List;

import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.SchedFlags;
import org.jlvs.core.model.ServiceConfig;
import org.jlvs.core.model.ServiceKey;

/**
 * The IPVS services behind one virtual server, in the order keepalived adds them: the address,
 * the mark, or for a group every address of every range and then every mark
 * (keepalived's ipvs_set_srule and ipvs_group_cmd).
 */
final class VsServices {

    /** One IPVS service; {@code fwmark} tells the destination port rule to use. */
    record Svc(ServiceConfig config, boolean fwmark) {
        ServiceKey key() {
            return config.key();
        }

        /** NAT servers keep their own port; the others get the service's (0 on a mark). */
        int destPort(ForwardingMethod method, int ownPort) {
            return method.nat() ? ownPort : fwmark ? 0 : key().port();
        }

        DestConfig dest(IpAddress address, int ownPort, ForwardingMethod m, int weight, int upper, int lower) {
            return new DestConfig(address, destPort(m, ownPort), m.forwarding(), weight, upper, lower,
                    m.tunnelType(), m.tunnelPort(), m.tunnelFlags());
        }
    }

    private VsServices() {
    }

    static List<Svc> of(VirtualServer vs, KeepalivedConfig cfg) {
        List<Svc> out = new ArrayList<>();
        switch (vs.target()) {
            case VsTarget.Address a -> out.add(svc(vs, ServiceKey.of(vs.protocol(), a.address(), a.port()), false, true));
            case VsTarget.Fwmark f -> out.add(svc(vs, ServiceKey.fwmark(f.mark(), vs.v6()), true, true));
            case VsTarget.Group g -> {
                VirtualServerGroup vsg = cfg.group(g.name());
                // keepalived sends group entries with the host netmask, whatever persistence_granularity says
                for (VirtualServerGroup.AddressRange r : vsg.ranges()) {
                    for (IpAddress a : r.addresses()) {
                        out.add(svc(vs, ServiceKey.of(vs.protocol(), a, r.port()), false, false));
                    }
                }
                for (VirtualServerGroup.FwmarkEntry f : vsg.fwmarks()) {
                    boolean v6 = f.v6() != null ? f.v6() : vs.v6();
                    out.add(svc(vs, ServiceKey.fwmark(f.mark(), v6), true, false));
                }
            }
        }
        return out;
    }

    private static Svc svc(VirtualServer vs, ServiceKey key, boolean fwmark, boolean granularity) {
        int flags = vs.flags();
        int timeout = 0;
        int netmask = ServiceConfig.defaultNetmask(key.v6());
        String pe = null;
        if (vs.persistent()) {
            flags |= SchedFlags.PERSISTENT;
            timeout = vs.persistenceTimeout();
            pe = vs.persistenceEngine();
            if (granularity) {
                netmask = vs.persistenceNetmask();
            }
        }
        return new Svc(new ServiceConfig(key, vs.scheduler(), flags, timeout, netmask, pe), fwmark);
    }
}

package org.jlvs.core.table;

import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.ServiceKey;
import org.jlvs.core.model.VirtualService;

/**
 * An immutable open-addressing index of the services, rebuilt on each table change, so that a
 * data plane finds the service of a new connection's first packet in constant time and without
 * allocating, whatever the number of services (the kernel hashes its services the same way).
 */
final class ServiceIndex {
    static final ServiceIndex EMPTY = new ServiceIndex(new VirtualService[0]);

    private final VirtualService[] byAddress;
    private final VirtualService[] byMark;
    private final int addressMask;
    private final int markMask;

    ServiceIndex(VirtualService[] services) {
        int plain = 0;
        int marks = 0;
        for (VirtualService s : services) {
            if (s.key().isFwmark()) {
                marks++;
            } else {
                plain++;
            }
        }
        byAddress = new VirtualService[size(plain)];
        byMark = new VirtualService[size(marks)];
        addressMask = byAddress.length - 1;
        markMask = byMark.length - 1;
        for (VirtualService s : services) {
            ServiceKey k = s.key();
            if (k.isFwmark()) {
                int i = markHash(k.fwmark(), k.v6()) & markMask;
                while (byMark[i] != null) {
                    i = (i + 1) & markMask;
                }
                byMark[i] = s;
            } else {
                IpAddress a = k.address();
                int i = addressHash(k.protocol().number(), a.fold(), k.port()) & addressMask;
                while (byAddress[i] != null) {
                    i = (i + 1) & addressMask;
                }
                byAddress[i] = s;
            }
        }
    }

    /** A power of two at least twice {@code n}, so probes stay short. */
    private static int size(int n) {
        return Integer.highestOneBit(Math.max(2, n) * 4 - 1);
    }

    private static int addressHash(int protocol, int fold, int port) {
        int h = fold * 0x9E3779B1 + (port << 8 | protocol);
        return h ^ (h >>> 15);
    }

    private static int markHash(int mark, boolean v6) {
        int h = mark * 0x9E3779B1 + (v6 ? 1 : 0);
        return h ^ (h >>> 15);
    }

    VirtualService find(int protocol, boolean v6, long hi, long lo, int port) {
        int i = addressHash(protocol, IpAddress.fold(v6, hi, lo), port) & addressMask;
        for (VirtualService s; (s = byAddress[i]) != null; i = (i + 1) & addressMask) {
            ServiceKey k = s.key();
            if (k.port() == port && k.protocol().number() == protocol && k.address().equals(v6, hi, lo)) {
                return s;
            }
        }
        return null;
    }

    VirtualService findMark(int mark, boolean v6) {
        int i = markHash(mark, v6) & markMask;
        for (VirtualService s; (s = byMark[i]) != null; i = (i + 1) & markMask) {
            if (s.key().fwmark() == mark && s.key().v6() == v6) {
                return s;
            }
        }
        return null;
    }
}

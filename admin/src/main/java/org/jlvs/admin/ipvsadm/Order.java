package org.jlvs.admin.ipvsadm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.ServiceKey;

/**
 * The order ipvsadm lists in: libipvs's comparisons, which subtract fwmarks and address words as
 * unsigned 32-bit numbers and read the difference as signed (so 192.168.x.x sorts before
 * 10.x.x.x), run through glibc's qsort, a stable top-down merge sort. The comparison is not a
 * total order for every set of values, so the exact merge steps matter and a library sort
 * (which may also reject such a comparator) will not do.
 */
final class Order {
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    /** Services: fwmark, family, protocol, address, port. */
    static final Comparator<ServiceKey> SERVICES = Order::compareServices;
    /** Real servers: address (one word or four, by the first one's family), then port. */
    static final Comparator<DestConfig> DESTS = Order::compareDests;

    private Order() {
    }

    static int compareServices(ServiceKey a, ServiceKey b) {
        int r = a.fwmark() - b.fwmark();
        if (r != 0) {
            return r;
        }
        r = (a.v6() ? AF_INET6 : AF_INET) - (b.v6() ? AF_INET6 : AF_INET);
        if (r != 0) {
            return r;
        }
        r = protocol(a) - protocol(b);
        if (r != 0) {
            return r;
        }
        r = compareAddresses(a.v6(), address(a), address(b));
        if (r != 0) {
            return r;
        }
        return a.port() - b.port();
    }

    static int compareDests(DestConfig a, DestConfig b) {
        int r = compareAddresses(a.address().isV6(), a.address(), b.address());
        if (r != 0) {
            return r;
        }
        return a.port() - b.port();
    }

    /** Word by word, each difference wrapped to a signed 32-bit number. */
    private static int compareAddresses(boolean v6, IpAddress a, IpAddress b) {
        int words = v6 ? 4 : 1;
        int r = 0;
        for (int i = 0; r == 0 && i < words; i++) {
            r = a.word(i) - b.word(i);
        }
        return r;
    }

    private static int protocol(ServiceKey k) {
        return k.protocol() == null ? 0 : k.protocol().number();
    }

    private static IpAddress address(ServiceKey k) {
        return k.address() == null ? IpAddress.V4_ANY : k.address();
    }

    /** glibc's msort: halves of n/2 and n - n/2, merged taking from the first half on ties. */
    static <T> void mergeSort(List<T> list, Comparator<? super T> cmp) {
        List<T> tmp = new ArrayList<>(list);
        sort(list, 0, list.size(), cmp, tmp);
    }

    private static <T> void sort(List<T> b, int from, int n, Comparator<? super T> cmp, List<T> tmp) {
        if (n <= 1) {
            return;
        }
        int n1 = n / 2;
        int n2 = n - n1;
        sort(b, from, n1, cmp, tmp);
        sort(b, from + n1, n2, cmp, tmp);
        int i = from;
        int j = from + n1;
        int end1 = from + n1;
        int end2 = from + n;
        int k = 0;
        while (i < end1 && j < end2) {
            if (cmp.compare(b.get(i), b.get(j)) <= 0) {
                tmp.set(k++, b.get(i++));
            } else {
                tmp.set(k++, b.get(j++));
            }
        }
        while (i < end1) {
            tmp.set(k++, b.get(i++));
        }
        // what is left of the second half is already in place
        for (int m = 0; m < k; m++) {
            b.set(from + m, tmp.get(m));
        }
    }
}

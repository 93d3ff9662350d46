package org.jlvs.admin.ipvsadm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.jlvs.core.model.DestConfig;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;
import org.jlvs.core.model.Protocol;
import org.jlvs.core.model.ServiceKey;
import org.junit.jupiter.api.Test;

class OrderTest {
    private static ServiceKey tcp(String addr, int port) {
        return ServiceKey.of(Protocol.TCP, IpAddress.parse(addr), port);
    }

    private static DestConfig dest(String addr, int port) {
        return DestConfig.of(IpAddress.parse(addr), port, Forwarding.MASQ, 1);
    }

    @Test
    void addressesCompareByWrappedDifference() {
        // 192.168.0.1 - 10.0.0.1 is above 2^31, so it reads as negative
        assertTrue(Order.compareServices(tcp("192.168.0.1", 80), tcp("10.0.0.1", 80)) < 0);
        assertTrue(Order.compareServices(tcp("172.16.0.1", 80), tcp("10.0.0.1", 80)) < 0);
        assertTrue(Order.compareServices(tcp("172.16.0.1", 80), tcp("192.168.0.1", 80)) < 0);
        assertTrue(Order.compareServices(tcp("10.0.0.1", 80), tcp("10.0.0.2", 80)) < 0);
        assertTrue(Order.compareServices(tcp("fd00::1", 80), tcp("2001:db8::1", 80)) < 0);
        assertTrue(Order.compareDests(dest("192.168.1.20", 80), dest("10.0.1.3", 80)) < 0);
        assertTrue(Order.compareDests(dest("10.0.1.3", 80), dest("10.0.1.3", 81)) < 0);
    }

    @Test
    void servicesGoByMarkThenFamilyThenProtocol() {
        ServiceKey udp4 = ServiceKey.of(Protocol.UDP, IpAddress.parse("10.0.0.1"), 53);
        ServiceKey tcp6 = tcp("2001:db8::1", 80);
        ServiceKey mark1 = ServiceKey.fwmark(1, false);
        ServiceKey mark1v6 = ServiceKey.fwmark(1, true);
        ServiceKey bigMark = ServiceKey.fwmark(0xFFFF_FFF0, false);
        assertTrue(Order.compareServices(udp4, tcp6) < 0, "every IPv4 service before IPv6 ones");
        assertTrue(Order.compareServices(tcp("10.0.0.9", 80), udp4) < 0, "TCP before UDP");
        assertTrue(Order.compareServices(tcp6, mark1) < 0, "marks after addresses");
        assertTrue(Order.compareServices(mark1, mark1v6) < 0);
        assertTrue(Order.compareServices(bigMark, udp4) < 0, "marks above 2^31 before everything");
    }

    @Test
    void theMergeSortIsStableAndFollowsGlibcsHalves() {
        List<int[]> items = new ArrayList<>();
        for (int[] pair : new int[][] {{3, 0}, {1, 1}, {3, 2}, {2, 3}, {1, 4}}) {
            items.add(pair);
        }
        Order.mergeSort(items, Comparator.comparingInt(a -> a[0]));
        assertEquals("[1, 1][1, 4][2, 3][3, 0][3, 2]",
                String.join("", items.stream().map(Arrays::toString).toList()));
    }

    @Test
    void aCyclicSetComesOutAsGlibcMergesIt() {
        // 10.x < 100.x < 200.x < 10.x under the wrapped difference; the halves fix the result:
        // [10, 100, 200] splits into [10] and [100, 200]; 10 <= 100 is taken first,
        // then 100 and 200 follow as merged. Reversed input gives another order.
        List<DestConfig> d = new ArrayList<>(List.of(dest("10.0.0.1", 80), dest("100.0.0.1", 80),
                dest("200.0.0.1", 80)));
        Order.mergeSort(d, Order.DESTS);
        assertEquals("[10.0.0.1, 100.0.0.1, 200.0.0.1]", d.stream().map(x -> x.address().toString()).toList().toString());
        List<DestConfig> r = new ArrayList<>(List.of(dest("200.0.0.1", 80), dest("100.0.0.1", 80),
                dest("10.0.0.1", 80)));
        Order.mergeSort(r, Order.DESTS);
        // [200] | [100, 10] -> [10, 100] (10 < 100); merge 200 vs 10: 200 > 10? 200-10 = 190<<24 is
        // negative, so 200 comes first; then 200 is gone and [10, 100] follows
        assertEquals("[200.0.0.1, 10.0.0.1, 100.0.0.1]", r.stream().map(x -> x.address().toString()).toList().toString());
    }
}

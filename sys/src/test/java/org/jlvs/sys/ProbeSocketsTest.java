package org.jlvs.sys;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jlvs.sys.libc.Epoll;
import org.jlvs.sys.libc.Errno;
import org.jlvs.sys.probe.IcmpEchoSocket;
import org.jlvs.sys.probe.IcmpError;
import org.jlvs.sys.probe.UdpProbeSocket;
import org.junit.jupiter.api.Test;

/** The probe sockets against the loopback: UDP replies and ICMP errors, ICMP echoes of both kinds. */
class ProbeSocketsTest {
    private static final InetAddress LO = InetAddress.getLoopbackAddress();

    /** Waits for {@code fd} to be ready; the events, or 0 after {@code millis}. */
    private static int await(int fd, int millis) {
        try (Epoll e = Epoll.open(4)) {
            assertEquals(0, e.add(fd, Epoll.EPOLLIN));
            int n = e.await(millis);
            assertTrue(n >= 0, Errno.describe(n));
            return n == 0 ? 0 : e.readyEvents(0);
        }
    }

    @Test
    void aUdpReplyIsReceived() throws Exception {
        try (DatagramSocket echo = new DatagramSocket(0, LO); UdpProbeSocket s = UdpProbeSocket.open(false, 256)) {
            assertEquals(0, s.connect(new InetSocketAddress(LO, echo.getLocalPort())));
            assertEquals(5, s.send("hello".getBytes()));
            DatagramPacket p = new DatagramPacket(new byte[64], 64);
            echo.receive(p);
            echo.send(new DatagramPacket("world!".getBytes(), 6, p.getSocketAddress()));
            assertEquals(Epoll.EPOLLIN, await(s.fd(), 2000));
            byte[] got = new byte[256];
            assertEquals(6, s.receive(got));
            assertEquals("world!", new String(got, 0, 6));
            assertEquals(-Errno.EAGAIN, s.receive(got), "nothing more");
        }
    }

    @Test
    void aClosedPortDrawsPortUnreachableOnTheErrorQueue() throws Exception {
        int port;
        try (DatagramSocket gone = new DatagramSocket(0, LO)) {
            port = gone.getLocalPort();
        }
        try (UdpProbeSocket s = UdpProbeSocket.open(false, 256)) {
            assertEquals(0, s.connect(new InetSocketAddress(LO, port)));
            assertEquals(32, s.send(new byte[32]));
            int ev = await(s.fd(), 2000);
            assertTrue((ev & Epoll.EPOLLERR) != 0, "events " + ev);
            IcmpError e = s.readError();
            assertEquals(new IcmpError(false, 3, 3), e);
            assertTrue(e.destinationUnreachable());
            assertNull(s.readError(), "the queue is empty now");
        }
    }

    @Test
    void rawEchoRequestsToTheLoopbackAreAnswered() throws Exception {
        IcmpEchoSocket s;
        try {
            s = IcmpEchoSocket.open(false, IcmpEchoSocket.Kind.RAW);
        } catch (IllegalStateException e) {
            assumeTrue(false, "no raw sockets here: " + e.getMessage());
            return;
        }
        try (s) {
            byte[] req = echoRequest(0x4a4c, 7);
            assertEquals(req.length, s.send(LO, req));
            assertNotEquals(0, await(s.fd(), 2000));
            byte[] got = new byte[2048];
            InetAddress[] from = new InetAddress[1];
            int n = s.receive(got, from);
            int ihl = (got[0] & 0x0f) * 4;
            assertEquals(20 + req.length, n, "the IP header comes along");
            assertEquals(0, got[ihl], "an echo reply: our own request was filtered out");
            assertArrayEquals(Arrays.copyOfRange(req, 4, req.length), Arrays.copyOfRange(got, ihl + 4, n));
            assertEquals(LO, from[0]);
        }
    }

    @Test
    void datagramPingSocketsWorkWherePingGroupRangeAllows() throws Exception {
        String ns = "jlvs-ping-" + ProcessHandle.current().pid();
        assumeTrue(run("ip", "netns", "add", ns) == 0, "no network namespaces here");
        try {
            assertEquals(0, run("ip", "-n", ns, "link", "set", "lo", "up"));
            assertEquals(0, run("ip", "netns", "exec", ns, "sh", "-c",
                    "echo '0 2147483647' > /proc/sys/net/ipv4/ping_group_range"));
            IcmpEchoSocket s = inNamespace(ns, () -> IcmpEchoSocket.open(false, IcmpEchoSocket.Kind.DATAGRAM));
            try (s) {
                byte[] req = echoRequest(0, 9);  // the kernel sets the identifier and the checksum
                assertEquals(req.length, s.send(LO, req));
                assertNotEquals(0, await(s.fd(), 2000));
                byte[] got = new byte[2048];
                InetAddress[] from = new InetAddress[1];
                assertEquals(req.length, s.receive(got, from), "no IP header");
                assertEquals(0, got[0], "echo reply");
                assertEquals(9, ((got[6] & 0xff) << 8) | (got[7] & 0xff), "our sequence number");
                assertEquals(LO, from[0]);
            }
            // where the range leaves the group out, the kernel refuses such a socket
            assertEquals(0, run("ip", "netns", "exec", ns, "sh", "-c", "echo '1 0' > /proc/sys/net/ipv4/ping_group_range"));
            IllegalStateException refused = null;
            try {
                inNamespace(ns, () -> IcmpEchoSocket.open(false, IcmpEchoSocket.Kind.DATAGRAM)).close();
            } catch (IllegalStateException e) {
                refused = e;
            }
            assertTrue(refused != null && refused.getMessage().startsWith("EACCES"), String.valueOf(refused));
        } finally {
            run("ip", "netns", "del", ns);
        }
    }

    /** An ICMP echo request with a checksum, 16 bytes of payload. */
    static byte[] echoRequest(int id, int seq) {
        byte[] m = new byte[24];
        m[0] = 8;
        m[4] = (byte) (id >> 8);
        m[5] = (byte) id;
        m[6] = (byte) (seq >> 8);
        m[7] = (byte) seq;
        for (int i = 8; i < m.length; i++) {
            m[i] = (byte) ('a' + i);
        }
        long sum = 0;
        for (int i = 0; i < m.length; i += 2) {
            sum += ((m[i] & 0xff) << 8) | (m[i + 1] & 0xff);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        int c = (int) ~sum & 0xffff;
        m[2] = (byte) (c >> 8);
        m[3] = (byte) c;
        return m;
    }

    private static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return p.exitValue();
    }

    interface Opener {
        IcmpEchoSocket open();
    }

    /** Opens a socket from a thread moved into network namespace {@code ns} (setns is per thread). */
    private static IcmpEchoSocket inNamespace(String ns, Opener opener) throws Exception {
        Linker l = Linker.nativeLinker();
        MethodHandle open = l.downcallHandle(l.defaultLookup().find("open").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        MethodHandle setns = l.downcallHandle(l.defaultLookup().find("setns").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try (Arena a = Arena.ofConfined()) {
                int fd = (int) open.invokeExact(a.allocateFrom("/run/netns/" + ns), 0);
                assertTrue(fd >= 0);
                assertEquals(0, (int) setns.invokeExact(fd, 0x40000000));  // CLONE_NEWNET
                result.set(opener.open());
            } catch (Throwable e) {
                result.set(e);
            }
        });
        t.join();
        if (result.get() instanceof IllegalStateException e) {
            throw e;
        }
        if (result.get() instanceof Throwable e) {
            throw new AssertionError(e);
        }
        return (IcmpEchoSocket) result.get();
    }
}

package org.jlvs.sys.libc;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

/** An interface's index, MAC address and MTU by name, through the ioctls on a throwaway socket. */
public final class Interfaces {
    static final long SIOCGIFMTU = 0x8921;
    static final long SIOCGIFHWADDR = 0x8927;
    static final long SIOCGIFINDEX = 0x8933;
    static final long IFREQ = 40;

    private static final MethodHandle IOCTL;

    static {
        Linker l = Linker.nativeLinker();
        IOCTL = l.downcallHandle(l.defaultLookup().find("ioctl").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS),
                Errno.CAPTURE, Linker.Option.firstVariadicArg(2));
    }

    /** What an interface is: index, hardware address, MTU. */
    public record Info(String name, int index, byte[] mac, int mtu) {
    }

    private Interfaces() {
    }

    /** The interface called {@code name}, or an exception saying why not. */
    public static Info lookup(String name) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        if (n.length == 0 || n.length > 15) {
            throw new IllegalArgumentException("bad interface name: " + name);
        }
        int fd = Sockets.socket(Sockets.AF_INET, Sockets.SOCK_DGRAM, 0);
        if (fd < 0) {
            throw new IllegalStateException("socket: " + Errno.describe(fd));
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment req = a.allocate(IFREQ, 8);
            int index = ioctl(fd, SIOCGIFINDEX, req, n, name).get(JAVA_INT, 16);
            int mtu = ioctl(fd, SIOCGIFMTU, req, n, name).get(JAVA_INT, 16);
            byte[] mac = new byte[6];
            MemorySegment.copy(ioctl(fd, SIOCGIFHWADDR, req, n, name), JAVA_BYTE, 18, mac, 0, 6);
            return new Info(name, index, mac, mtu);
        } finally {
            Sockets.close(fd);
        }
    }

    private static MemorySegment ioctl(int fd, long request, MemorySegment req, byte[] name, String text) {
        req.fill((byte) 0);
        MemorySegment.copy(name, 0, req, JAVA_BYTE, 0, name.length);
        MemorySegment st = Errno.state();
        int r;
        try {
            r = Errno.result((int) IOCTL.invokeExact(st, fd, request, req), st);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        if (r < 0) {
            throw new IllegalStateException("interface " + text + ": " + Errno.describe(r));
        }
        return req;
    }
}

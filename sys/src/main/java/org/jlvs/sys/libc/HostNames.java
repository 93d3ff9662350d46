package org.jlvs.sys.libc;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * An address's name as the C library gives it (getnameinfo with NI_NAMEREQD: the hosts file,
 * then DNS, as nsswitch.conf says), with no forward check. The JDK's own reverse lookup also
 * asks whether the name maps back to the address and answers the bare address when it does
 * not; gethostbyaddr, which ipvsadm calls, does not.
 */
public final class HostNames {
    private static final int NI_MAXHOST = 1025;
    private static final int NI_NAMEREQD = 8;
    private static final MethodHandle GETNAMEINFO = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("getnameinfo")
                    .orElseThrow(() -> new UnsatisfiedLinkError("getnameinfo")),
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT));

    private HostNames() {
    }

    /** The name of an IPv4 (4 bytes) or IPv6 (16 bytes) address, or null when it has none. */
    public static String nameOf(byte[] address) {
        try (Arena arena = Arena.ofConfined()) {
            // from the bytes, not an InetAddress: that would turn a v4-mapped IPv6 address into IPv4
            java.nio.ByteBuffer ip = java.nio.ByteBuffer.wrap(address);
            MemorySegment sa = switch (address.length) {
                case 4 -> SockAddr.inet4(arena, ip.getInt(0), 0);
                case 16 -> SockAddr.inet6(arena, ip.getLong(0), ip.getLong(8), 0);
                default -> throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + address.length + " bytes");
            };
            MemorySegment host = arena.allocate(NI_MAXHOST);
            int rc = (int) GETNAMEINFO.invokeExact(sa, (int) sa.byteSize(), host, NI_MAXHOST,
                    MemorySegment.NULL, 0, NI_NAMEREQD);
            return rc == 0 ? host.getString(0) : null;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.jlvs.ha.check;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A network namespace of its own for a test (its loopback up), and a way to open sockets in it:
 * a socket belongs to the namespace of the thread that made it, and setns moves one thread.
 */
final class TestNetns implements AutoCloseable {
    final String name;

    private TestNetns(String name) {
        this.name = name;
    }

    /** A new namespace, or null where namespaces cannot be made (not root). */
    static TestNetns create(String role) throws Exception {
        String n = "jlvs-" + role + "-" + ProcessHandle.current().pid();
        if (run("ip", "netns", "add", n) != 0) {
            return null;
        }
        TestNetns ns = new TestNetns(n);
        assertEquals(0, run("ip", "-n", n, "link", "set", "lo", "up"));
        return ns;
    }

    /** Sets a sysctl of this namespace ({@code net.ipv4.ping_group_range} as "net/ipv4/ping_group_range"). */
    void sysctl(String path, String value) throws Exception {
        assertEquals(0, run("ip", "netns", "exec", name, "sh", "-c", "echo '" + value + "' > /proc/sys/" + path));
    }

    /** Runs {@code what} on a thread inside this namespace; its exception comes back as it was. */
    <T> T inside(Supplier<T> what) {
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                enter();
                out.set(what.get());
            } catch (RuntimeException | Error e) {
                out.set(e);
            }
        });
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (out.get() instanceof RuntimeException e) {
            throw e;
        }
        if (out.get() instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        T result = (T) out.get();
        return result;
    }

    private void enter() {
        Linker l = Linker.nativeLinker();
        MethodHandle open = l.downcallHandle(l.defaultLookup().find("open").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
        MethodHandle setns = l.downcallHandle(l.defaultLookup().find("setns").orElseThrow(),
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
        try (Arena a = Arena.ofConfined()) {
            int fd = (int) open.invokeExact(a.allocateFrom("/run/netns/" + name), 0);
            assertTrue(fd >= 0, "open /run/netns/" + name);
            assertEquals(0, (int) setns.invokeExact(fd, 0x40000000));  // CLONE_NEWNET
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    static int run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return p.exitValue();
    }

    @Override
    public void close() throws Exception {
        run("ip", "netns", "del", name);
    }
}

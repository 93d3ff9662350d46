package org.jlvs.daemon;

import java.util.Map;
import java.util.function.Consumer;

/**
 * What the director needs of a data plane: follow the table after each change, periodic
 * upkeep, a status report, and an orderly stop with a grace period for open connections.
 */
interface DataPlane {
    /** "socket" or "packet", as status shows it. */
    String name();

    /** Called after every table change, on the changing thread. */
    void sync();

    /** Called about once a second from the timer thread. */
    void tick();

    void status(Map<String, String> into);

    void shutdown(long graceMillis, Consumer<String> log);
}

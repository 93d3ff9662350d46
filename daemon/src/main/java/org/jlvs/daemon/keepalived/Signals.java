package org.jlvs.daemon.keepalived;

import sun.misc.Signal;

/**
 * keepalived's signals on the JVM (sun.misc.Signal from jdk.unsupported): HUP, USR1 and USR2 run
 * a handler on a virtual thread, so a long reload never holds the JVM's signal thread. TERM and
 * INT stay the JVM's: they run the shutdown hooks, where jlvsd stops.
 */
final class Signals {

    private Signals() {
    }

    static void on(String name, Runnable action) {
        Signal.handle(new Signal(name), s -> Thread.ofVirtual().name("SIG" + name).start(action));
    }
}

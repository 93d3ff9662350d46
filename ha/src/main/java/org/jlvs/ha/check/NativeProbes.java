package org.jlvs.ha.check;

import java.util.function.Consumer;

import org.jlvs.sys.probe.IcmpEchoSocket;

/**
 * What UDP_CHECK, PING_CHECK and FILE_CHECK need, made on first use and closed with the engine:
 * the poller thread, one ICMP pinger per address family, the track files' watcher. A pinger takes a raw socket when the
 * process may open one (root, CAP_NET_RAW), else Linux's unprivileged ICMP datagram socket
 * (when net.ipv4.ping_group_range holds the process's group); it says once which, and why.
 */
final class NativeProbes implements AutoCloseable {
    /** How the ICMP sockets are opened (tests put a refusal in). */
    interface Opener {
        IcmpEchoSocket open(boolean v6, IcmpEchoSocket.Kind kind);
    }

    private final Consumer<String> log;
    private final Opener opener;
    private NativePoller poller;
    private TrackFileWatcher watcher;
    private final IcmpPinger[] pingers = new IcmpPinger[2];
    private final boolean[] tried = new boolean[2];
    private boolean closed;

    NativeProbes(Consumer<String> log) {
        this(log, IcmpEchoSocket::open);
    }

    NativeProbes(Consumer<String> log, Opener opener) {
        this.log = log;
        this.opener = opener;
    }

    synchronized NativePoller poller() {
        if (closed) {
            throw new IllegalStateException("checkers stopped");
        }
        if (poller == null) {
            poller = new NativePoller(log);
        }
        return poller;
    }

    /** The inotify watcher of FILE_CHECK's track files. */
    synchronized TrackFileWatcher watcher() {
        if (watcher == null) {
            watcher = new TrackFileWatcher(poller());
        }
        return watcher;
    }

    /** The pinger for the family, or null when this process can open no ICMP socket (said once). */
    synchronized IcmpPinger pinger(boolean v6) {
        int i = v6 ? 1 : 0;
        if (tried[i]) {
            return pingers[i];
        }
        tried[i] = true;
        String family = v6 ? "ICMPv6" : "ICMP";
        IcmpEchoSocket s;
        try {
            s = opener.open(v6, IcmpEchoSocket.Kind.RAW);
        } catch (IllegalStateException raw) {
            try {
                s = opener.open(v6, IcmpEchoSocket.Kind.DATAGRAM);
                log.accept("PING_CHECK: no raw " + family + " socket (" + raw.getMessage()
                        + ": jlvsd is not root and has no CAP_NET_RAW); pinging through an " + family
                        + " datagram socket (net.ipv4.ping_group_range)");
            } catch (IllegalStateException dgram) {
                log.accept("PING_CHECK: no " + family + " socket: raw " + raw.getMessage()
                        + " (jlvsd is not root and has no CAP_NET_RAW), datagram " + dgram.getMessage()
                        + " (gid " + gid() + " is outside net.ipv4.ping_group_range); PING_CHECKs cannot run");
                return null;
            }
        }
        pingers[i] = new IcmpPinger(s, poller());
        return pingers[i];
    }

    private static String gid() {
        try {
            return String.valueOf(java.nio.file.Files.getAttribute(java.nio.file.Path.of("/proc/self"), "unix:gid"));
        } catch (java.io.IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "?";
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (IcmpPinger p : pingers) {
            if (p != null) {
                p.close();
            }
        }
        if (watcher != null) {
            watcher.close();
        }
        if (poller != null) {
            poller.close();
        }
    }
}

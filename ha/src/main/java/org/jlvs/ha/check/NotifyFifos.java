package org.jlvs.ha.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.jlvs.admin.keepalived.GlobalDefs;
import org.jlvs.admin.keepalived.Script;
import org.jlvs.sys.libc.Errno;
import org.jlvs.sys.libc.Fifo;

/**
 * keepalived's notify_fifo and lvs_notify_fifo, as its checker process keeps them: each made
 * (mode 0644) when missing and then removed at the end, opened read-write and non-blocking, so
 * that no reader is needed and a reader that falls behind loses lines rather than stalling the
 * checks. Every event line ({@code VS <vs> UP}, {@code RS <rs> <vs> DOWN}) goes to both. A
 * notify_fifo_script, the fifo's reader, runs from just before its fifo opens until it closes,
 * and then gets SIGTERM as keepalived sends it.
 */
final class NotifyFifos implements AutoCloseable {
    /** An open fifo, and the reader script started for it (null when none). */
    private record Open(String path, int fd, boolean created, Process script) {
    }

    static final NotifyFifos NONE = new NotifyFifos(null, null, null, null, List.of());

    private final String global;
    private final String lvs;
    private final Script globalScript;
    private final Script lvsScript;
    private final List<Open> open;

    private NotifyFifos(String global, String lvs, Script globalScript, Script lvsScript, List<Open> open) {
        this.global = global;
        this.lvs = lvs;
        this.globalScript = globalScript;
        this.lvsScript = lvsScript;
        this.open = open;
    }

    /**
     * Opens the fifos {@code g} names, each after starting its notify_fifo_script (the fifo's
     * path added as its last argument), logging as keepalived does what it cannot make or open.
     */
    static NotifyFifos open(GlobalDefs g, Scripts scripts, Consumer<String> log) {
        if (g.notifyFifo() == null && g.lvsNotifyFifo() == null) {
            return NONE;
        }
        List<Open> open = new ArrayList<>(2);
        openOne(g.notifyFifo(), g.notifyFifoScript(), "", scripts, log, open);
        openOne(g.lvsNotifyFifo(), g.lvsNotifyFifoScript(), "lvs_", scripts, log, open);
        return new NotifyFifos(g.notifyFifo(), g.lvsNotifyFifo(), g.notifyFifoScript(), g.lvsNotifyFifoScript(),
                List.copyOf(open));
    }

    private static void openOne(String path, Script script, String type, Scripts scripts, Consumer<String> log,
                                List<Open> into) {
        if (path == null) {
            return;
        }
        int made = Fifo.make(path, 0644);
        if (made != 0 && made != -Errno.EEXIST) {
            log.accept("Unable to create " + type + "notify fifo " + path);
            return;
        }
        Process reader = null;
        if (script != null && !scripts.secure(script)) {
            log.accept("Disabling notify script " + script.command() + " due to insecure");
        } else if (script != null) {
            List<String> argv = new ArrayList<>(script.argv());
            argv.add(path);
            reader = scripts.startKept(new Script(script.command() + " " + path, argv, script.user(), script.group()));
            if (reader == null) {
                log.accept("Couldn't exec FIFO command: " + script.command());
            }
        }
        int fd = Fifo.open(path);
        if (fd < 0) {
            log.accept("Unable to open " + type + "notify fifo " + path + " - errno " + -fd);
            if (made == 0) {
                Fifo.unlink(path);
            }
            if (reader != null) {
                Scripts.stop(reader);
            }
            return;
        }
        into.add(new Open(path, fd, made == 0, reader));
    }

    /** Whether {@code g} names the same fifos (a reload then keeps these open). */
    boolean same(GlobalDefs g) {
        return Objects.equals(global, g.notifyFifo()) && Objects.equals(lvs, g.lvsNotifyFifo())
                && Objects.equals(globalScript, g.notifyFifoScript()) && Objects.equals(lvsScript, g.lvsNotifyFifoScript());
    }

    /** One event line; dropped when a fifo is full. */
    void write(String line) {
        if (open.isEmpty()) {
            return;
        }
        String l = line + "\n";
        for (Open o : open) {
            Fifo.write(o.fd, l);
        }
    }

    @Override
    public void close() {
        for (Open o : open) {
            // removed first, so that a reader that reopens it on EOF cannot find this one again
            if (o.created) {
                Fifo.unlink(o.path);
            }
            Fifo.close(o.fd);
            if (o.script != null) {
                Scripts.stop(o.script);
            }
        }
    }
}

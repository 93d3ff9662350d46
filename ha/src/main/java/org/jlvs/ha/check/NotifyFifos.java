package org.jlvs.ha.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.jlvs.admin.keepalived.GlobalDefs;
import org.jlvs.sys.libc.Fifo;

/**
 * keepalived's notify_fifo and lvs_notify_fifo, as its checker process keeps them: each made
 * (mode 0644) when missing and then removed at the end, opened read-write and non-blocking, so
 * that no reader is needed and a reader that falls behind loses lines rather than stalling the
 * checks. Every event line ({@code VS <vs> UP}, {@code RS <rs> <vs> DOWN}) goes to both.
 */
final class NotifyFifos implements AutoCloseable {
    private record Open(String path, int fd, boolean created) {
    }

    static final NotifyFifos NONE = new NotifyFifos(null, null, List.of());

    private final String global;
    private final String lvs;
    private final List<Open> open;

    private NotifyFifos(String global, String lvs, List<Open> open) {
        this.global = global;
        this.lvs = lvs;
        this.open = open;
    }

    /** Opens the fifos {@code g} names, logging as keepalived does those it cannot make or open. */
    static NotifyFifos open(GlobalDefs g, Consumer<String> log) {
        if (g.notifyFifo() == null && g.lvsNotifyFifo() == null) {
            return NONE;
        }
        List<Open> open = new ArrayList<>(2);
        openOne(g.notifyFifo(), "", log, open);
        openOne(g.lvsNotifyFifo(), "lvs_", log, open);
        return new NotifyFifos(g.notifyFifo(), g.lvsNotifyFifo(), List.copyOf(open));
    }

    private static void openOne(String path, String type, Consumer<String> log, List<Open> into) {
        if (path == null) {
            return;
        }
        int made = Fifo.make(path, 0644);
        if (made != 0 && made != -Fifo.EEXIST) {
            log.accept("Unable to create " + type + "notify fifo " + path);
            return;
        }
        int fd = Fifo.open(path);
        if (fd < 0) {
            log.accept("Unable to open " + type + "notify fifo " + path + " - errno " + -fd);
            if (made == 0) {
                Fifo.unlink(path);
            }
            return;
        }
        into.add(new Open(path, fd, made == 0));
    }

    /** Whether {@code g} names the same fifos (a reload then keeps these open). */
    boolean same(GlobalDefs g) {
        return Objects.equals(global, g.notifyFifo()) && Objects.equals(lvs, g.lvsNotifyFifo());
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
        }
    }
}

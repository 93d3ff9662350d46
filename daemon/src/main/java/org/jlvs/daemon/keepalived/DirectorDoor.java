package org.jlvs.daemon.keepalived;

import java.util.ArrayList;
import java.util.List;

import org.jlvs.admin.control.Response;
import org.jlvs.core.table.Command;
import org.jlvs.daemon.Director;
import org.jlvs.ha.check.TableDoor;

/**
 * The checkers' door onto the director. The director stops a batch at its first refusal; the
 * checkers, like keepalived after an IPVS error, go on with the rest. As keepalived's ipvs_talk,
 * an edit of a realserver that is not in the table (someone deleted it with ipvsadm) adds it.
 */
final class DirectorDoor implements TableDoor {
    private final Director director;

    DirectorDoor(Director director) {
        this.director = director;
    }

    @Override
    public List<String> apply(List<Command> commands) {
        List<Command> todo = new ArrayList<>(commands);
        List<String> refused = new ArrayList<>();
        int from = 0;
        while (from < todo.size()) {
            Response r = director.apply(todo.subList(from, todo.size()));
            if (r.ok()) {
                break;
            }
            int failed = from + Math.max(0, r.failedIndex());
            if (todo.get(failed) instanceof Command.EditDest e && "ENOENT".equals(r.errno())) {
                todo.set(failed, new Command.AddDest(e.service(), e.dest()));
                from = failed;
                continue;
            }
            refused.add(todo.get(failed) + ": " + r.message());
            from = failed + 1;
        }
        return refused;
    }
}

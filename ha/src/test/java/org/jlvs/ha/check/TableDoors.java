package org.jlvs.ha.check;

import java.util.ArrayList;
import java.util.List;

import org.jlvs.core.table.Command;
import org.jlvs.core.table.IpvsException;
import org.jlvs.core.table.IpvsTable;

/** A door straight onto a table, for engine tests. */
final class TableDoors {
    private TableDoors() {
    }

    static TableDoor of(IpvsTable table) {
        return commands -> {
            List<String> refused = new ArrayList<>();
            for (Command c : commands) {
                try {
                    table.apply(c);
                } catch (IpvsException e) {
                    refused.add(c + ": " + e.getMessage());
                }
            }
            return refused;
        };
    }
}

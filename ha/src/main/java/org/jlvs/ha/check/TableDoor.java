package org.jlvs.ha.check;

import java.util.List;

import org.jlvs.core.table.Command;

/** Where the policy's commands go: the director's one door for table changes. */
@FunctionalInterface
public interface TableDoor {

    /**
     * Applies the commands in order. A refused command does not stop the rest (keepalived goes on
     * after an IPVS error too); each refusal comes back as "command: reason".
     */
    List<String> apply(List<Command> commands);
}

package org.jlvs.admin.control;

import java.util.List;

import org.jlvs.core.table.Command;

/**
 * A message to the director's control socket.
 *
 * @param op what is asked: {@code apply}, {@code snapshot}, {@code connections}, {@code status},
 *           {@code tunables}, {@code set-tunable}, {@code shutdown}
 */
public record Request(String op, List<Command> commands, String name, String value) {
    public static Request of(String op) {
        return new Request(op, List.of(), null, null);
    }

    public static Request apply(List<Command> commands) {
        return new Request("apply", commands, null, null);
    }

    public static Request setTunable(String name, String value) {
        return new Request("set-tunable", List.of(), name, value);
    }
}

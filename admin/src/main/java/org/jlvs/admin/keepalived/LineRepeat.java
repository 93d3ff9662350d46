package org.jlvs.admin.keepalived;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A line that keepalived repeats (lib/parser.c): {@code ~SEQ(var, start, step, end) text} or
 * {@code ~LST(var, v1, v2...) text}. Each turn first sets the definitions (as {@code $var=value}
 * would), then reads {@code text} as a line of its own, so {@code $var} expands in it and the
 * text may itself be another {@code ~SEQ}, which then runs to its end before this one goes on.
 */
sealed interface LineRepeat permits SeqRepeat, LstRepeat {

    /** One definition a turn sets. */
    record Binding(String name, String value) {
    }

    /** What one turn sets and the line it then reads. */
    record Turn(List<Binding> bindings, String text) {
    }

    /** Why a {@code ~SEQ}/{@code ~LST} line cannot be read: keepalived's messages, in order. */
    final class Invalid extends Exception {
        private final List<String> messages;

        Invalid(List<String> messages) {
            super(String.join("; ", messages), null, false, false);
            this.messages = List.copyOf(messages);
        }

        List<String> messages() {
            return messages;
        }
    }

    boolean hasNext();

    Turn next();

    /** Whether the line is one keepalived repeats (it starts with ~SEQ or ~LST). */
    static boolean is(String line) {
        return line.startsWith("~SEQ") || line.startsWith("~LST");
    }

    /**
     * Reads a {@code ~SEQ} or {@code ~LST} line; {@code expand} replaces the definitions in the
     * parameters of a {@code ~SEQ} (keepalived expands those at once, the text at each turn).
     */
    static LineRepeat parse(String line, UnaryOperator<String> expand) throws Invalid {
        return line.startsWith("~SEQ") ? SeqRepeat.parse(line, expand) : LstRepeat.parse(line);
    }
}

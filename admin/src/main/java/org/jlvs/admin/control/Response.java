package org.jlvs.admin.control;

import java.util.List;
import java.util.Map;

import org.jlvs.core.table.TableSnapshot;

/**
 * The director's answer. {@code ok} false carries the kernel errno name and message of the
 * first refused command ({@code failedIndex}); commands before it were applied.
 */
public record Response(boolean ok, String errno, String message, int failedIndex,
                       TableSnapshot snapshot, List<ConnEntry> connections, Map<String, String> values) {

    public static Response success() {
        return new Response(true, null, null, -1, null, null, null);
    }

    public static Response error(String errno, String message, int index) {
        return new Response(false, errno, message, index, null, null, null);
    }

    public static Response of(TableSnapshot s) {
        return new Response(true, null, null, -1, s, null, null);
    }

    public static Response ofConnections(List<ConnEntry> c) {
        return new Response(true, null, null, -1, null, c, null);
    }

    public static Response ofValues(Map<String, String> v) {
        return new Response(true, null, null, -1, null, null, v);
    }
}

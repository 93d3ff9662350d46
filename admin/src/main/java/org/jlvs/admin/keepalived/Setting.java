package org.jlvs.admin.keepalived;

import java.util.List;

/** A keyword line kept as it was written, for parts JLVS reads but does not act on yet. */
public record Setting(Origin at, String keyword, List<String> args) {

    public Setting {
        args = List.copyOf(args);
    }
}

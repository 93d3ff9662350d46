package org.jlvs.admin.keepalived;

import java.util.List;

/**
 * A command keepalived runs (MISC_CHECK, notify_up/down, quorum_up/down): the command as written,
 * the argv it splits into (shell-like quoting; nothing is appended), and the user and group to
 * run it as (null: the default script user).
 */
public record Script(String command, List<String> argv, String user, String group) {

    public Script {
        argv = List.copyOf(argv);
    }
}

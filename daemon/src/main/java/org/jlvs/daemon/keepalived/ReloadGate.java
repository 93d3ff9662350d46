package org.jlvs.daemon.keepalived;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jlvs.admin.keepalived.Diagnostic;
import org.jlvs.admin.keepalived.KeepalivedConf;
import org.jlvs.admin.keepalived.Severity;

/**
 * Whether a re-read file may replace the running one. It may not when it cannot be read, or
 * when it has configuration errors the running file did not have (a typo, a stray brace): a bad
 * edit is reported and the running table stays. Errors the running file already had (fix-ups
 * keepalived applies and runs with) do not block a reload.
 */
final class ReloadGate {

    private ReloadGate() {
    }

    /** null when the new file may be applied, else why not. */
    static String refusal(KeepalivedConf.Loaded running, KeepalivedConf.Loaded next) {
        if (next.worst() == Severity.FATAL) {
            return "the file cannot be read: " + first(next, Severity.FATAL);
        }
        Set<String> known = new HashSet<>();
        for (Diagnostic d : running.diagnostics()) {
            known.add(d.message());
        }
        List<String> fresh = new ArrayList<>();
        for (Diagnostic d : next.diagnostics()) {
            if (d.severity() == Severity.ERROR && !known.contains(d.message())) {
                fresh.add(d.toString());
            }
        }
        return fresh.isEmpty() ? null : "new configuration errors: " + String.join("; ", fresh);
    }

    private static String first(KeepalivedConf.Loaded l, Severity s) {
        return l.diagnostics().stream().filter(d -> d.severity() == s).map(Diagnostic::toString).findFirst().orElse("");
    }
}

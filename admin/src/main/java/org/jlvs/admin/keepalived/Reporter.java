package org.jlvs.admin.keepalived;

import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of one load, in the order they were found. */
final class Reporter {
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    void warning(Origin at, String message) {
        diagnostics.add(new Diagnostic(at, Severity.WARNING, message));
    }

    void security(Origin at, String message) {
        diagnostics.add(new Diagnostic(at, Severity.SECURITY, message));
    }

    void error(Origin at, String message) {
        diagnostics.add(new Diagnostic(at, Severity.ERROR, message));
    }

    void fatal(Origin at, String message) {
        diagnostics.add(new Diagnostic(at, Severity.FATAL, message));
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}

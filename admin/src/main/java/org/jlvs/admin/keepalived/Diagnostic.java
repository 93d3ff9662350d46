package org.jlvs.admin.keepalived;

/** One remark about a configuration: where, how serious, and what. */
public record Diagnostic(Origin at, Severity severity, String message) {

    /** {@code file:line: message}, the form editors and grep understand. */
    @Override
    public String toString() {
        return at + ": " + message;
    }
}

package org.jlvs.admin.keepalived;

/**
 * How much a diagnostic matters, ordered from the least to the most serious. The order follows
 * keepalived's config_err_t so that {@code -t} can pick its exit status from the worst one.
 */
public enum Severity {
    /** JLVS's own remark: a part of the file is kept but not used (yet), or is skipped on purpose. */
    WARNING,
    /** Scripts would run without {@code enable_script_security} (keepalived's CONFIG_SECURITY_ERROR). */
    SECURITY,
    /** keepalived reports a configuration error, fixes it up or ignores the line, and still runs. */
    ERROR,
    /** The configuration cannot be run at all (the file cannot be read). */
    FATAL
}

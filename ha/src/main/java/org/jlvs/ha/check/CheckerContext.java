package org.jlvs.ha.check;

/**
 * What a checker's epilog sees and says, bound to one checker and called under the engine's
 * lock: the checker's state as keepalived's checker code reads it ({@code is_up},
 * {@code has_run}), the settled results it reports, and the log.
 */
interface CheckerContext {

    boolean isUp();

    boolean hasRun();

    /** keepalived's {@code checker->has_run = true} outside a state change. */
    void markRun();

    /** update_svr_checker_state: the checker is settled up or down. */
    void report(boolean up);

    /** A MISC_CHECK success status (0, or 2..255 under misc_dynamic): the weight it implies (update_svr_wgt). */
    void scriptWeight(int status);

    /** A MISC_CHECK failure settled with this exit status. */
    void scriptFailed(int status);

    /** A FILE_CHECK's file holds this number now (0 when it is gone). */
    void fileValue(long value);

    /** A checker-process log line, word for word. */
    void log(String line);

    /** checker_log_all_failures (global) or the checker's log_all_failures. */
    boolean logAllFailures();

    /** keepalived's FMT_CHK: the real server as {@code [addr]:proto:port}. */
    String name();

    /** keepalived's FMT_VS. */
    String vsName();
}

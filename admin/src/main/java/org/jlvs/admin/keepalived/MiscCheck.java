package org.jlvs.admin.keepalived;

import java.time.Duration;

/**
 * {@code MISC_CHECK}: a script; exit 0 is success. With {@code dynamic}, exit 1 is failure and
 * 2..255 is success with the real server's weight set to status - 2.
 * keepalived drops the checker at start when the script is missing or not executable (the real
 * server then has no checker and stays up); that is the checker engine's decision, not the parser's.
 *
 * @param timeout the script's time limit: misc_timeout, else the virtual server's delay_loop
 */
public record MiscCheck(Origin at, CheckerOptions options, Script script, Duration timeout, boolean dynamic)
        implements Checker {

    @Override
    public String keyword() {
        return "MISC_CHECK";
    }
}

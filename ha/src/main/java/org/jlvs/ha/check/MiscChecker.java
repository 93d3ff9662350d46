package org.jlvs.ha.check;

import java.time.Duration;

import org.jlvs.admin.keepalived.MiscCheck;

/**
 * MISC_CHECK (check_misc.c): a script; exit 0 is success. Under misc_dynamic, exit 1 is failure
 * and 2..255 success with the weight set to status - 2. A failure while up is retried
 * {@code retry} times (default 0); a script past misc_timeout is killed and counts as failed.
 * The next run is timed from the start of this one.
 */
final class MiscChecker implements HealthChecker<MiscChecker.Attempt> {

    /** One run of the script, and when it started. */
    record Attempt(Scripts.Exit exit, long startNanos) {
    }

    private final MiscCheck config;
    private final Scripts scripts;
    private int retryIt;

    MiscChecker(MiscCheck config, Scripts scripts) {
        this.config = config;
        this.scripts = scripts;
    }

    @Override
    public Attempt attempt() throws InterruptedException {
        long start = System.nanoTime();
        return new Attempt(scripts.run(config.script(), Math.max(1, config.timeout().toMillis())), start);
    }

    @Override
    public Duration settle(Attempt a, CheckerContext ctx) {
        int status = a.exit().status();
        int retry = config.options().retry();
        boolean success = false;
        boolean messageOnly = false;
        String type = null;
        String reason = null;
        if (!a.exit().timedOut() && (status == 0 || (config.dynamic() && status >= 2 && status <= 255))) {
            ctx.scriptWeight(status);
            if (!ctx.isUp() || !ctx.hasRun()) {
                type = "succeeded";
                success = true;
            }
            retryIt = 0;
        } else if (ctx.isUp() || !ctx.hasRun()) {
            if (a.exit().timedOut()) {
                type = "timed out";
            } else {
                type = "failed";
                reason = "exited with status " + status;
            }
            if (retryIt < retry) {
                retryIt++;
                if (ctx.logAllFailures()) {
                    messageOnly = true;
                } else {
                    type = null;
                }
            } else {
                retryIt = 0;
            }
        }
        if (type != null) {
            String after = !success && retry > 0 ? " after " + retry + " retries" : "";
            ctx.log("Misc check for [" + ctx.name() + " VS " + ctx.vsName() + "] by [" + config.script().argv().getFirst()
                    + "] " + type + after + (reason != null ? " (" + reason + ")" : "") + ".");
            if (!messageOnly) {
                if (success) {
                    ctx.report(true);
                } else if (a.exit().timedOut()) {
                    ctx.report(false);
                } else {
                    ctx.scriptFailed(status);
                }
            }
        }
        ctx.markRun();
        Duration interval = retryIt > 0 ? config.options().delayBeforeRetry() : config.options().delayLoop();
        Duration left = interval.minusNanos(System.nanoTime() - a.startNanos());
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public int retryIt() {
        return retryIt;
    }

    @Override
    public void retryIt(int n) {
        retryIt = n;
    }
}

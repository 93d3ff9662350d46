package org.jlvs.ha.check;

import java.time.Duration;

import org.jlvs.admin.keepalived.CheckerOptions;

/**
 * keepalived's udp_epilog and icmp_epilog (check_udp.c, check_ping.c): a success, or a failure
 * once the retries are spent, settles the checker (logging when that changes its state); a
 * failure while up with retries left tries again after delay_before_retry.
 */
final class RetryEpilog {

    /** The checker's own words for the two lines it logs. */
    interface Lines {
        String success(CheckerContext ctx);

        /** {@code retry} is 0 when the failure came without retries (at start, or retry 0). */
        String failed(CheckerContext ctx, int retry);
    }

    private final CheckerOptions options;
    private final Lines lines;
    private int retryIt;

    RetryEpilog(CheckerOptions options, Lines lines) {
        this.options = options;
        this.lines = lines;
    }

    Duration settle(boolean success, CheckerContext ctx) {
        Duration delay = options.delayLoop();
        int retry = options.retry();
        if (success || ((ctx.isUp() || !ctx.hasRun()) && retryIt >= retry)) {
            retryIt = 0;
            if (success && (!ctx.isUp() || !ctx.hasRun())) {
                ctx.log(lines.success(ctx));
                ctx.report(true);
            } else if (!success && (ctx.isUp() || !ctx.hasRun())) {
                ctx.log(lines.failed(ctx, ctx.hasRun() ? retry : 0));
                ctx.report(false);
            }
        } else if (ctx.isUp()) {
            delay = options.delayBeforeRetry();
            retryIt++;
        }
        ctx.markRun();
        return delay;
    }

    int retryIt() {
        return retryIt;
    }

    void retryIt(int n) {
        retryIt = n;
    }
}

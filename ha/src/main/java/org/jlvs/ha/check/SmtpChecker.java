package org.jlvs.ha.check;

import java.time.Duration;
import java.util.List;

import org.jlvs.admin.keepalived.SmtpCheck;

/**
 * SMTP_CHECK (check_smtp.c): the HELO conversation with each endpoint in turn, the real server
 * itself (or the block's connect_ip/connect_port) and then each legacy {@code host} block. An
 * endpoint that fails is retried after delay_before_retry, {@code retry} times; then the
 * checker is down. It is up once every endpoint has passed in one round. (keepalived makes one
 * checker per host block; one checker over all of them moves the real server the same way.)
 */
final class SmtpChecker implements HealthChecker<String> {

    private final SmtpCheck config;
    private final List<Target> endpoints;
    private int index;
    private int retryIt;
    private boolean roundStart = true;

    SmtpChecker(SmtpCheck config, List<Target> endpoints) {
        this.config = config;
        this.endpoints = List.copyOf(endpoints);
    }

    @Override
    public String attempt() {
        return SmtpDialogue.talk(endpoints.get(index), config.heloName());
    }

    @Override
    public Duration settle(String error, CheckerContext ctx) {
        if (roundStart) {
            retryIt = 0;  // smtp_start_check_thread
            roundStart = false;
        }
        if (SmtpDialogue.BIND_FAILED.equals(error)) {
            ctx.log("SMTP_CHECK socket bind failed. Rescheduling.");
            return nextRound();
        }
        int retry = config.options().retry();
        if (error != null) {
            if ((ctx.isUp() || !ctx.hasRun()) && (ctx.logAllFailures() || retryIt >= retry)) {
                ctx.log("SMTP_CHECK " + error);
            }
            if (++retryIt <= retry) {
                return config.options().delayBeforeRetry();
            }
            if (ctx.isUp() || !ctx.hasRun()) {
                ctx.report(false);
            }
            return nextRound();
        }
        retryIt = 0;
        if (++index < endpoints.size()) {
            return Duration.ZERO;
        }
        if (!ctx.isUp() || !ctx.hasRun()) {
            ctx.log("Remote SMTP server " + ctx.name() + " succeed on service.");
            ctx.report(true);
        }
        ctx.markRun();
        return nextRound();
    }

    private Duration nextRound() {
        index = 0;
        roundStart = true;
        return config.options().delayLoop();
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

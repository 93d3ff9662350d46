package org.jlvs.ha.check;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;

import org.jlvs.admin.http.Connector;
import org.jlvs.admin.keepalived.CheckerOptions;

/**
 * TCP_CHECK (check_tcp.c): success is a TCP connect that completes within connect_timeout.
 * A failure while up is retried after delay_before_retry until {@code retry} extra attempts are
 * spent; a success settles at once.
 */
final class TcpChecker implements HealthChecker<TcpChecker.Attempt>, ConnectOnly<TcpChecker.Attempt> {

    enum Attempt { SUCCESS, TIMEOUT, FAILED, BIND_FAILED }

    private final Target target;
    private final CheckerOptions options;
    private int retryIt;

    TcpChecker(Target target, CheckerOptions options) {
        this.target = target;
        this.options = options;
    }

    @Override
    public Target target() {
        return target;
    }

    @Override
    public Attempt outcome(Connector.Failure failure) {
        if (failure == null) {
            return Attempt.SUCCESS;
        }
        return switch (failure) {
            case TIMEOUT -> Attempt.TIMEOUT;
            case ERROR -> Attempt.FAILED;
            case BIND -> Attempt.BIND_FAILED;
        };
    }

    /** The same connect, blocking (the scheduler does it on its selector instead). */
    @Override
    @SuppressWarnings("try")
    public Attempt attempt() {
        try (Socket s = Connector.connect(target.to(), target.from(), target.timeout())) {
            return Attempt.SUCCESS;
        } catch (Connector.ConnectException e) {
            return outcome(e.failure());
        } catch (IOException e) {
            return Attempt.SUCCESS;  // the connect completed; only the close complained
        }
    }

    @Override
    public Duration settle(Attempt a, CheckerContext ctx) {
        switch (a) {
            case BIND_FAILED -> {
                ctx.log("TCP socket bind failed. Rescheduling.");
                return options.delayLoop();
            }
            case TIMEOUT, FAILED -> {
                if (ctx.isUp() && ctx.logAllFailures()) {
                    ctx.log("TCP connection to " + ctx.name() + (a == Attempt.TIMEOUT ? " timeout." : " failed."));
                }
            }
            case SUCCESS -> {
            }
        }
        return epilog(a == Attempt.SUCCESS, ctx);
    }

    /** tcp_epilog: settle on success or once the retries are spent, else try again soon. */
    private Duration epilog(boolean success, CheckerContext ctx) {
        Duration delay;
        int retry = options.retry();
        if (success || retryIt >= retry) {
            delay = options.delayLoop();
            retryIt = 0;
            if (success && (!ctx.isUp() || !ctx.hasRun())) {
                ctx.log("TCP connection to " + ctx.name() + " success.");
                ctx.report(true);
            } else if (!success && (ctx.isUp() || !ctx.hasRun())) {
                ctx.log(retry > 0 && ctx.hasRun()
                        ? "TCP_CHECK on service " + ctx.name() + " failed after " + retry + " retries."
                        : "TCP_CHECK on service " + ctx.name() + " failed.");
                ctx.report(false);
            }
        } else {
            delay = options.delayBeforeRetry();
            retryIt++;
        }
        ctx.markRun();
        return delay;
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

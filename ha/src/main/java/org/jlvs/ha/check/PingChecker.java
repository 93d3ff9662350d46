package org.jlvs.ha.check;

import java.net.Inet6Address;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jlvs.admin.keepalived.PingCheck;

/**
 * PING_CHECK (check_ping.c): an ICMP (ICMPv6) echo request to the server, passed by its echo
 * reply within connect_timeout. Retries as UDP_CHECK's. Without any ICMP socket the check is
 * rescheduled as keepalived does when it cannot create one, and the server keeps its state.
 */
final class PingChecker implements HealthChecker<PingChecker.Attempt> {

    enum Attempt { SUCCESS, TIMEOUT, SEND_FAILED, NO_SOCKET }

    private final PingCheck check;
    private final Target target;
    private final NativeProbes probes;
    private final RetryEpilog epilog;

    PingChecker(PingCheck check, Target target, NativeProbes probes) {
        this.check = check;
        this.target = target;
        this.probes = probes;
        this.epilog = new RetryEpilog(check.options(), new RetryEpilog.Lines() {
            @Override
            public String success(CheckerContext ctx) {
                return "ICMP connection to " + ctx.name() + " success.";
            }

            @Override
            public String failed(CheckerContext ctx, int retry) {
                return retry > 0 ? "ICMP CHECK on service " + ctx.name() + " of " + ctx.vsName() + " failed after "
                        + retry + " retries." : "ICMP CHECK on service " + ctx.name() + " failed.";
            }
        });
    }

    private boolean v6() {
        return target.to().getAddress() instanceof Inet6Address;
    }

    @Override
    public Attempt attempt() throws InterruptedException {
        IcmpPinger pinger = probes.pinger(v6());
        if (pinger == null) {
            return Attempt.NO_SOCKET;
        }
        IcmpPinger.Echo echo = pinger.send(target.to().getAddress());
        if (echo == null) {
            return Attempt.SEND_FAILED;
        }
        try {
            echo.reply().get(target.timeout().toNanos(), TimeUnit.NANOSECONDS);
            return Attempt.SUCCESS;
        } catch (TimeoutException e) {
            return Attempt.TIMEOUT;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pinger.forget(echo);
        }
    }

    @Override
    public Duration settle(Attempt a, CheckerContext ctx) {
        switch (a) {
            case NO_SOCKET -> {
                ctx.log("ICMP" + (v6() ? "v6" : "") + " connect fail to create socket. Rescheduling.");
                return check.options().delayLoop();
            }
            case SEND_FAILED -> ctx.log(v6() ? "send ICMPv6 packet fail" : "send ICMP packet fail");
            case TIMEOUT -> {
                if (ctx.isUp() && ctx.logAllFailures()) {
                    ctx.log("ICMP connection to address " + ctx.name() + " timeout.");
                }
            }
            case SUCCESS -> {
            }
        }
        return epilog.settle(a == Attempt.SUCCESS, ctx);
    }

    @Override
    public int retryIt() {
        return epilog.retryIt();
    }

    @Override
    public void retryIt(int n) {
        epilog.retryIt(n);
    }
}

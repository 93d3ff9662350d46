package org.jlvs.ha.check;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jlvs.admin.keepalived.DnsCheck;

/**
 * DNS_CHECK (check_dns.c): a UDP query with recursion desired; a reply with the same id, QR set
 * and RCODE 0 passes (an empty answer still passes). A failure while up is retried after
 * delay_before_retry (default: delay_loop), {@code retry} times (default 3).
 */
final class DnsChecker implements HealthChecker<DnsChecker.Attempt> {

    /** null error: passed. {@code bindFailed}: the source address could not be bound. */
    record Attempt(String error, boolean bindFailed) {
        static final Attempt OK = new Attempt(null, false);
    }

    private final DnsCheck config;
    private final Target target;
    private int retryIt;

    DnsChecker(DnsCheck config, Target target) {
        this.config = config;
        this.target = target;
    }

    @Override
    public Attempt attempt() {
        int id = ThreadLocalRandom.current().nextInt(0x10000);
        byte[] query = DnsQuery.encode(id, config.name(), DnsQuery.type(config.type()));
        DatagramSocket s;
        try {
            s = new DatagramSocket(null);
            if (target.from() != null) {
                try {
                    s.bind(target.from());
                } catch (SocketException e) {
                    s.close();
                    return new Attempt(null, true);
                }
            }
        } catch (SocketException e) {
            return new Attempt("failed to create socket.", false);
        }
        try (s) {
            s.connect(target.to());
            try {
                s.send(new DatagramPacket(query, query.length));
            } catch (IOException e) {
                return new Attempt("failed to write socket.", false);
            }
            long deadline = System.nanoTime() + target.timeout().toNanos();
            byte[] buf = new byte[4096];
            while (true) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return new Attempt("read timeout from socket", false);
                }
                s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    s.receive(p);
                } catch (SocketTimeoutException e) {
                    return new Attempt("read timeout from socket", false);
                } catch (PortUnreachableException e) {
                    return new Attempt("failed to read socket; errno 111 (Connection refused)", false);
                } catch (IOException e) {
                    return new Attempt("failed to read socket; errno 0 (" + e.getMessage() + ")", false);
                }
                switch (DnsQuery.judge(p.getData(), p.getLength(), id)) {
                    case OK -> {
                        return Attempt.OK;
                    }
                    case ERROR -> {
                        return new Attempt("read error occurred. (rcode = " + DnsQuery.rcode(p.getData()) + ")", false);
                    }
                    case IGNORE -> {
                    }
                }
            }
        } catch (IOException e) {
            return new Attempt("connection error.", false);
        }
    }

    @Override
    public Duration settle(Attempt a, CheckerContext ctx) {
        if (a.bindFailed()) {
            ctx.log("DNS_CHECK (" + ctx.name() + ") UDP socket bind failed. Rescheduling.");
            return config.options().delayLoop();
        }
        int retry = config.options().retry();
        if (a.error() != null) {
            if (ctx.isUp() || !ctx.hasRun()) {
                if (ctx.logAllFailures() || retryIt >= retry) {
                    String after = ctx.hasRun() && retryIt >= retry ? " after " + retry + " retries" : "";
                    ctx.log("DNS_CHECK (" + ctx.name() + ") " + a.error() + after);
                }
                if (retryIt < retry) {
                    retryIt++;
                    ctx.markRun();
                    return config.options().delayBeforeRetry();
                }
                ctx.report(false);
            }
        } else if (!ctx.isUp() || !ctx.hasRun()) {
            ctx.report(true);
        }
        retryIt = 0;
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

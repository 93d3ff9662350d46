package org.jlvs.ha.check;

import java.net.Inet6Address;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.jlvs.admin.keepalived.UdpCheck;
import org.jlvs.sys.probe.UdpProbeSocket;

/**
 * UDP_CHECK (check_udp.c): a datagram (the payload, or 32 bytes of "keepalived check - ") to the
 * server from a socket that hears ICMP errors. An ICMP destination unreachable fails the check;
 * a reply passes it, when {@code reply} is given only a matching one; silence until
 * connect_timeout passes it unless {@code require_reply} is set. Retries as TCP_CHECK's.
 */
final class UdpChecker implements HealthChecker<UdpChecker.Attempt> {

    enum Attempt { SUCCESS, FAILED, MISMATCH, NO_SOCKET }

    private final UdpCheck check;
    private final Target target;
    private final NativeProbes probes;
    private final RetryEpilog epilog;

    UdpChecker(UdpCheck check, Target target, NativeProbes probes) {
        this.check = check;
        this.target = target;
        this.probes = probes;
        this.epilog = new RetryEpilog(check.options(), new RetryEpilog.Lines() {
            @Override
            public String success(CheckerContext ctx) {
                return "UDP connection to " + ctx.name() + " success.";
            }

            @Override
            public String failed(CheckerContext ctx, int retry) {
                return retry > 0 ? "UDP_CHECK on service " + ctx.name() + " failed after " + retry + " retries."
                        : "UDP_CHECK on service " + ctx.name() + " failed.";
            }
        });
    }

    /** keepalived's set_buf(): its fixed text repeated, so that nothing of its stack is sent. */
    static byte[] defaultPayload(int len) {
        byte[] text = "keepalived check - ".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[len];
        for (int i = 0; i < len; i++) {
            out[i] = text[i % text.length];
        }
        return out;
    }

    @Override
    public Attempt attempt() throws InterruptedException {
        UdpProbeSocket s;
        try {
            s = UdpProbeSocket.open(target.to().getAddress() instanceof Inet6Address, check.maxReplyLength() + 1);
        } catch (IllegalStateException e) {
            return Attempt.NO_SOCKET;
        }
        try (s) {
            byte[] payload = check.payload() != null ? check.payload().data() : defaultPayload(32);
            if ((target.from() != null && s.bind(target.from()) < 0) || s.connect(target.to()) < 0
                    || s.send(payload) != payload.length) {
                return Attempt.FAILED;
            }
            UdpProbe probe = new UdpProbe(s, check.maxReplyLength());
            NativePoller poller = probes.poller();
            poller.add(s.fd(), probe::ready);
            try {
                return switch (probe.await(target.timeout().toNanos())) {
                    case REPLY -> UdpReply.matches(check, probe.reply(), probe.length()) ? Attempt.SUCCESS : Attempt.MISMATCH;
                    case ERROR -> Attempt.FAILED;
                    case SILENCE -> check.requireReply() ? Attempt.FAILED : Attempt.SUCCESS;
                };
            } finally {
                poller.remove(s.fd());
            }
        }
    }

    @Override
    public Duration settle(Attempt a, CheckerContext ctx) {
        switch (a) {
            case NO_SOCKET -> {
                ctx.log("UDP connect fail to create socket. Rescheduling.");
                return check.options().delayLoop();
            }
            case MISMATCH -> {
                if (ctx.isUp() && ctx.logAllFailures()) {
                    ctx.log("UDP check to " + ctx.name() + " reply data mismatch.");
                }
            }
            case FAILED -> {
                if (ctx.isUp() && ctx.logAllFailures()) {
                    ctx.log("UDP connection to " + ctx.name() + " failed.");
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

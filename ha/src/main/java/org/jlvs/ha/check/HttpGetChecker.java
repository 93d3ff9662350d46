package org.jlvs.ha.check;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.jlvs.admin.http.HttpGet;
import org.jlvs.admin.keepalived.CheckerOptions;
import org.jlvs.admin.keepalived.HttpCheck;
import org.jlvs.admin.keepalived.HttpUrl;

/**
 * HTTP_GET and SSL_GET (check_http.c). Each attempt fetches one url; the urls are walked one per
 * delay_loop and the checker is up once all have passed in a row. A url passes when its status
 * code is in its set, its body's MD5 equals {@code digest} (if given) and its regex matches (or
 * not, with regex_no_match). A failing url is retried after delay_before_retry, {@code retry}
 * times; a failed checker re-tries only that url, then walks them all again (fast_recovery
 * walks without waiting).
 */
final class HttpGetChecker implements HealthChecker<HttpGet.Answer> {

    private enum Method { NEW, RETRY, FAILED }

    private final HttpCheck config;
    private final Target target;
    private final String virtualhost;
    private final List<Pattern> regexes;
    private int retryIt;
    /** keepalived's url_it: the url the next attempt fetches; -1 once the walk is complete. */
    private int urlIt;
    /** keepalived's failed_url: -1 when none. */
    private int failedUrl = -1;

    /** @param virtualhost the server's or virtual server's virtualhost, for urls and checkers without one */
    HttpGetChecker(HttpCheck config, Target target, String virtualhost) {
        this.config = config;
        this.target = target;
        this.virtualhost = config.virtualhost() != null ? config.virtualhost() : virtualhost;
        this.regexes = config.urls().stream()
                .map(u -> u.regex() == null ? null : Pattern.compile(u.regex(), Pattern.DOTALL))
                .toList();
    }

    private CheckerOptions options() {
        return config.options();
    }

    @Override
    public HttpGet.Answer attempt() {
        HttpUrl url = config.urls().get(Math.max(0, urlIt));
        String vhost = url.virtualhost() != null ? url.virtualhost() : virtualhost;
        String sni = null;
        if (config.tls() && config.enableSni()) {
            sni = config.sniName() != null ? config.sniName() : vhost;
        }
        return HttpGet.fetch(new HttpGet.Request(target.to(), target.from(), url.path(), vhost,
                config.httpProtocol(), config.tls(), sni, target.timeout(), url.regex() != null));
    }

    @Override
    public Duration settle(HttpGet.Answer answer, CheckerContext ctx) {
        int index = Math.max(0, urlIt);
        HttpUrl url = config.urls().get(index);
        switch (answer) {
            case HttpGet.Failure f when f.kind() == HttpGet.Kind.BIND -> {
                ctx.log("WEB socket bind failed. Rescheduling.");
                return options().delayLoop();
            }
            case HttpGet.Failure f -> {
                return failed(f.what(), ctx);
            }
            case HttpGet.Response r -> {
                if (!url.statusOk(r.status())) {
                    return failed("HTTP status code error to", ctx);
                }
                String passed = "HTTP status code";
                if (url.digest() != null) {
                    if (!url.digest().equalsIgnoreCase(r.md5Hex())) {
                        return failed("MD5 digest error to", ctx);
                    }
                    passed = "MD5 digest";
                }
                Pattern re = regexes.get(index);
                if (re != null) {
                    boolean matched = re.matcher(new String(r.body(), StandardCharsets.ISO_8859_1)).find();
                    if (matched == url.regexNoMatch()) {
                        return failed("Regex match failed", ctx);
                    }
                    passed = "Regex match";
                }
                if (!ctx.isUp()) {
                    ctx.log(passed + " success to " + ctx.name() + " url(" + url.path() + ")");
                }
                return epilog(Method.NEW, ctx);
            }
        }
    }

    /** timeout_epilog: retry while up (or not yet run); a server known dead is not retried. */
    private Duration failed(String what, CheckerContext ctx) {
        if (ctx.isUp() || !ctx.hasRun()) {
            if (ctx.logAllFailures()) {
                ctx.log(what + " server " + ctx.name() + ".");
            }
            ctx.markRun();
            return epilog(Method.RETRY, ctx);
        }
        return epilog(Method.FAILED, ctx);
    }

    private Duration epilog(Method method, CheckerContext ctx) {
        int retry = options().retry();
        if (method == Method.NEW) {
            urlIt = urlIt + 1 >= config.urls().size() ? -1 : urlIt + 1;
            retryIt = 0;
        } else if (method == Method.RETRY) {
            retryIt++;
        }
        if (method == Method.NEW && urlIt < 0 && failedUrl < 0) {
            // every url passed
            if (!ctx.isUp() || !ctx.hasRun()) {
                ctx.log("Remote Web server " + ctx.name() + " succeed on service.");
                ctx.report(true);
                ctx.markRun();
            }
            urlIt = 0;
            retryIt = 0;
        } else if (method == Method.RETRY && retryIt > retry) {
            if (ctx.isUp() || !ctx.hasRun()) {
                String kind = config.tls() ? "SSL_CHECK" : "HTTP_CHECK";
                ctx.log(ctx.hasRun() && retry > 0
                        ? kind + " on service " + ctx.name() + " failed after " + (retryIt - 1) + " retries."
                        : kind + " on service " + ctx.name() + " failed.");
                ctx.report(false);
            }
            failedUrl = Math.max(0, urlIt);
        } else if (method == Method.NEW && failedUrl >= 0) {
            // the failed url passes again: walk them all from the first
            failedUrl = -1;
            urlIt = 0;
            retryIt = 0;
        }
        Duration delay;
        Duration loop = options().delayLoop();
        Duration beforeRetry = options().delayBeforeRetry();
        if (method == Method.NEW) {
            delay = loop;
            if (!ctx.hasRun()) {
                retryIt = retry;
            }
        } else if (failedUrl >= 0) {
            delay = beforeRetry.compareTo(loop) > 0 ? beforeRetry : loop;
        } else {
            delay = beforeRetry;
        }
        if (urlIt < 0) {
            urlIt = 0;
        }
        if (config.fastRecovery() && (!ctx.hasRun() || (!ctx.isUp() && failedUrl < 0))) {
            return Duration.ZERO;
        }
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

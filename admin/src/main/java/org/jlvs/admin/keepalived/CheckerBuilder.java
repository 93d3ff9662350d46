package org.jlvs.admin.keepalived;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jlvs.core.model.IpAddress;

/**
 * A checker block while it is being read. One class holds what any checker type can say;
 * {@link #keyword} tells which parts matter.
 */
final class CheckerBuilder {
    final String keyword;
    final Origin at;
    IpAddress connectIp;
    int connectPort = -1;
    IpAddress bindTo;
    int bindPort;
    String bindIf;
    Duration connectTimeout;
    int fwmark;
    Integer retry;
    Duration delayLoop;
    Duration delayBeforeRetry;
    Duration warmup;
    Boolean alpha;
    boolean logAllFailures;

    // HTTP_GET / SSL_GET
    final List<UrlBuilder> urls = new ArrayList<>();
    String httpProtocol;
    String virtualhost;
    boolean fastRecovery;
    boolean enableSni;
    String sniName;
    boolean tlsCompliant;
    // MISC_CHECK
    Script script;
    Duration miscTimeout;
    boolean dynamic;
    String user;
    String group;
    // DNS_CHECK
    String dnsType = "SOA";
    String dnsName = ".";
    // SMTP_CHECK
    String heloName = "smtpchecker.keepalived.org";
    final List<SmtpCheck.Host> hosts = new ArrayList<>();
    // UDP_CHECK
    HexBytes payload;
    boolean requireReply;
    HexBytes reply;
    int minReplyLength;
    int maxReplyLength = UdpCheck.DEFAULT_MAX_REPLY_LENGTH;
    // FILE_CHECK
    TrackFile trackFile;
    Integer fileWeight;
    boolean fileReverse;
    // the others
    final List<Setting> settings = new ArrayList<>();

    /** Set when the block turned out unusable and keepalived drops the checker. */
    boolean dropped;

    CheckerBuilder(String keyword, Origin at) {
        this.keyword = keyword;
        this.at = at;
    }

    /** A url block of HTTP_GET/SSL_GET while it is being read. */
    static final class UrlBuilder {
        final Origin at;
        String path;
        String digest;
        final List<HttpUrl.StatusRange> statusCodes = new ArrayList<>();
        String virtualhost;
        String regex;
        boolean regexNoMatch;
        final List<Setting> regexSettings = new ArrayList<>();

        UrlBuilder(Origin at) {
            this.at = at;
        }
    }
}

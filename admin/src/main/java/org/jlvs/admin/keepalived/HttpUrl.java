package org.jlvs.admin.keepalived;

import java.util.List;

/**
 * One {@code url} block of HTTP_GET/SSL_GET. It passes when the status is in {@code statusCodes}
 * and, if a digest is given, the MD5 of the body matches it.
 *
 * @param digest      32 lower-case hex digits, or null
 * @param statusCodes never empty: 200-299 when none was given
 * @param virtualhost null: the checker's (or the servers') virtualhost
 * @param regex       null when none; the other regex options are kept in {@code regexSettings}
 */
public record HttpUrl(Origin at, String path, String digest, List<StatusRange> statusCodes, String virtualhost,
                      String regex, boolean regexNoMatch, List<Setting> regexSettings) {

    /** An inclusive range of HTTP status codes. */
    public record StatusRange(int from, int to) {
        public boolean contains(int status) {
            return status >= from && status <= to;
        }
    }

    public HttpUrl {
        statusCodes = List.copyOf(statusCodes);
        regexSettings = List.copyOf(regexSettings);
    }

    public boolean statusOk(int status) {
        return statusCodes.stream().anyMatch(r -> r.contains(status));
    }
}

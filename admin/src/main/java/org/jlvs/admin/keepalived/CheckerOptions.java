package org.jlvs.admin.keepalived;

import java.time.Duration;

import org.jlvs.core.model.IpAddress;

/**
 * The options every checker has, with keepalived's inheritance already applied
 * (checker, else real server, else virtual server, else the checker type's default).
 * MISC_CHECK has no connection options: they are null / -1 there.
 *
 * @param connectIp        null: the real server's address
 * @param connectPort      -1: the real server's port
 * @param bindTo           null: no source address
 * @param bindPort         0: any source port
 * @param bindIf           null: no interface
 * @param fwmark           mark put on the checker's own packets, 0 for none
 * @param retry            extra attempts before the checker is declared down
 * @param delayBeforeRetry the wait between those attempts
 * @param warmup           the upper bound of the random delay before the first check; 0 for none
 * @param alpha            the checker starts down
 */
public record CheckerOptions(IpAddress connectIp, int connectPort, IpAddress bindTo, int bindPort, String bindIf,
                             Duration connectTimeout, int fwmark, int retry, Duration delayLoop,
                             Duration delayBeforeRetry, Duration warmup, boolean alpha, boolean logAllFailures) {
}

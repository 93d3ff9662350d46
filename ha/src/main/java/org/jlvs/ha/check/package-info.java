/**
 * keepalived's health checkers, run as keepalived runs them (check_tcp.c, check_http.c,
 * check_misc.c, check_dns.c, check_smtp.c, check_udp.c, check_ping.c, check_api.c).
 *
 * <ul>
 *   <li>One class per checker type, named after its keyword: {@link org.jlvs.ha.check.TcpChecker},
 *       {@link org.jlvs.ha.check.HttpGetChecker} (also SSL_GET), {@link org.jlvs.ha.check.MiscChecker},
 *       {@link org.jlvs.ha.check.DnsChecker}, {@link org.jlvs.ha.check.SmtpChecker},
 *       {@link org.jlvs.ha.check.UdpChecker}, {@link org.jlvs.ha.check.PingChecker}. Each has a blocking
 *       {@code attempt()} (one probe, bounded by its timeout) and a
 *       {@code settle()} (keepalived's epilog: retries, log lines, what to report).</li>
 *   <li>Checkers only report, through {@link org.jlvs.ha.check.CheckerContext}; the one
 *       {@link org.jlvs.admin.keepalived.RealServerPolicy} decides and emits the table commands,
 *       which go through a {@link org.jlvs.ha.check.TableDoor} (the director's apply).</li>
 *   <li>{@link org.jlvs.ha.check.CheckEngine} starts, reloads and stops them;
 *       {@link org.jlvs.ha.check.CheckScheduler} runs them as keepalived's scheduler does: every
 *       timer in one thread, TCP connects non-blocking on one selector, the other attempts on
 *       short-lived virtual threads, so a hung realserver only holds its own attempt. UDP and ICMP
 *       probes use native sockets (the sys module) that one {@link org.jlvs.ha.check.NativePoller}
 *       thread waits on, so no virtual thread ever blocks in a native call.</li>
 * </ul>
 */
package org.jlvs.ha.check;

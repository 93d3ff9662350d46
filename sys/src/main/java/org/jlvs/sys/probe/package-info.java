/**
 * Sockets for health probes, as keepalived opens them: a connected UDP socket that reports the
 * ICMP errors its datagrams draw (IP_RECVERR), and ICMP echo sockets (raw, or the unprivileged
 * datagram "ping" sockets). Non-blocking: a poller waits on them.
 */
package org.jlvs.sys.probe;

package org.jlvs.admin.ipvsadm;

import org.jlvs.core.model.IpAddress;

/**
 * One connection as {@code ipvsadm -L -c} prints it (a line of /proc/net/ip_vs_conn).
 *
 * @param protocol       {@code TCP}, {@code UDP}, {@code SCTP}, or {@code IP} for a fwmark persistence template
 * @param expiresSeconds seconds until the entry expires
 * @param state          the kernel's state name ({@code ESTABLISHED}, {@code UDP}, {@code NONE}, ...)
 * @param peName         persistence engine name, or null when the entry carries no engine data
 * @param peData         persistence engine data (e.g. the SIP Call-ID), or null
 */
public record ConnRow(String protocol, long expiresSeconds, String state,
                      IpAddress clientAddress, int clientPort,
                      IpAddress virtualAddress, int virtualPort,
                      IpAddress destAddress, int destPort,
                      String peName, String peData) {
}

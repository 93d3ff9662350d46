package org.jlvs.admin.keepalived;

/** {@code lvs_timeouts [tcp S] [tcpfin S] [udp S]}: ipvsadm --set; 0 leaves a value as it is. */
public record LvsTimeouts(int tcp, int tcpFin, int udp) {
}

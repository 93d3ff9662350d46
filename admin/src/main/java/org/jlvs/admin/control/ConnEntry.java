package org.jlvs.admin.control;

/**
 * One connection-table row as listings print it (ipvsadm -L -c, /proc/net/ip_vs_conn).
 *
 * @param protocol IP protocol number (0 for fwmark templates)
 * @param expires  seconds until it expires
 * @param virtualAddress the virtual address, or for a fwmark template the mark as dotted quad
 */
public record ConnEntry(int protocol, boolean v6, String state, long expires,
                        String clientAddress, int clientPort,
                        String virtualAddress, int virtualPort,
                        String destAddress, int destPort,
                        boolean template, boolean synced, String peName, String peData) {

    /** Protocol name as the kernel prints it: TCP, UDP, SCTP, IP. */
    public String protocolName() {
        return switch (protocol) {
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 132 -> "SCTP";
            case 0 -> "IP";
            default -> Integer.toString(protocol);
        };
    }
}

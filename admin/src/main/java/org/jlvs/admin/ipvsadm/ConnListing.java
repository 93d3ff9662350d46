package org.jlvs.admin.ipvsadm;

import java.util.List;

import static org.jlvs.admin.ipvsadm.Listing.left;

/**
 * {@code ipvsadm -L -c}: the connection entries in the table's order. With --persistent-conn the
 * title gains the engine columns, and lines carrying engine data print the real server 16 wide
 * (not 18) before the engine name, so their data does not line up with the title.
 */
final class ConnListing {
    private ConnListing() {
    }

    static void print(StringBuilder out, List<ConnRow> rows, boolean persistentConn, Names names) {
        out.append("IPVS connection entries\n");
        out.append("pro expire ").append(left("state", 11)).append(' ').append(left("source", 18)).append(' ')
                .append(left("virtual", 18)).append(' ');
        if (persistentConn) {
            out.append(left("destination", 18)).append(' ').append(left("pe name", 16)).append(" pe_data\n");
        } else {
            out.append("destination\n");
        }
        for (ConnRow r : rows) {
            String proto = switch (r.protocol()) {
                case "TCP" -> "tcp";
                case "UDP" -> "udp";
                case "SCTP" -> "sctp";
                default -> null;
            };
            String client = names.addrPort(r.clientAddress(), r.clientPort(), proto);
            String virtual = names.addrPort(r.virtualAddress(), r.virtualPort(), proto);
            String dest = names.addrPort(r.destAddress(), r.destPort(), proto);
            out.append(left(r.protocol(), 3)).append(' ').append(left(expiry(r.expiresSeconds()), 6)).append(' ')
                    .append(left(r.state(), 11)).append(' ').append(left(client, 18)).append(' ')
                    .append(left(virtual, 18)).append(' ');
            if (persistentConn && r.peName() != null && r.peData() != null) {
                out.append(left(dest, 16)).append(' ').append(left(r.peName(), 18)).append(' ').append(r.peData());
            } else {
                out.append(dest);
            }
            out.append('\n');
        }
    }

    /** MM:SS, each at least two digits, minutes not capped. */
    static String expiry(long seconds) {
        return String.format("%02d:%02d", seconds / 60, seconds % 60);
    }
}

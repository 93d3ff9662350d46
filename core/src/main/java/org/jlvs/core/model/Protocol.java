package org.jlvs.core.model;

/** The transport protocols IPVS balances, with their IP protocol numbers. */
public enum Protocol {
    TCP(6),
    UDP(17),
    SCTP(132);

    /** The IP protocol number of fwmark templates (IPPROTO_IP), shown as "IP" in connection lists. */
    public static final int IPPROTO_IP = 0;

    private final int number;

    Protocol(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public String lowerName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Protocol ofNumber(int n) {
        return switch (n) {
            case 6 -> TCP;
            case 17 -> UDP;
            case 132 -> SCTP;
            default -> null;
        };
    }
}

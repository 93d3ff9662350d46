package org.jlvs.core.conn;

/**
 * The kernel's TCP state tables ({@code tcp_states} and, with secure_tcp, {@code tcp_states_dos}):
 * next state by [direction·4 + flag][current state]. Directions: input (client to director),
 * output (realserver replies, NAT only) and input-only (DR/TUN, where replies bypass us).
 * A transition is a lookup.
 */
public final class TcpTransitions {
    public static final int DIR_INPUT = 0;
    public static final int DIR_OUTPUT = 1;
    public static final int DIR_INPUT_ONLY = 2;

    public static final int TH_FIN = 0x01;
    public static final int TH_SYN = 0x02;
    public static final int TH_RST = 0x04;
    public static final int TH_ACK = 0x10;

    private static final int NO = 0, ES = 1, SS = 2, SR = 3, FW = 4, TW = 5, CL = 6, CW = 7, LA = 8, LI = 9, SA = 10;

    private static final int[][] NORMAL = {
        // INPUT      sNO sES sSS sSR sFW sTW sCL sCW sLA sLI sSA
        /* syn */ {SR, ES, ES, SR, SR, SR, SR, SR, SR, SR, SR},
        /* fin */ {CL, CW, SS, TW, TW, TW, CL, CW, LA, LI, TW},
        /* ack */ {ES, ES, SS, ES, FW, TW, CL, CW, CL, LI, ES},
        /* rst */ {CL, CL, CL, SR, CL, CL, CL, CL, LA, LI, SR},
        // OUTPUT
        /* syn */ {SS, ES, SS, SR, SS, SS, SS, SS, SS, LI, SR},
        /* fin */ {TW, FW, SS, TW, FW, TW, CL, TW, LA, LI, TW},
        /* ack */ {ES, ES, SS, ES, FW, TW, CL, CW, LA, ES, ES},
        /* rst */ {CL, CL, SS, CL, CL, TW, CL, CL, CL, CL, CL},
        // INPUT-ONLY
        /* syn */ {SR, ES, ES, SR, SR, SR, SR, SR, SR, SR, SR},
        /* fin */ {CL, FW, SS, TW, FW, TW, CL, CW, LA, LI, TW},
        /* ack */ {ES, ES, SS, ES, FW, TW, CL, CW, CL, LI, ES},
        /* rst */ {CL, CL, CL, SR, CL, CL, CL, CL, LA, LI, CL},
    };

    private static final int[][] SECURE = {
        // INPUT
        /* syn */ {SR, ES, ES, SR, SR, SR, SR, SR, SR, SR, SA},
        /* fin */ {CL, CW, SS, TW, TW, TW, CL, CW, LA, LI, SA},
        /* ack */ {ES, ES, SS, SR, FW, TW, CL, CW, CL, LI, SA},
        /* rst */ {CL, CL, CL, SR, CL, CL, CL, CL, LA, LI, CL},
        // OUTPUT
        /* syn */ {SS, ES, SS, SA, SS, SS, SS, SS, SS, LI, SA},
        /* fin */ {TW, FW, SS, TW, FW, TW, CL, TW, LA, LI, TW},
        /* ack */ {ES, ES, SS, ES, FW, TW, CL, CW, LA, ES, ES},
        /* rst */ {CL, CL, SS, CL, CL, TW, CL, CL, CL, CL, CL},
        // INPUT-ONLY
        /* syn */ {SA, ES, ES, SR, SA, SA, SA, SA, SA, SA, SA},
        /* fin */ {CL, FW, SS, TW, FW, TW, CL, CW, LA, LI, TW},
        /* ack */ {ES, ES, SS, ES, FW, TW, CL, CW, CL, LI, ES},
        /* rst */ {CL, CL, CL, SR, CL, CL, CL, CL, LA, LI, CL},
    };

    private TcpTransitions() {
    }

    /** Flag row: rst beats syn beats fin beats ack; -1 when none is set. */
    static int flagIndex(int tcpFlags) {
        if ((tcpFlags & TH_RST) != 0) {
            return 3;
        }
        if ((tcpFlags & TH_SYN) != 0) {
            return 0;
        }
        if ((tcpFlags & TH_FIN) != 0) {
            return 1;
        }
        if ((tcpFlags & TH_ACK) != 0) {
            return 2;
        }
        return -1;
    }

    /** The next state; a segment with none of the four flags moves to CLOSE, as in the kernel. */
    public static int next(int direction, int tcpFlags, int state, boolean secure) {
        int idx = flagIndex(tcpFlags);
        if (idx < 0) {
            return CL;
        }
        return (secure ? SECURE : NORMAL)[direction * 4 + idx][state];
    }
}

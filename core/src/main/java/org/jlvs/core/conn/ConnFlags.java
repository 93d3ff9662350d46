package org.jlvs.core.conn;

/** Connection flag bits ({@code IP_VS_CONN_F_*}), the values the sync protocol carries. */
public final class ConnFlags {
    /** Forwarding method in the low 3 bits (see Forwarding.kernelCode). */
    public static final int FWD_MASK = 0x0007;
    public static final int HASHED = 0x0040;
    public static final int NOOUTPUT = 0x0080;
    public static final int INACTIVE = 0x0100;
    public static final int OUT_SEQ = 0x0200;
    public static final int IN_SEQ = 0x0400;
    public static final int SEQ_MASK = 0x0600;
    public static final int NO_CPORT = 0x0800;
    public static final int TEMPLATE = 0x1000;
    public static final int ONE_PACKET = 0x2000;
    /** Created by the sync daemon (backup side). */
    public static final int SYNC = 0x20000;

    /** The bits a sync message may carry (IP_VS_CONN_F_BACKUP_MASK). */
    public static final int BACKUP_MASK = FWD_MASK | NOOUTPUT | INACTIVE | SEQ_MASK | NO_CPORT | TEMPLATE;

    private ConnFlags() {
    }
}

package org.jlvs.core.conn;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.Forwarding;
import org.jlvs.core.model.IpAddress;

/**
 * One connection entry (the kernel's {@code struct ip_vs_conn}): client, virtual and realserver
 * endpoints as primitives, state, flags, expiry time and the persistence template it runs under.
 * A persistence template is a Conn too (flag TEMPLATE, client port 0), as in the kernel, so that
 * listings show both. Entries are intrusive: they carry their own hash-chain and timer-wheel links,
 * so the table allocates nothing beyond the entry itself.
 */
public final class Conn {
    // identity (immutable after creation). Protocol, family, template bit and both ports share one
    // long, so a lookup compares five longs that the JVM lays out together at the object's start.
    static final int KEY_VPORT_SHIFT = 0;
    static final int KEY_CPORT_SHIFT = 16;
    static final int KEY_PROTO_SHIFT = 32;
    static final long KEY_V6 = 1L << 40;
    static final long KEY_TEMPLATE = 1L << 41;

    final long key;
    final long caddrHi;
    final long caddrLo;
    /** The virtual address, or for a fwmark template the mark in the low word. */
    final long vaddrHi;
    final long vaddrLo;

    // where it goes: the realserver's address is its destination's (which never changes address),
    // so an entry does not carry a copy of it: a smaller entry is fewer cache misses per lookup
    final boolean v6;
    /** Never null: every entry is bound to a realserver (templates too). */
    final Destination dest;
    /** The realserver port; 0xFFFF marks an invalidated template. */
    volatile int dport;

    volatile int flags;
    volatile byte state;
    /** Timeout of the current state, in seconds. */
    volatile int timeout;
    /** When it expires, on the table's clock; data-plane threads push it forward on each packet. */
    volatile long expires;

    /** The template this connection runs under, or null. */
    volatile Conn control;
    /** For a template: how many connections run under it. */
    int nControl;
    /** Packets in, for the sync threshold. */
    int inPkts;

    /** Unlinked from the table (a reader that still holds it sees it dead). */
    volatile boolean dead;

    // intrusive links, owned by ConnTable
    Conn hashNext;
    Conn wheelNext;

    Conn(int protocol, boolean v6, long caddrHi, long caddrLo, int cport, long vaddrHi, long vaddrLo, int vport,
         Destination dest, int dport, int flags) {
        this.key = key(protocol, v6, (flags & ConnFlags.TEMPLATE) != 0, cport, vport);
        this.v6 = v6;
        this.caddrHi = caddrHi;
        this.caddrLo = caddrLo;
        this.vaddrHi = vaddrHi;
        this.vaddrLo = vaddrLo;
        this.dest = dest;
        this.dport = dport;
        this.flags = flags;
    }

    static long key(int protocol, boolean v6, boolean template, int cport, int vport) {
        return ((long) (protocol & 0xFF) << KEY_PROTO_SHIFT) | ((long) (cport & 0xFFFF) << KEY_CPORT_SHIFT)
                | ((long) (vport & 0xFFFF) << KEY_VPORT_SHIFT) | (v6 ? KEY_V6 : 0) | (template ? KEY_TEMPLATE : 0);
    }

    public int protocol() {
        return (int) (key >>> KEY_PROTO_SHIFT) & 0xFF;
    }

    public boolean isV6() {
        return v6;
    }

    public IpAddress clientAddress() {
        return IpAddress.of(v6, caddrHi, caddrLo);
    }

    public int clientPort() {
        return (int) (key >>> KEY_CPORT_SHIFT) & 0xFFFF;
    }

    /** The virtual address; for a fwmark template, the mark as an IPv4-style number. */
    public IpAddress virtualAddress() {
        return IpAddress.of(v6 && protocol() != 0, vaddrHi, vaddrLo);
    }

    /** The virtual address's high word, as a primitive (packet planes rewrite replies without objects). */
    public long virtualHi() {
        return vaddrHi;
    }

    /** The virtual address's low word (IPv4 in its low 32 bits). */
    public long virtualLo() {
        return vaddrLo;
    }

    public int virtualPort() {
        return (int) (key >>> KEY_VPORT_SHIFT) & 0xFFFF;
    }

    public Destination dest() {
        return dest;
    }

    public IpAddress destAddress() {
        return dest.address();
    }

    public int destPort() {
        return dport;
    }

    public int flags() {
        return flags;
    }

    public int state() {
        return state;
    }

    public long expires() {
        return expires;
    }

    public Conn control() {
        return control;
    }

    public boolean isTemplate() {
        return (flags & ConnFlags.TEMPLATE) != 0;
    }

    public boolean isActive() {
        return (flags & (ConnFlags.INACTIVE | ConnFlags.TEMPLATE)) == 0;
    }

    public boolean isOnePacket() {
        return (flags & ConnFlags.ONE_PACKET) != 0;
    }

    public boolean isDead() {
        return dead;
    }

    public Forwarding forwarding() {
        return Forwarding.ofKernelCode(flags & ConnFlags.FWD_MASK);
    }

    /** The state name ipvsadm -c and /proc/net/ip_vs_conn print. */
    public String stateName() {
        if (isTemplate()) {
            return (state & 1) != 0 ? "ASSURED" : "NONE";
        }
        return switch (protocol()) {
            case 6 -> TcpState.of(state).name();
            case 17 -> "UDP";
            case 0 -> "NONE";
            default -> "ERR!";
        };
    }

    @Override
    public String toString() {
        return stateName() + " " + clientAddress().toUriString() + ":" + clientPort() + " -> "
                + virtualAddress().toUriString() + ":" + virtualPort() + " -> " + destAddress().toUriString() + ":" + dport;
    }
}

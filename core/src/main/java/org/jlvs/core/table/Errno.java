package org.jlvs.core.table;

/** The kernel error numbers a table change can fail with; ipvsadm turns them into its messages. */
public enum Errno {
    /** No such service. */
    ESRCH(3),
    /** Service or destination already exists. */
    EEXIST(17),
    /** No such destination, or unknown scheduler / persistence engine. */
    ENOENT(2),
    /** A number out of range (weight, thresholds). */
    ERANGE(34),
    /** An invalid argument (address not unicast, netmask, zero port...). */
    EINVAL(22),
    /** Not supported for the address family. */
    EAFNOSUPPORT(97),
    /** Not permitted. */
    EPERM(1),
    /** The table cannot take more (a configured limit). */
    ENOMEM(12),
    /** No such network device (a sync daemon's multicast interface). */
    ENODEV(19);

    private final int number;

    Errno(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}

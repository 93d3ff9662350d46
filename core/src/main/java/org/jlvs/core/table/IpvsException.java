package org.jlvs.core.table;

/** A refused table change: the kernel's errno and a message that says what was wrong. */
public final class IpvsException extends Exception {
    private final Errno errno;

    public IpvsException(Errno errno, String message) {
        super(message);
        this.errno = errno;
    }

    public Errno errno() {
        return errno;
    }
}

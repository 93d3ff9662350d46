package org.jlvs.admin.keepalived;

/**
 * What keepalived's ipwrapper.c does besides IPVS commands when a real server or a quorum
 * changes state: it logs (the lines admins grep for, word for word) and runs the notify
 * scripts. {@link RealServerPolicy} reports both here, in keepalived's order; the caller
 * decides where the lines go and how the scripts run.
 */
public interface PolicyEvents {

    /** Nothing logged, nothing run: for building tables ({@code --print-table}, tests). */
    PolicyEvents NONE = new PolicyEvents() {
        @Override
        public void log(String line) {
        }

        @Override
        public void notify(Script script) {
        }
    };

    /** One of keepalived's checker-process log lines, word for word. */
    void log(String line);

    /** A notify_up/notify_down or quorum_up/quorum_down script to run now, with its own argv. */
    void notify(Script script);

    /** A line for notify_fifo / lvs_notify_fifo ({@code VS <vs> UP}, {@code RS <rs> <vs> DOWN}). */
    default void fifo(String line) {
    }
}

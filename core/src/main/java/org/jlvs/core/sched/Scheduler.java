package org.jlvs.core.sched;

import org.jlvs.core.model.Destination;
import org.jlvs.core.model.VirtualService;

/**
 * One IPVS scheduling algorithm (the kernel's {@code struct ip_vs_scheduler}). An instance belongs
 * to one service, so its fields are the kernel's {@code svc->sched_data}.
 *
 * <p>Threads: the hooks ({@link #init}, {@link #addDest}, {@link #delDest}, {@link #updDest},
 * {@link #tick}) run on the control thread, under {@link VirtualService#schedLock()}, after the
 * service's new destination list is published. {@link #schedule} runs on data-plane threads; it
 * must not allocate or block, and a scheduler that keeps a position (rr, wrr, lblc, lblcr) takes
 * {@code schedLock} around it, as the kernel takes {@code svc->sched_lock}.
 */
public interface Scheduler {

    /** Bound to a service, over its current destination list (also on {@code ipvsadm -E -s}). */
    default void init(VirtualService svc) {
    }

    /** A destination was added at the head of the list. */
    default void addDest(VirtualService svc, Destination dest) {
    }

    /** A destination was unlinked from the list (it may live on in the trash). */
    default void delDest(VirtualService svc, Destination dest) {
    }

    /** A destination was edited in place (weight, thresholds, method). */
    default void updDest(VirtualService svc, Destination dest) {
    }

    /** Periodic work (lblc/lblcr expiry) due up to {@code nowMillis}; cheap when nothing is due. */
    default void tick(VirtualService svc, long nowMillis) {
    }

    /**
     * True while the scheduler's own state points at {@code dest} (lblc/lblcr cache entries hold
     * a reference in the kernel), which keeps a deleted destination in the trash so that a
     * re-add revives the object the cache knows. Control thread only.
     */
    default boolean holds(VirtualService svc, Destination dest) {
        return false;
    }

    /**
     * Picks the destination for a new connection, or null when none is available
     * ("no destination available").
     */
    Destination schedule(VirtualService svc, Flow flow);
}

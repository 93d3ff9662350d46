package org.jlvs.core.sched;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Schedulers by their ipvsadm name ({@code ip_vs_sched.c}'s list). Each service gets a fresh
 * instance. {@code none} is not a scheduler: a service may have none.
 */
public final class SchedulerRegistry {
    /** The scheduler a service gets when none is named. */
    public static final String DEFAULT = "wlc";
    /** The name of "no scheduler". */
    public static final String NONE = "none";

    private static final Map<String, Supplier<Scheduler>> BY_NAME;

    static {
        Map<String, Supplier<Scheduler>> m = new LinkedHashMap<>();
        m.put("rr", RrScheduler::new);
        m.put("wrr", WrrScheduler::new);
        m.put("lc", LcScheduler::new);
        m.put("wlc", WlcScheduler::new);
        m.put("lblc", LblcScheduler::new);
        m.put("lblcr", LblcrScheduler::new);
        m.put("dh", DhScheduler::new);
        m.put("sh", ShScheduler::new);
        m.put("sed", SedScheduler::new);
        m.put("nq", NqScheduler::new);
        m.put("fo", FoScheduler::new);
        m.put("ovf", OvfScheduler::new);
        m.put("mh", MhScheduler::new);
        m.put("twos", TwosScheduler::new);
        BY_NAME = Collections.unmodifiableMap(m);
    }

    private SchedulerRegistry() {
    }

    public static boolean exists(String name) {
        return BY_NAME.containsKey(name);
    }

    /** A new instance, or null for {@code none}. */
    public static Scheduler create(String name) {
        if (NONE.equals(name)) {
            return null;
        }
        Supplier<Scheduler> s = BY_NAME.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown scheduler: " + name);
        }
        return s.get();
    }

    /** True for a name a service may carry: a scheduler or {@code none}. */
    public static boolean valid(String name) {
        return NONE.equals(name) || BY_NAME.containsKey(name);
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }
}

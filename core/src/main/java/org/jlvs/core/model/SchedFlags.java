package org.jlvs.core.model;

/** Service flag bits (IP_VS_SVC_F_*), as the kernel and the sync protocol carry them. */
public final class SchedFlags {
    public static final int PERSISTENT = 0x0001;
    public static final int HASHED = 0x0002;
    public static final int ONEPACKET = 0x0004;
    /** Scheduler flag 1: sh-fallback for sh, mh-fallback for mh. */
    public static final int SCHED1 = 0x0008;
    /** Scheduler flag 2: sh-port for sh, mh-port for mh. */
    public static final int SCHED2 = 0x0010;
    /** Scheduler flag 3: unused by the kernel's schedulers. */
    public static final int SCHED3 = 0x0020;

    public static final int SCHED_MASK = SCHED1 | SCHED2 | SCHED3;

    private SchedFlags() {
    }

    /** The ipvsadm names of the scheduler flags set in {@code flags}, for scheduler {@code sched}, comma-separated. */
    public static String names(String sched, int flags) {
        String[] n = switch (sched) {
            case "sh" -> new String[] {"sh-fallback", "sh-port", "flag-3"};
            case "mh" -> new String[] {"mh-fallback", "mh-port", "flag-3"};
            default -> new String[] {"flag-1", "flag-2", "flag-3"};
        };
        StringBuilder sb = new StringBuilder();
        int[] bits = {SCHED1, SCHED2, SCHED3};
        for (int i = 0; i < 3; i++) {
            if ((flags & bits[i]) != 0) {
                if (!sb.isEmpty()) {
                    sb.append(',');
                }
                sb.append(n[i]);
            }
        }
        return sb.toString();
    }
}

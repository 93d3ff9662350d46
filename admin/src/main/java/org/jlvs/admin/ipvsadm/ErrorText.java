package org.jlvs.admin.ipvsadm;

import java.util.Map;

/**
 * libipvs's ipvs_strerror: a text for the call that failed and its errno, else a text for the
 * errno alone, else the C library's strerror text.
 */
final class ErrorText {
    /** The libipvs call a command makes; the same errno reads differently per call. */
    enum Call { ADD_SERVICE, UPDATE_SERVICE, DEL_SERVICE, ZERO_SERVICE, ADD_DEST, UPDATE_DEST, DEL_DEST,
        START_DAEMON, STOP_DAEMON, GET_SERVICE, OTHER }

    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int ESRCH = 3;
    static final int ENOMEM = 12;
    static final int EEXIST = 17;
    static final int ENODEV = 19;
    static final int EINVAL = 22;
    static final int ERANGE = 34;
    static final int ENOPROTOOPT = 92;
    static final int EOPNOTSUPP = 95;
    static final int EAFNOSUPPORT = 97;
    static final int EMSGSIZE = 90;

    private static final Map<Integer, String> GENERAL = Map.of(
            EPERM, "Permission denied (you must be root)",
            EINVAL, "Invalid operation.  Possibly wrong module version, address not unicast, ...",
            ENOPROTOOPT, "Protocol not available",
            ENOMEM, "Memory allocation problem",
            EOPNOTSUPP, "Operation not supported with IPv6",
            EAFNOSUPPORT, "Operation not supported with specified address family",
            EMSGSIZE, "Module is wrong version");

    /** glibc's texts for the errnos a table change can come back with. */
    private static final Map<Integer, String> STRERROR = Map.of(
            ENOENT, "No such file or directory",
            ESRCH, "No such process",
            EEXIST, "File exists",
            ENODEV, "No such device",
            ERANGE, "Numerical result out of range");

    private ErrorText() {
    }

    static String of(Call call, int errno) {
        String own = switch (call) {
            case ADD_SERVICE -> errno == EEXIST ? "Service already exists"
                    : errno == ENOENT ? "Scheduler or persistence engine not found" : null;
            case UPDATE_SERVICE -> errno == ESRCH ? "No such service"
                    : errno == ENOENT ? "Scheduler or persistence engine not found" : null;
            case DEL_SERVICE, ZERO_SERVICE, GET_SERVICE -> errno == ESRCH ? "No such service" : null;
            case ADD_DEST -> errno == ESRCH ? "Service not defined"
                    : errno == EEXIST ? "Destination already exists" : null;
            case UPDATE_DEST, DEL_DEST -> errno == ESRCH ? "Service not defined"
                    : errno == ENOENT ? "No such destination" : null;
            case START_DAEMON -> errno == EEXIST ? "Daemon has already run" : null;
            case STOP_DAEMON -> errno == ESRCH ? "No daemon is running" : null;
            case OTHER -> null;
        };
        if (own != null) {
            return own;
        }
        String general = GENERAL.get(errno);
        if (general != null) {
            return general;
        }
        return STRERROR.getOrDefault(errno, "Unknown error " + errno);
    }
}

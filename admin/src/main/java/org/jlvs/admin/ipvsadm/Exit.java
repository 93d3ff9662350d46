package org.jlvs.admin.ipvsadm;

/**
 * ipvsadm ending the whole process (its {@code fail()} and {@code exit()} calls), even from inside
 * a -R line: the texts, if any, go to stdout and stderr and the status becomes the exit status.
 */
final class Exit extends RuntimeException {
    static final String TRY_HELP = "Try `" + Ipvsadm.PROGRAM + " -h' or '" + Ipvsadm.PROGRAM
            + " --help' for more information.";

    final int status;
    /** Text for stdout (help, version), or null. */
    final String stdout;
    /** The stderr line without its newline, or null. */
    final String stderr;

    Exit(int status, String stdout, String stderr) {
        super(stderr, null, false, false);
        this.status = status;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** A command-line error: one line on stderr, exit 2. */
    static Exit fail(String message) {
        return new Exit(2, null, message);
    }

    /** The first word is not a command (or popt refused it): exit -1, read as 255. */
    static Exit tryHelp() {
        return new Exit(255, null, TRY_HELP);
    }

    /** -h or -v: text on stdout, exit 0. */
    static Exit print(String text) {
        return new Exit(0, text, null);
    }
}

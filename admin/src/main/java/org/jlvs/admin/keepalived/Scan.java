package org.jlvs.admin.keepalived;

/** Reading a line as keepalived's C code walks a char pointer: past the end is the NUL. */
final class Scan {

    private Scan() {
    }

    static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    /** {@code i} moved past spaces and tabs (strspn(p, " \t")). */
    static int blanks(String s, int i) {
        while (i < s.length() && Decomment.isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code i} moved to the first of {@code stops} or the end (strcspn). */
    static int until(String s, int i, String stops) {
        while (i < s.length() && stops.indexOf(s.charAt(i)) < 0) {
            i++;
        }
        return i;
    }
}

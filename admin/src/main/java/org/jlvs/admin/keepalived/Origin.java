package org.jlvs.admin.keepalived;

/**
 * Where something was read: a configuration file as it was opened and a 1-based line number
 * (0 stands for the file as a whole, for example a file that cannot be opened).
 */
public record Origin(String file, int line) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}

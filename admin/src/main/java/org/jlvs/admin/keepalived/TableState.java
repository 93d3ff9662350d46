package org.jlvs.admin.keepalived;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A settled health situation to build the table for, named as the fixtures' expected.STATE.txt
 * files are: every check passed, every check failed, the start under alpha before any check,
 * or the MISC_CHECK scripts of one real server exiting with a given status.
 */
public sealed interface TableState {
    TableState HEALTHY = new Healthy();
    TableState RS_DOWN = new AllDown();
    TableState ALPHA_STARTUP = new AlphaStartup();

    /** The name used in file names ({@code expected.<name>.txt}); empty for the healthy table. */
    String name();

    /** Every checker has passed (MISC_CHECK scripts exit 0). */
    record Healthy() implements TableState {
        @Override
        public String name() {
            return "";
        }
    }

    /** Every checker of every real server has failed, past its retries ({@code rs-down}). */
    record AllDown() implements TableState {
        @Override
        public String name() {
            return "rs-down";
        }
    }

    /** Right after start, before any check has run ({@code alpha-startup}). */
    record AlphaStartup() implements TableState {
        @Override
        public String name() {
            return "alpha-startup";
        }
    }

    /**
     * The MISC_CHECK scripts of real server {@code realServer} (1-based, counted through the whole
     * file) exit with {@code status}; every other check passes ({@code rs<N>-exit-<status>}).
     */
    record ScriptExit(int realServer, int status) implements TableState {
        @Override
        public String name() {
            return "rs" + realServer + "-exit-" + status;
        }
    }

    /** The state a name stands for; "" is the healthy table. */
    static TableState parse(String name) {
        switch (name) {
            case "", "healthy" -> {
                return HEALTHY;
            }
            case "rs-down" -> {
                return RS_DOWN;
            }
            case "alpha-startup" -> {
                return ALPHA_STARTUP;
            }
            default -> {
                Matcher m = Pattern.compile("rs([1-9][0-9]{0,5})-exit-([0-9]{1,3})").matcher(name);
                if (m.matches() && Integer.parseInt(m.group(2)) <= 255) {
                    return new ScriptExit(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                }
                throw new IllegalArgumentException("unknown table state '" + name
                        + "' (known: healthy, rs-down, alpha-startup, rs<N>-exit-<status>)");
            }
        }
    }
}

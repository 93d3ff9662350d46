package org.jlvs.admin.ipvsadm;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a command line the way popt 1.19 does for ipvsadm, because its quirks show through:
 * non-option words are collected and skipped (so options may follow them), "--" ends the
 * options, short options combine ("-Ln") and take a glued argument ("-r10.0.0.2", "-w=3"),
 * long options take "--opt value" or "--opt=value" and are never abbreviated, a required
 * argument swallows the next word whatever it starts with, and an optional argument (-p) takes
 * the next word only when it does not start with '-'. A single-dash word is always read as
 * short options: popt tries it as a long name only for options flagged one-dash, and ipvsadm
 * flags none.
 */
final class Popt {
    /** popt's error codes, returned by {@link #next()} instead of a tag. */
    static final int ERROR_NOARG = -10;
    static final int ERROR_BADOPT = -11;
    static final int ERROR_UNWANTEDARG = -12;

    enum Arg { NONE, REQUIRED, OPTIONAL }

    /** One row of the option table: long name (or null), short letter (or 0), argument kind, tag returned. */
    record Option(String longName, char shortName, Arg arg, int tag) {
    }

    private final String[] argv;
    private final List<Option> table;
    private final List<String> leftovers = new ArrayList<>();
    private int nextLeftover;
    private int next;
    /** The rest of a combined short-option word still to be read, or null. */
    private String nextCharArg;
    private boolean restLeftover;
    private String optArg;

    /** {@code argv} without the program name. */
    Popt(String[] argv, List<Option> table) {
        this.argv = argv;
        this.table = table;
    }

    /** The tag of the next option, -1 when there is none left, or a negative popt error. */
    int next() {
        while (true) {
            Option opt = null;
            String longArg = null;
            if (nextCharArg == null && next == argv.length) {
                return -1;
            }
            if (nextCharArg == null) {
                String word = argv[next++];
                if (restLeftover || !word.startsWith("-") || word.equals("-")) {
                    leftovers.add(word);
                    continue;
                }
                if (word.equals("--")) {
                    restLeftover = true;
                    continue;
                }
                if (word.startsWith("--")) {
                    String name = word.substring(2);
                    int eq = name.indexOf('=');
                    if (eq >= 0) {
                        longArg = name.substring(eq + 1);
                        name = name.substring(0, eq);
                    }
                    opt = findLong(name);
                    if (opt == null) {
                        return ERROR_BADOPT;
                    }
                } else {
                    nextCharArg = word.substring(1);
                }
            }
            if (opt == null) {
                char c = nextCharArg.charAt(0);
                String rest = nextCharArg.substring(1);
                nextCharArg = null;
                opt = findShort(c);
                if (opt == null) {
                    return ERROR_BADOPT;
                }
                nextCharArg = rest.isEmpty() ? null : rest;
            }
            if (opt.arg() == Arg.NONE) {
                if (longArg != null || (nextCharArg != null && nextCharArg.charAt(0) == '=')) {
                    return ERROR_UNWANTEDARG;
                }
                optArg = null;
            } else if (longArg != null) {
                optArg = longArg;
            } else if (nextCharArg != null) {
                optArg = nextCharArg.charAt(0) == '=' ? nextCharArg.substring(1) : nextCharArg;
                nextCharArg = null;
            } else if (next == argv.length) {
                if (opt.arg() != Arg.OPTIONAL) {
                    return ERROR_NOARG;
                }
                optArg = null;
            } else if (opt.arg() == Arg.OPTIONAL && argv[next].startsWith("-")) {
                optArg = null;
            } else {
                optArg = argv[next++];
            }
            return opt.tag();
        }
    }

    /** The argument of the option {@link #next()} returned last; null when an optional one was not given. */
    String optArg() {
        return optArg;
    }

    /** The word popt blames: the last word it consumed (an option's argument word, if it had one). */
    String badOption() {
        return next > 0 ? argv[next - 1] : "";
    }

    /** The next collected non-option word, or null. */
    String nextLeftover() {
        return nextLeftover < leftovers.size() ? leftovers.get(nextLeftover++) : null;
    }

    static String strerror(int error) {
        return switch (error) {
            case ERROR_NOARG -> "missing argument";
            case ERROR_UNWANTEDARG -> "option does not take an argument";
            case ERROR_BADOPT -> "unknown option";
            default -> "unknown error";
        };
    }

    private Option findLong(String name) {
        for (Option o : table) {
            if (name.equals(o.longName())) {
                return o;
            }
        }
        return null;
    }

    private Option findShort(char c) {
        for (Option o : table) {
            if (o.shortName() != 0 && o.shortName() == c) {
                return o;
            }
        }
        return null;
    }
}

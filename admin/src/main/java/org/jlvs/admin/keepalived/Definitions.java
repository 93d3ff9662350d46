package org.jlvs.admin.keepalived;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * keepalived's parameter definitions: {@code $NAME=value} lines (a trailing backslash continues
 * the value on the next lines), referenced later as {@code $NAME} or {@code ${NAME}}, plus the
 * predefined {@code _PWD}, {@code _INSTANCE}, {@code _RANDOM [min [max]]}, {@code _ENV NAME},
 * {@code _HASH} and {@code _BANG}. A multi-line value expands to several lines, and only where
 * the reference ends its line.
 */
final class Definitions {
    /** Enough for any real nesting; past it a definition that refers to itself is cut short. */
    private static final int MAX_EXPANSIONS = 256;

    /** A value, one string per line; fixed values have no generator. */
    private record Def(List<String> lines, boolean multiline, Generator generator) {
    }

    /** A predefined value computed at each use; {@code params} is null without parameters. */
    private interface Generator {
        String value(String params);
    }

    private final Map<String, Def> defs = new LinkedHashMap<>();
    private Def collecting;
    private String collectingName;

    Definitions(String configId, Supplier<String> currentDirectory) {
        defs.put("_PWD", generated(p -> currentDirectory.get()));
        defs.put("_INSTANCE", generated(p -> configId == null ? "" : configId));
        defs.put("_RANDOM", generated(Definitions::random));
        defs.put("_ENV", generated(p -> p == null || System.getenv(p.strip()) == null ? "" : System.getenv(p.strip())));
        defs.put("_HASH", generated(p -> "#"));
        defs.put("_BANG", generated(p -> "!"));
    }

    private static Def generated(Generator g) {
        return new Def(List.of(), false, g);
    }

    /** True while a multi-line definition takes the following lines. */
    boolean collecting() {
        return collecting != null;
    }

    /**
     * Stores {@code $NAME=value} and returns true, or returns false when the line is not a
     * definition. No blank is allowed between the name and '='.
     */
    boolean define(String line) {
        if (line.length() < 2 || line.charAt(0) != '$' || !nameStart(line.charAt(1))) {
            return false;
        }
        int eq = 2;
        while (eq < line.length() && line.charAt(eq) != '=') {
            if (!namePart(line.charAt(eq))) {
                return false;
            }
            eq++;
        }
        if (eq >= line.length()) {
            return false;
        }
        String name = line.substring(1, eq);
        int v = eq + 1;
        while (v < line.length() && Decomment.isBlank(line.charAt(v))) {
            v++;
        }
        String value = line.substring(v);
        List<String> lines = new ArrayList<>();
        boolean multiline = value.endsWith("\\");
        if (multiline) {
            String first = value.substring(0, value.length() - 1).stripTrailing();
            if (!first.isEmpty()) {
                lines.add(first);
            }
        } else {
            lines.add(value);
        }
        Def def = new Def(lines, multiline, null);
        defs.put(name, def);
        if (multiline) {
            collecting = def;
            collectingName = name;
        }
        return true;
    }

    /**
     * Sets {@code $name} to a one-line value, replacing any definition of that name, a predefined
     * one included (keepalived's set_definition, which ~SEQ and ~LST use at each turn).
     */
    void set(String name, String value) {
        if (!name.isEmpty()) {
            defs.put(name, new Def(List.of(value), false, null));
        }
    }

    /** Adds one more line to the definition being collected. */
    void collect(String line) {
        boolean more = line.endsWith("\\");
        String text = more ? line.substring(0, line.length() - 1).stripTrailing() : line;
        if (!text.isEmpty()) {
            collecting.lines().add(text);
        }
        if (!more) {
            endCollecting();
        }
    }

    /** An empty line, or the end of the file, ends a multi-line definition. */
    void endCollecting() {
        if (collecting != null && collecting.lines().isEmpty()) {
            // a "multi-line" value that got no text is an ordinary (empty) one
            defs.put(collectingName, new Def(collecting.lines(), false, null));
        }
        collecting = null;
        collectingName = null;
    }

    /**
     * Replaces the references in {@code line}. Returns null when nothing was replaced. The second
     * and later lines of a multi-line value go to {@code extraLines}, in order.
     */
    String expand(String line, List<String> extraLines) {
        StringBuilder s = new StringBuilder(line);
        boolean found = false;
        int expansions = 0;
        int pos = s.indexOf("$");
        while (pos >= 0 && pos + 1 < s.length() && expansions < MAX_EXPANSIONS) {
            Reference ref = reference(s, pos);
            if (ref == null) {
                pos = s.indexOf("$", pos + 1);
                continue;
            }
            found = true;
            expansions++;
            String value;
            if (ref.def.generator() != null) {
                value = ref.def.generator().value(ref.params);
                if (value.equals("#") || value.equals("!")) {
                    // escaped, so the decomment that follows an expansion keeps it literal
                    value = insideQuotes(s, pos) ? value : "\\" + value;
                }
            } else if (ref.def.multiline()) {
                List<String> lines = ref.def.lines();
                value = lines.isEmpty() ? "" : lines.getFirst();
                if (lines.size() > 1) {
                    extraLines.addAll(0, lines.subList(1, lines.size()));
                }
            } else {
                value = ref.def.lines().isEmpty() ? "" : ref.def.lines().getFirst();
            }
            s.replace(pos, ref.end, value);
            // the value is scanned again, so references inside it expand too
            pos = s.indexOf("$", pos);
        }
        return found ? s.toString() : null;
    }

    private record Reference(Def def, String params, int end) {
    }

    /** The definition referenced at {@code dollar}, or null when the text there is not one. */
    private Reference reference(CharSequence s, int dollar) {
        int i = dollar + 1;
        boolean braces = s.charAt(i) == '{';
        if (braces) {
            i++;
        }
        if (i >= s.length() || !nameStart(s.charAt(i))) {
            return null;
        }
        int nameStart = i;
        while (i < s.length() && namePart(s.charAt(i))) {
            i++;
        }
        String name = s.subSequence(nameStart, i).toString();
        String params = null;
        int end;
        if (braces) {
            int close = indexOf(s, '}', i);
            if (close < 0) {
                return null;
            }
            String inner = s.subSequence(i, close).toString();
            if (!inner.isEmpty()) {
                if (!inner.startsWith(" ") || inner.endsWith(" ")) {
                    return null;
                }
                params = inner.strip();
            }
            end = close + 1;
        } else {
            if (i < s.length() && " \t,)".indexOf(s.charAt(i)) < 0) {
                return null;
            }
            end = i;
        }
        Def def = defs.get(name);
        if (def == null) {
            return null;
        }
        boolean endsLine = end == s.length();
        if (def.multiline() && !endsLine) {
            return null;
        }
        if (params != null && def.generator() == null) {
            return null;
        }
        return new Reference(def, params, end);
    }

    private static int indexOf(CharSequence s, char c, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean insideQuotes(CharSequence s, int pos) {
        boolean quote = false;
        for (int i = 0; i < pos; i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '"') {
                quote = !quote;
            }
        }
        return quote;
    }

    private static String random(String params) {
        long min = 0;
        long max = 32767;
        if (params != null) {
            String[] p = params.strip().split("[ \t]+");
            try {
                min = Long.parseLong(p[0]);
                if (p.length > 1) {
                    max = Long.parseLong(p[1]);
                }
            } catch (NumberFormatException e) {
                return "";
            }
        }
        if (max < min) {
            return Long.toString(min);
        }
        return Long.toString(ThreadLocalRandom.current().nextLong(min, max + 1));
    }

    private static boolean nameStart(char c) {
        return c == '_' || (c < 128 && Character.isLetter(c));
    }

    private static boolean namePart(char c) {
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }
}

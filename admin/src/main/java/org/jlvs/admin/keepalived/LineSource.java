package org.jlvs.admin.keepalived;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * keepalived's read_line(): the logical lines of a configuration, across its includes.
 * Each physical line is decommented; {@code @id} lines are kept or dropped by the config id;
 * {@code $NAME=} lines define parameters and references expand; {@code ~SEQ}/{@code ~LST} lines
 * repeat their text with a definition set at each turn; {@code include} lines open
 * their files at once (so they work inside any block); and a line is cut at its first unquoted
 * brace, the rest coming back as the next line.
 */
final class LineSource {
    /** keepalived reads with fgets into a 1024-byte buffer: 1022 bytes, the newline, the NUL. */
    static final int MAX_LINE_BYTES = 1022;
    /** Definitions that keep producing references are cut off after this many passes. */
    private static final int MAX_RECHECKS = 32;
    /** ~SEQ inside ~SEQ this deep can only be a definition repeating itself: cut off. */
    private static final int MAX_REPEAT_NESTING = 64;

    private final Reporter rep;
    private final Path root;
    private final String configId;
    private final Definitions defs;
    private final Deque<OpenGlob> files = new ArrayDeque<>();
    /** Lines to read before the next physical one: brace residues, multi-line values, repeats. */
    private final Deque<Queued> pending = new ArrayDeque<>();
    private int blockDepth;
    /** The repeat depth of the line being read (see {@link Waiting}). */
    private int depth;
    private Origin last;

    /** One file being read: its lines and how many have been read. */
    private static final class OpenFile {
        final Path path;
        final List<String> lines;
        /** Each line's length in bytes as it is on disk (keepalived's limit counts bytes). */
        final List<Integer> byteLengths;
        int read;

        OpenFile(Path path, List<String> lines, List<Integer> byteLengths) {
            this.path = path;
            this.lines = lines;
            this.byteLengths = byteLengths;
        }
    }

    /** What waits in {@link #pending}: a line, or a ~SEQ/~LST with turns left. */
    private sealed interface Queued {
    }

    /** {@code depth}: how many repeats the line comes out of (0 for a line of a file). */
    private record Waiting(SourceLine line, int depth) implements Queued {
    }

    private record Repeating(Origin at, LineRepeat repeat, int depth) implements Queued {
    }

    /** The files one include pattern matched, read one after the other. */
    private static final class OpenGlob {
        final List<Path> paths;
        /** An include's matches; keepalived skips included files with an execute bit. */
        final boolean included;
        int nextPath;
        OpenFile current;

        OpenGlob(List<Path> paths, boolean included) {
            this.paths = paths;
            this.included = included;
        }
    }

    /**
     * @param root     when not null, absolute include paths are looked up under it
     * @param configId what {@code @id} lines are compared with; null matches no id
     */
    LineSource(Path mainFile, Path root, String configId, Reporter rep) {
        this.rep = rep;
        this.root = root;
        this.configId = configId;
        this.defs = new Definitions(configId, this::logicalDirectory);
        this.last = new Origin(mainFile.toString(), 0);
        OpenFile main = read(mainFile);
        if (main == null) {
            rep.fatal(last, "Failed to open configuration file");
            return;
        }
        OpenGlob g = new OpenGlob(List.of(mainFile), false);
        g.nextPath = 1;
        g.current = main;
        files.push(g);
    }

    /** The next logical line, or null at the end of the last file. */
    SourceLine next() {
        while (true) {
            SourceLine line = nextPending();
            if (line == null) {
                depth = 0;
                line = readPhysical();
                if (line == null) {
                    defs.endCollecting();
                    return null;
                }
            }
            if (defs.collecting()) {
                defs.collect(line.text());
                continue;
            }
            String text = conditionsAndDefinitions(line);
            if (text.isEmpty()) {
                continue;
            }
            if (isInclude(text)) {
                // check_include(): the line is cut into words as any other ("..." is one word,
                // without its quotes), and only "include FILE", two words, is an include
                List<String> words = Words.split(text, rep, line.at());
                if (words.size() == 2) {
                    include(words.getFirst(), words.get(1), line.at());
                    continue;
                }
            }
            return cutAtBrace(new SourceLine(line.at(), text));
        }
    }

    /**
     * The next waiting line, or null. A repeat stays first in line until its last turn, so that
     * lines its text produces (a multi-line value, a nested ~SEQ) come before its next turn.
     */
    private SourceLine nextPending() {
        Queued q = pending.peekFirst();
        if (q == null) {
            return null;
        }
        if (q instanceof Waiting(SourceLine line, int d)) {
            pending.removeFirst();
            depth = d;
            return line;
        }
        Repeating r = (Repeating) q;
        LineRepeat.Turn turn = r.repeat().next();
        if (!r.repeat().hasNext()) {
            pending.removeFirst();
        }
        for (LineRepeat.Binding b : turn.bindings()) {
            defs.set(b.name(), b.value());
        }
        depth = r.depth();
        return new SourceLine(r.at(), turn.text());
    }

    /** Braces opened but not closed so far (what keepalived reports at the end). */
    int blockDepth() {
        return blockDepth;
    }

    /** The last physical line read. */
    Origin lastOrigin() {
        return last;
    }

    private SourceLine readPhysical() {
        while (!files.isEmpty()) {
            OpenGlob g = files.peek();
            OpenFile f = g.current;
            if (f == null || f.read >= f.lines.size()) {
                if (!openNext(g)) {
                    files.pop();
                }
                continue;
            }
            int number = ++f.read;
            String raw = f.lines.get(number - 1);
            Origin at = new Origin(f.path.toString(), number);
            last = at;
            if (f.byteLengths.get(number - 1) > MAX_LINE_BYTES) {
                rep.error(at, "line too long - ignoring");
                continue;
            }
            int end = raw.length();
            while (end > 0 && raw.charAt(end - 1) == '\r') {
                end--;
            }
            raw = raw.substring(0, end);
            if (raw.isEmpty()) {
                defs.endCollecting();
                continue;
            }
            Decomment.Result d = Decomment.apply(raw);
            if (d.unterminatedQuote()) {
                rep.error(at, "Unterminated quote '" + d.text() + "'");
            }
            if (!d.text().isEmpty()) {
                return new SourceLine(at, d.text());
            }
        }
        return null;
    }

    /** Opens the next readable file of a glob; false when there is none left. */
    private boolean openNext(OpenGlob g) {
        g.current = null;
        while (g.nextPath < g.paths.size()) {
            Path p = g.paths.get(g.nextPath++);
            if (g.included && Files.isRegularFile(p) && executable(p)) {
                rep.warning(last, "Configuration file '" + p + "' is not a regular non-executable file - skipping");
                continue;
            }
            if (g.included && beingRead(p)) {
                // keepalived would read it again inside itself until it runs out of file
                // descriptors (a pattern such as /etc/keepalived/*.conf matching keepalived.conf):
                // once is what its table comes to, and reading it again would never end here
                rep.error(last, "Configuration file '" + p + "' includes itself - not read again");
                continue;
            }
            OpenFile f = read(p);
            if (f != null) {
                g.current = f;
                return true;
            }
            rep.error(last, "Configuration file '" + p + "' open problem - skipping");
        }
        return false;
    }

    /** Whether a file is open further up the include chain. */
    private boolean beingRead(Path p) {
        for (OpenGlob o : files) {
            if (o.current != null && sameFile(o.current.path, p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** Any of the owner, group and other execute bits (where the file system has them). */
    private static boolean executable(Path p) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            return perms.contains(PosixFilePermission.OWNER_EXECUTE) || perms.contains(PosixFilePermission.GROUP_EXECUTE)
                    || perms.contains(PosixFilePermission.OTHERS_EXECUTE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static OpenFile read(Path p) {
        if (!Files.isRegularFile(p)) {
            return null;
        }
        try {
            // lines are cut on the bytes, so that a line's length is counted as keepalived counts
            // it even when the file is not UTF-8 (a GBK or Latin-1 comment after a value)
            byte[] all = Files.readAllBytes(p);
            List<String> lines = new ArrayList<>();
            List<Integer> lengths = new ArrayList<>();
            int start = 0;
            for (int k = 0; k <= all.length; k++) {
                if (k == all.length || all[k] == '\n') {
                    if (k == all.length && start == k) {
                        break;
                    }
                    lines.add(new String(all, start, k - start, StandardCharsets.UTF_8));
                    lengths.add(k - start);
                    start = k + 1;
                }
            }
            return new OpenFile(p, lines, lengths);
        } catch (IOException e) {
            return null;
        }
    }


    /** The {@code @id}, {@code $NAME=}, {@code ~SEQ}/{@code ~LST} and {@code $NAME} steps; "" when the line goes. */
    private String conditionsAndDefinitions(SourceLine line) {
        String buf = line.text();
        for (int pass = 0; pass < MAX_RECHECKS; pass++) {
            if (buf.startsWith("@")) {
                boolean negate = buf.startsWith("@^");
                int from = negate ? 2 : 1;
                int blank = firstBlank(buf, from);
                if (blank < 0) {
                    return "";
                }
                boolean match = configId != null && buf.substring(from, blank).equals(configId);
                if (match == negate) {
                    return "";
                }
                buf = buf.substring(blank).stripLeading();
            }
            if (buf.startsWith("$") && defs.define(buf)) {
                return "";
            }
            if (LineRepeat.is(buf)) {
                repeat(buf, line.at());
                return "";
            }
            if (buf.startsWith("~") || buf.indexOf('$') < 0) {
                return buf;
            }
            List<String> more = new ArrayList<>();
            String expanded = defs.expand(buf, more);
            if (expanded == null) {
                return buf;
            }
            for (int i = more.size() - 1; i >= 0; i--) {
                pending.addFirst(new Waiting(new SourceLine(line.at(), more.get(i)), depth));
            }
            buf = Decomment.apply(expanded).text();
            if (!buf.startsWith("@") && buf.indexOf('$') < 0) {
                return buf;
            }
        }
        rep.error(line.at(), "definitions keep expanding - line ignored");
        return "";
    }

    /** A ~SEQ or ~LST line: its turns are read next, or keepalived's messages when it is invalid. */
    private void repeat(String buf, Origin at) {
        try {
            LineRepeat r = LineRepeat.parse(buf, params -> {
                String expanded = defs.expand(params, new ArrayList<>());
                return expanded == null ? params : expanded;
            });
            if (depth >= MAX_REPEAT_NESTING) {
                rep.error(at, "~SEQ/~LST nested more than " + MAX_REPEAT_NESTING + " deep - line ignored");
                return;
            }
            pending.addFirst(new Repeating(at, r, depth + 1));
        } catch (LineRepeat.Invalid e) {
            for (String m : e.messages()) {
                rep.error(at, m);
            }
        }
    }

    private static int firstBlank(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (Decomment.isBlank(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code include}, or {@code includer|m|w|b|a}, followed by a blank. */
    private static boolean isInclude(String s) {
        if (!s.startsWith("include") || s.length() < 8) {
            return false;
        }
        char c = s.charAt(7);
        if (Character.isWhitespace(c)) {
            return true;
        }
        return s.length() > 8 && "rmwba".indexOf(c) >= 0 && Character.isWhitespace(s.charAt(8));
    }

    private void include(String keyword, String word, Origin at) {
        char type = keyword.length() == 7 ? ' ' : keyword.charAt(7);
        String pattern = Decomment.unescape(word);
        Path base = currentDirectory();
        List<Path> matches = new ArrayList<>();
        for (Path p : IncludeGlob.expand(pattern, base, root)) {
            if (Files.isDirectory(p)) {
                rep.warning(at, "include '" + pattern + "': '" + p + "' is a directory - skipped");
            } else {
                matches.add(p);
            }
        }
        if (matches.isEmpty()) {
            boolean wildcard = IncludeGlob.hasWildcard(pattern);
            boolean checked = wildcard ? type == 'w' || type == 'a' : type != ' ';
            String message = "include '" + pattern + "' matched no file";
            if (checked) {
                rep.error(at, message);
            } else if (!wildcard) {
                rep.warning(at, message);
            }
            return;
        }
        files.push(new OpenGlob(matches, true));
    }

    /** Where a relative include is looked up: the directory of the file being read. */
    private Path currentDirectory() {
        for (OpenGlob g : files) {
            if (g.current != null) {
                Path parent = g.current.path.toAbsolutePath().getParent();
                return parent != null ? parent : Path.of("/");
            }
        }
        return Path.of("").toAbsolutePath();
    }

    /** ${_PWD}: the current directory as keepalived sees it, without the root prefix. */
    private String logicalDirectory() {
        Path dir = currentDirectory().normalize();
        if (root != null) {
            Path r = root.toAbsolutePath().normalize();
            if (dir.startsWith(r)) {
                return "/" + r.relativize(dir).toString().replace('\\', '/');
            }
        }
        return dir.toString();
    }

    private SourceLine cutAtBrace(SourceLine line) {
        String buf = line.text();
        int brace = -1;
        if (buf.charAt(0) == '{' || buf.charAt(0) == '}') {
            brace = 0;
        } else {
            int i = 0;
            while (i < buf.length()) {
                char c = buf.charAt(i);
                if (c == '{' || c == '}') {
                    brace = i;
                    break;
                }
                if (c == '"') {
                    int close = buf.indexOf('"', i + 1);
                    if (close < 0) {
                        break;
                    }
                    i = close + 1;
                } else {
                    i++;
                }
            }
        }
        if (brace >= 0) {
            int cut = brace;
            if (brace == 0) {
                cut = 1;
                while (cut < buf.length() && Decomment.isBlank(buf.charAt(cut))) {
                    cut++;
                }
            }
            if (cut < buf.length()) {
                pending.addFirst(new Waiting(new SourceLine(line.at(), stripTrailingBlanks(buf.substring(cut))), depth));
                buf = buf.substring(0, cut);
            }
        }
        buf = Decomment.unescape(stripTrailingBlanks(buf));
        if (buf.equals("{")) {
            blockDepth++;
        } else if (buf.equals("}")) {
            if (blockDepth-- < 1) {
                rep.error(line.at(), "Extra '}' found");
                blockDepth = 0;
            }
        }
        return new SourceLine(line.at(), buf);
    }

    private static String stripTrailingBlanks(String s) {
        int end = s.length();
        while (end > 0 && Decomment.isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }
}

package org.jlvs.admin.keepalived;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * The files an {@code include} pattern names, as glob(3) with GLOB_BRACE finds them: csh braces
 * expand first, each alternative in turn, and the matches of one alternative come sorted.
 * A relative pattern is taken from the including file's directory (keepalived changes into it);
 * an absolute one from {@code root} when a root prefix is set.
 */
final class IncludeGlob {

    private IncludeGlob() {
    }

    static List<Path> expand(String pattern, Path baseDir, Path root) {
        List<Path> found = new ArrayList<>();
        for (String alternative : braces(pattern)) {
            Path start;
            String rest;
            if (alternative.startsWith("/")) {
                start = root != null ? root : Path.of("/");
                rest = alternative.substring(1);
            } else {
                start = baseDir;
                rest = alternative;
            }
            List<Path> matches = new ArrayList<>();
            walk(start, segments(rest), 0, matches);
            matches.sort((a, b) -> a.toString().compareTo(b.toString()));
            found.addAll(matches);
        }
        return found;
    }

    /** True when the pattern has a wildcard, so that matching nothing is expected to happen. */
    static boolean hasWildcard(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    /** Braces are gone by now, so only these make a segment a pattern. */
    private static boolean segmentHasWildcard(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    private static List<String> segments(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/+")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }

    private static void walk(Path dir, List<String> parts, int index, List<Path> out) {
        if (index == parts.size()) {
            if (Files.exists(dir)) {
                out.add(dir);
            }
            return;
        }
        String part = parts.get(index);
        if (!segmentHasWildcard(part)) {
            walk(dir.resolve(unescape(part)), parts, index + 1, out);
            return;
        }
        if (!Files.isDirectory(dir)) {
            return;
        }
        PathMatcher m;
        try {
            m = FileSystems.getDefault().getPathMatcher("glob:" + part);
        } catch (java.util.regex.PatternSyntaxException e) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                // as glob(3), a wildcard does not match a leading dot
                if (name.startsWith(".") && !part.startsWith(".")) {
                    continue;
                }
                if (m.matches(e.getFileName())) {
                    walk(e, parts, index + 1, out);
                }
            }
        } catch (IOException e) {
            // an unreadable directory matches nothing, as glob(3) without GLOB_ERR
        }
    }

    private static String unescape(String s) {
        return s.replaceAll("\\\\(.)", "$1");
    }

    /** csh brace expansion: {@code a{b,c}d} is {@code abd acd}; braces nest. */
    static List<String> braces(String pattern) {
        int open = -1;
        int depth = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                if (depth++ == 0) {
                    open = i;
                }
            } else if (c == '}' && depth > 0 && --depth == 0) {
                List<String> out = new ArrayList<>();
                String head = pattern.substring(0, open);
                String tail = pattern.substring(i + 1);
                for (String alt : splitTopLevel(pattern.substring(open + 1, i))) {
                    out.addAll(braces(head + alt + tail));
                }
                return out;
            }
        }
        return List.of(pattern);
    }

    private static List<String> splitTopLevel(String body) {
        List<String> alts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                alts.add(body.substring(start, i));
                start = i + 1;
            }
        }
        alts.add(body.substring(start));
        return alts;
    }
}

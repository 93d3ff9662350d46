package org.jlvs.admin.keepalived;

import java.util.List;

/** One keyword line cut into words, with the line it came from (script keywords re-read it). */
record Stmt(List<String> words, SourceLine line) {

    Stmt {
        words = List.copyOf(words);
    }

    String keyword() {
        return words.getFirst();
    }

    /** Word {@code i}, or null past the end. */
    String word(int i) {
        return i < words.size() ? words.get(i) : null;
    }

    int size() {
        return words.size();
    }

    Origin at() {
        return line.at();
    }
}

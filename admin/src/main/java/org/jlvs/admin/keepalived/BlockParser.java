package org.jlvs.admin.keepalived;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * keepalived's process_stream(): reads logical lines and runs the handler of each keyword of
 * the current block. Its quirks are kept on purpose, since real files depend on them:
 * an unknown keyword is reported and only its own line is skipped, so an unknown block's
 * lines are read as keywords of the enclosing block and its '}' closes that block early;
 * a '{' nobody asked for is reported and ignored.
 */
final class BlockParser {
    private static final String BOB = "{";
    private static final String EOB = "}";

    private final LineSource src;
    private final Reporter rep;
    /** 0: reading; -1: skipping a keyword whose '{' has not come yet; n > 0: skipping, n braces deep. */
    private int skipSublevel;
    private int kwLevel;

    BlockParser(LineSource src, Reporter rep) {
        this.src = src;
        this.rep = rep;
    }

    /** Reads the whole configuration with the top-level table. */
    void run(KeywordTable top) {
        process(top, false);
        if (src.blockDepth() > 0) {
            rep.error(src.lastOrigin(), "There are " + src.blockDepth() + " missing '}'s or extra '{'s");
        }
    }

    /**
     * Makes the block whose keyword is being handled be skipped: its lines are read up to the
     * matching '}' without being looked at (keepalived's skip_block(true)).
     */
    void skipBlock() {
        skipSublevel = -1;
    }

    /** Returns true when the block ended by being skipped (its close handler must not run). */
    private boolean process(KeywordTable table, boolean needBob) {
        SourceLine line;
        while ((line = src.next()) != null) {
            List<String> words = Words.split(line.text(), rep, line.at());
            if (words.isEmpty()) {
                continue;
            }
            String str = words.getFirst();
            if (skipSublevel == -1) {
                if (str.equals(BOB)) {
                    skipSublevel = 1;
                    needBob = false;
                    continue;
                }
                // the skipped keyword had no block after all
                skipSublevel = 0;
            }
            if (skipSublevel != 0) {
                for (String w : words) {
                    str = w;
                    if (w.equals(BOB)) {
                        skipSublevel++;
                    } else if (w.equals(EOB) && --skipSublevel == 0) {
                        break;
                    }
                }
                if (str.equals(EOB) && skipSublevel == 0 && kwLevel > 0) {
                    return true;
                }
                continue;
            }
            if (needBob) {
                needBob = false;
                if (str.equals(BOB) && kwLevel > 0) {
                    continue;
                }
                rep.error(line.at(), "Missing '{' at beginning of configuration block");
            } else if (str.equals(BOB)) {
                rep.error(line.at(), "Unexpected '{' - ignoring");
                continue;
            }
            if (str.equals(EOB) && kwLevel > 0) {
                return false;
            }
            KeywordTable.Keyword kw = table.find(str);
            if (kw == null) {
                rep.error(line.at(), "Unknown keyword '" + str + "'");
                continue;
            }
            run(kw, words, line);
        }
        return false;
    }

    private void run(KeywordTable.Keyword kw, List<String> words, SourceLine line) {
        if (!kw.active()) {
            skipSublevel = words.getLast().equals(BOB) ? 1 : -1;
        }
        boolean bobNeeded = false;
        List<String> w = words;
        if (kw.sub() != null) {
            if (words.size() > 1 && words.getLast().equals(BOB)) {
                w = words.subList(0, words.size() - 1);
            } else {
                bobNeeded = true;
            }
        }
        if (kw.handler() != null) {
            kw.handler().accept(new Stmt(w, line));
        }
        if (kw.sub() != null) {
            kwLevel++;
            boolean skipped = process(kw.sub(), bobNeeded);
            kwLevel--;
            if (!skipped && kw.active() && kw.close() != null) {
                kw.close().run();
            }
        }
    }

    /**
     * keepalived's alloc_value_block(): the lines of a block are values, not keywords (a
     * virtual_server_group, notification_email). {@code opening} is the keyword line, whose
     * words after the first two may already hold values when written as {@code name { a b }}.
     */
    void valueBlock(Stmt opening, int firstValueWord, Consumer<Stmt> each) {
        List<String> first = null;
        boolean needBob = true;
        boolean hadEob = false;
        List<String> ow = opening.words();
        if (ow.size() > firstValueWord) {
            if (ow.get(firstValueWord).equals(BOB)) {
                needBob = false;
                if (ow.size() > firstValueWord + 1) {
                    first = new ArrayList<>(ow.subList(firstValueWord + 1, ow.size()));
                    if (first.getLast().equals(EOB)) {
                        first.removeLast();
                        hadEob = true;
                    }
                }
            } else {
                rep.error(opening.at(), "Block " + opening.keyword() + " has extra parameters "
                        + ow.get(firstValueWord) + " ...");
            }
        }
        SourceLine line = opening.line();
        while (first != null || (line = src.next()) != null) {
            List<String> words;
            if (first != null) {
                words = first;
                first = null;
            } else {
                words = new ArrayList<>(Words.split(line.text(), rep, line.at()));
                if (words.isEmpty()) {
                    continue;
                }
                if (needBob) {
                    needBob = false;
                    if (words.getFirst().equals(BOB)) {
                        if (words.size() == 1) {
                            continue;
                        }
                        words.removeFirst();
                    } else {
                        rep.warning(line.at(), "'{' missing from beginning of block " + opening.keyword());
                    }
                }
                if (words.getLast().equals(EOB)) {
                    if (words.size() == 1) {
                        break;
                    }
                    hadEob = true;
                    words.removeLast();
                }
            }
            if (!words.isEmpty()) {
                each.accept(new Stmt(words, line));
            }
            if (hadEob) {
                break;
            }
        }
    }
}

package org.jlvs.admin.keepalived;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The keywords one block accepts, as keepalived's install_keyword() tree: a handler per keyword,
 * and for block keywords the table of the block and a handler run when the block closes.
 * An inactive keyword is one that belongs to another part of keepalived: it is recognised and
 * skipped together with its block.
 */
final class KeywordTable {

    /** One keyword; {@code sub} is null for a keyword without a block. */
    record Keyword(String name, Consumer<Stmt> handler, KeywordTable sub, Runnable close, boolean active) {
    }

    private final Map<String, Keyword> keywords = new HashMap<>();

    /** A keyword on one line. The first registration of a name wins, as in keepalived. */
    KeywordTable on(String name, Consumer<Stmt> handler) {
        keywords.putIfAbsent(name, new Keyword(name, handler, null, null, true));
        return this;
    }

    /** A keyword opening a block read with {@code sub}; {@code close} runs when the block ends. */
    KeywordTable block(String name, Consumer<Stmt> handler, KeywordTable sub, Runnable close) {
        keywords.putIfAbsent(name, new Keyword(name, handler, sub, close, true));
        return this;
    }

    /** A keyword skipped with its block; {@code seen} is told about it first. */
    KeywordTable inactive(String name, Consumer<Stmt> seen) {
        keywords.putIfAbsent(name, new Keyword(name, seen, new KeywordTable(), null, false));
        return this;
    }

    Keyword find(String name) {
        return keywords.get(name);
    }
}

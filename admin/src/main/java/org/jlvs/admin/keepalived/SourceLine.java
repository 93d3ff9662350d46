package org.jlvs.admin.keepalived;

/**
 * One logical line as the keyword parser sees it: comments removed, definitions expanded and
 * cut at the first unquoted brace, so that every '{' and '}' stands on a line of its own.
 */
record SourceLine(Origin at, String text) {
}

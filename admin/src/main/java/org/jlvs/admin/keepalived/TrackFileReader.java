package org.jlvs.admin.keepalived;

import java.util.OptionalLong;

/**
 * The top-level {@code track_file} block (and the deprecated {@code vrrp_track_file}), as
 * keepalived's track_file.c reads it; a block without a file is dropped.
 */
final class TrackFileReader {
    static final int WEIGHT_LIMIT = 254;

    /** A track_file block while it is being read. */
    static final class Builder {
        final Origin at;
        final String name;
        String path;
        int weight = 1;
        boolean reverse;
        TrackFile.Init init;

        Builder(Origin at, String name) {
            this.at = at;
            this.name = name;
        }
    }

    private TrackFileReader() {
    }

    static void install(KeywordTable top, ParseContext ctx) {
        KeywordTable t = table(ctx);
        top.block("track_file", s -> open(ctx, s), t, () -> close(ctx));
        top.block("vrrp_track_file", s -> {
            ctx.rep.warning(s.at(), "\"vrrp_track_file\" is deprecated, please use \"track_file\"");
            open(ctx, s);
        }, t, () -> close(ctx));
    }

    private static void open(ParseContext ctx, Stmt s) {
        ctx.trackFile = new Builder(s.at(), s.word(1) == null ? "" : s.word(1));
    }

    private static void close(ParseContext ctx) {
        Builder b = ctx.trackFile;
        if (b.path == null) {
            ctx.rep.error(b.at, "No file set for track_file " + b.name + " - ignoring");
            return;
        }
        ctx.trackFiles.add(new TrackFile(b.at, b.name, b.path, b.weight, b.reverse, b.init));
    }

    private static KeywordTable table(ParseContext ctx) {
        Reporter rep = ctx.rep;
        KeywordTable t = new KeywordTable();
        t.on("file", s -> {
            Builder b = ctx.trackFile;
            if (s.size() < 2) {
                rep.error(s.at(), "track file file name missing");
            } else if (b.path != null) {
                rep.error(s.at(), "File already set for track file " + b.name + " - ignoring " + s.word(1));
            } else {
                b.path = s.word(1);
            }
        });
        t.on("weight", s -> {
            Builder b = ctx.trackFile;
            if (s.size() < 2) {
                rep.error(s.at(), "No weight specified for track file " + b.name + " - ignoring");
                return;
            }
            if (b.weight != 1) {
                rep.error(s.at(), "Weight already set for track file " + b.name + " - ignoring " + s.word(1));
                return;
            }
            OptionalLong w = Values.parseSigned(s.word(1));
            if (w.isEmpty() || Math.abs(w.getAsLong()) > WEIGHT_LIMIT) {
                rep.error(s.at(), "Weight (" + s.word(1) + ") for track_file " + b.name
                        + " must be between [-254..254] inclusive. Ignoring...");
            } else {
                b.weight = (int) w.getAsLong();
            }
            if (s.size() > 2) {
                if (s.word(2).equals("reverse")) {
                    b.reverse = true;
                } else {
                    rep.error(s.at(), "track_file " + b.name + " unknown weight option " + s.word(2));
                }
            }
        });
        t.on("init_file", s -> {
            Builder b = ctx.trackFile;
            int value = 0;
            boolean overwrite = false;
            for (int i = 1; i < s.size(); i++) {
                String w = s.word(i);
                if (Character.isDigit(w.charAt(0)) || w.charAt(0) == '-') {
                    OptionalLong v = Values.parseSigned(w);
                    if (v.isEmpty() || v.getAsLong() < Integer.MIN_VALUE || v.getAsLong() > Integer.MAX_VALUE) {
                        rep.error(s.at(), "Track file " + b.name + " init value " + w + " is invalid");
                        value = 0;
                    } else {
                        value = (int) v.getAsLong();
                        if (Math.abs(v.getAsLong()) > WEIGHT_LIMIT) {
                            rep.error(s.at(), "Track file " + b.name + " init value " + value
                                    + " is outside sensible range [-254, 254]");
                        }
                    }
                } else if (w.equals("overwrite")) {
                    overwrite = true;
                } else {
                    rep.error(s.at(), "Unknown track file init option " + w);
                }
            }
            b.init = new TrackFile.Init(value, overwrite);
        });
        return t;
    }
}

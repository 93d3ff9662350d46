package org.jlvs.admin.keepalived;

/**
 * A top-level {@code track_file NAME { file PATH; weight W [reverse]; init_file [V] [overwrite] }}
 * block (keepalived's track_file.c): a file whose number the FILE_CHECKs naming it follow.
 *
 * @param weight -254..254, 1 by default
 * @param init   null without init_file
 */
public record TrackFile(Origin at, String name, String path, int weight, boolean reverse, Init init) {

    /**
     * {@code init_file [VALUE] [overwrite]}: at start the file is created holding VALUE (0 by
     * default) when it does not exist, or rewritten even when it does with {@code overwrite}
     * (a reload never rewrites one).
     */
    public record Init(int value, boolean overwrite) {
    }
}

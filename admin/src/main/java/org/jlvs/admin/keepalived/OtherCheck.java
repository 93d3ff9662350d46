package org.jlvs.admin.keepalived;

import java.util.List;

/**
 * A checker keepalived has and JLVS only reads: BFD_CHECK.
 * Its own keywords are kept in {@code settings}. It still counts as a checker of its real server.
 */
public record OtherCheck(Origin at, String keyword, CheckerOptions options, List<Setting> settings)
        implements Checker {

    public OtherCheck {
        settings = List.copyOf(settings);
    }
}

package org.jlvs.admin.keepalived;

/**
 * {@code FILE_CHECK { track_file NAME; weight W [reverse] }} (check_file.c): the real server
 * follows the number in a track file. With a weight, number x weight (negated with reverse)
 * is added to the server's weight, and only a result at or below INT_MIN makes it fail; with
 * weight 0 any number but 0 fails it (reverse: only 0 does). The weight and reverse default to
 * the track_file's. The checker has run from the start and has no alpha.
 */
public record FileCheck(Origin at, CheckerOptions options, TrackFile file, int weight, boolean reverse)
        implements Checker {
    /** keepalived's IPVS_WEIGHT_FAULT: the status of a failed file. */
    public static final int FAULT = Integer.MIN_VALUE;

    @Override
    public String keyword() {
        return "FILE_CHECK";
    }

    /** What the file holding {@code value} means for the server: FAULT, or the weight to add. */
    public int status(long value) {
        if (weight == 0) {
            return (value != 0) != reverse ? FAULT : 0;
        }
        // a file's number is within 32 bits and so is the weight: the product fits in 64
        long w = value * weight * (reverse ? -1 : 1);
        return w <= Integer.MIN_VALUE ? FAULT : (int) Math.min(Integer.MAX_VALUE, w);
    }
}

package dev.moravec.taxonomy.index;

/**
 * The 90% range of a ranked row's rank over the bootstrap resamples ({@link IntervalSettings}): rank
 * 12 with range 7-19 means the row ranked between 7th and 19th in 90% of them. It always holds the
 * row's rank itself.
 *
 * @param low the best (smallest) rank of the range
 * @param high the worst (largest)
 */
public record RankRange(int low, int high) {

    /** Checks the ends. */
    public RankRange {
        if (low < 1 || low > high) {
            throw new IllegalArgumentException("a rank range runs from 1 up, low to high; was " + low + "-" + high);
        }
    }
}

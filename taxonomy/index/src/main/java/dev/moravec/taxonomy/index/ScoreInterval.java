package dev.moravec.taxonomy.index;

/**
 * A score's 90% bootstrap interval ({@link IntervalSettings}); it always holds the score itself.
 *
 * @param low the lower end
 * @param high the upper end
 */
public record ScoreInterval(double low, double high) {

    /** Checks the ends. */
    public ScoreInterval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("an interval's low end " + low + " is above its high end " + high);
        }
    }
}

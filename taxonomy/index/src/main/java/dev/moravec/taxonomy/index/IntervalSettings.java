package dev.moravec.taxonomy.index;

/**
 * How the 90% intervals of scores and ranks are estimated (docs/intervals.md): how many bootstrap
 * resamples, from which seed. The same index, overrides, settings and seed give the same intervals.
 *
 * @param resamples the number of bootstrap resamples, at least 100
 * @param seed the seed of the resampling
 */
public record IntervalSettings(int resamples, long seed) {

    /** The coverage of every interval. */
    public static final double LEVEL = 0.90;

    /** The number of resamples unless told otherwise. */
    public static final int DEFAULT_RESAMPLES = 1000;

    /** The seed unless told otherwise. */
    public static final long DEFAULT_SEED = 1;

    /** The defaults: 1,000 resamples from seed 1. */
    public static final IntervalSettings DEFAULT = new IntervalSettings(DEFAULT_RESAMPLES, DEFAULT_SEED);

    /**
     * Checks the number of resamples.
     *
     * @throws IllegalArgumentException if it is below 100
     */
    public IntervalSettings {
        if (resamples < 100) {
            throw new IllegalArgumentException("the number of resamples must be at least 100 for a 90% interval, was "
                    + resamples);
        }
    }
}

package dev.moravec.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Percentile bootstrap intervals. Each resample draws as many units (tasks, or occupations) as the
 * data has, with replacement, and is handed to every statistic as the number of times each unit was
 * drawn; so statistics computed in one call see the same resamples, and their differences are paired.
 * The resamples depend only on the seed and the number of units: the same data and seed give the
 * same intervals, run after run.
 */
public final class Bootstrap {

    /** The number of resamples used unless told otherwise. */
    public static final int DEFAULT_RESAMPLES = 1000;

    /** The seed used unless told otherwise. */
    public static final long DEFAULT_SEED = 1;

    /** The interval's coverage unless told otherwise. */
    public static final double LEVEL = 0.95;

    /** A figure computed from how many times each unit is drawn. */
    @FunctionalInterface
    public interface Statistic {
        /**
         * @param counts how many times each unit is in the sample (all 1 for the data itself)
         * @return the figure, or NaN when it is undefined on this sample
         */
        double of(int[] counts);
    }

    private final int resamples;
    private final long seed;
    private final double level;

    /**
     * Intervals of the default coverage, {@link #LEVEL}.
     *
     * @param resamples the number of resamples, at least 1
     * @param seed the seed of the resampling
     */
    public Bootstrap(int resamples, long seed) {
        this(resamples, seed, LEVEL);
    }

    /**
     * @param resamples the number of resamples, at least 1
     * @param seed the seed of the resampling
     * @param level the intervals' coverage, such as 0.9
     */
    public Bootstrap(int resamples, long seed, double level) {
        if (resamples < 1) {
            throw new IllegalArgumentException("the number of resamples must be at least 1, was " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the coverage must be between 0 and 1, was " + level);
        }
        this.resamples = resamples;
        this.seed = seed;
        this.level = level;
    }

    /** @return the intervals' coverage */
    public double level() {
        return level;
    }

    /** @return the number of resamples */
    public int resamples() {
        return resamples;
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /**
     * Computes each statistic on the data and on every resample.
     *
     * @param units the number of units
     * @param statistics the statistics
     * @return for each statistic, its value on the data with the percentile interval of its finite
     *     resampled values; {@link Estimate#UNDEFINED} when its value on the data is NaN
     */
    public List<Estimate> estimate(int units, List<Statistic> statistics) {
        int[] ones = new int[units];
        Arrays.fill(ones, 1);
        double[][] replicates = new double[statistics.size()][resamples];
        SplittableRandom random = new SplittableRandom(seed);
        int[] counts = new int[units];
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < units; i++) {
                counts[random.nextInt(units)]++;
            }
            for (int s = 0; s < statistics.size(); s++) {
                replicates[s][b] = statistics.get(s).of(counts);
            }
        }
        List<Estimate> estimates = new ArrayList<>(statistics.size());
        for (int s = 0; s < statistics.size(); s++) {
            estimates.add(estimate(units == 0 ? Double.NaN : statistics.get(s).of(ones), replicates[s], level));
        }
        return estimates;
    }

    // a resample can lack a class or vary too little for a figure; those resamples are left out
    private static Estimate estimate(double value, double[] replicates, double level) {
        if (Double.isNaN(value)) {
            return Estimate.UNDEFINED;
        }
        double[] finite = Arrays.stream(replicates).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return new Estimate(value, Double.NaN, Double.NaN);
        }
        double tail = (1 - level) / 2;
        return new Estimate(value, Metrics.percentile(finite, tail), Metrics.percentile(finite, 1 - tail));
    }
}

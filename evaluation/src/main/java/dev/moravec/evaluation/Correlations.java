package dev.moravec.evaluation;

import java.util.List;

/**
 * How two occupation-level measures agree: Spearman's and Pearson's correlation over paired units, each
 * with a bootstrap percentile interval (units resampled with replacement).
 */
public final class Correlations {

    /**
     * The correlations of paired values.
     *
     * @param pairs the number of pairs
     * @param spearman Spearman's rank correlation with its interval
     * @param pearson Pearson's correlation with its interval
     * @param level the intervals' coverage
     * @param resamples the number of resamples
     * @param seed the resampling's seed
     */
    public record Result(int pairs, Estimate spearman, Estimate pearson, double level, int resamples, long seed) {}

    private Correlations() {}

    /**
     * Correlates paired values.
     *
     * @param x one measure's values
     * @param y the other's, as long as {@code x}, pair by pair
     * @param bootstrap the resampling
     * @return both correlations with their intervals; undefined for fewer than 3 pairs or a constant measure
     */
    public static Result of(double[] x, double[] y, Bootstrap bootstrap) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("the measures have " + x.length + " and " + y.length + " values");
        }
        int n = x.length;
        List<Estimate> estimates = n < 3 ? List.of(Estimate.UNDEFINED, Estimate.UNDEFINED)
                : bootstrap.estimate(n, List.of(counts -> resampled(x, y, counts, true),
                        counts -> resampled(x, y, counts, false)));
        return new Result(n, estimates.get(0), estimates.get(1), bootstrap.level(), bootstrap.resamples(), bootstrap.seed());
    }

    private static double resampled(double[] x, double[] y, int[] counts, boolean ranks) {
        int size = 0;
        for (int c : counts) {
            size += c;
        }
        double[] xs = new double[size];
        double[] ys = new double[size];
        int at = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int c = 0; c < counts[i]; c++) {
                xs[at] = x[i];
                ys[at] = y[i];
                at++;
            }
        }
        return ranks ? Metrics.spearman(xs, ys) : Metrics.pearson(xs, ys);
    }
}

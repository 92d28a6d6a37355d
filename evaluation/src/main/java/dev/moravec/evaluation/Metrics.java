package dev.moravec.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The agreement measures of an evaluation, on plain arrays. Ties get average ranks throughout, so a
 * scorer that gives many tasks the same value is neither rewarded nor punished by the order they
 * happen to come in.
 */
public final class Metrics {

    private Metrics() {}

    /**
     * Ranks from 1, tied values sharing the mean of their ranks.
     *
     * @param values the values
     * @return each value's rank
     */
    public static double[] ranks(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        for (int from = 0; from < order.length;) {
            int to = from + 1;
            while (to < order.length && values[order[to]] == values[order[from]]) {
                to++;
            }
            double rank = (from + 1 + to) / 2.0; // the mean of the ranks from+1 .. to
            for (int i = from; i < to; i++) {
                ranks[order[i]] = rank;
            }
            from = to;
        }
        return ranks;
    }

    /**
     * The area under the ROC curve: the chance that a random positive task scores above a random
     * negative one, ties counting one half (Mann-Whitney rank sum with average ranks).
     *
     * @param scores the scores
     * @param positive each task's label
     * @return the AUC in [0, 1], or NaN when either class is empty
     */
    public static double auc(double[] scores, boolean[] positive) {
        double[] ranks = ranks(scores);
        double rankSum = 0;
        long positives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (positive[i]) {
                rankSum += ranks[i];
                positives++;
            }
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * Counts how decisions and labels agree.
     *
     * @param decided each task's decision
     * @param positive each task's label
     * @return the confusion table
     */
    public static Confusion confusion(boolean[] decided, boolean[] positive) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < decided.length; i++) {
            if (decided[i]) {
                if (positive[i]) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (positive[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Confusion(tp, fp, fn, tn);
    }

    /**
     * @param decided each task's decision
     * @param positive each task's label
     * @return balanced accuracy, see {@link Confusion#balancedAccuracy()}
     */
    public static double balancedAccuracy(boolean[] decided, boolean[] positive) {
        return confusion(decided, positive).balancedAccuracy();
    }

    /**
     * @param decided each task's decision
     * @param positive each task's label
     * @return Cohen's kappa, see {@link Confusion#kappa()}
     */
    public static double kappa(boolean[] decided, boolean[] positive) {
        return confusion(decided, positive).kappa();
    }

    /**
     * Pearson's correlation.
     *
     * @param x one variable
     * @param y the other, as long as {@code x}
     * @return the correlation in [-1, 1], or NaN for fewer than 2 pairs or a constant variable
     */
    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /**
     * Spearman's rank correlation: Pearson's on average ranks.
     *
     * @param x one variable
     * @param y the other, as long as {@code x}
     * @return the correlation in [-1, 1], or NaN for fewer than 2 pairs or a constant variable
     */
    public static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    /**
     * A percentile by linear interpolation between the closest ranks (Hyndman and Fan's type 7, the
     * default of R and NumPy).
     *
     * @param sorted values in ascending order, at least one
     * @param p the fraction, in [0, 1]
     * @return the percentile
     */
    public static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }
}

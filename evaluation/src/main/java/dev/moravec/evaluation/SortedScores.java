package dev.moravec.evaluation;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Tasks sorted by a score once, so the ROC AUC of any bootstrap resample takes one pass instead of a
 * sort: with each task counted as often as it was drawn, the AUC is the rank-sum AUC of the resample,
 * ties counting one half.
 */
final class SortedScores {

    private final int[] order;
    private final double[] scores;
    private final boolean[] positive;

    /**
     * @param scores each task's score, NaN where it has none (left out)
     * @param positive each task's label
     * @param subset the tasks to include, or {@code null} for all
     */
    SortedScores(double[] scores, boolean[] positive, int[] subset) {
        this.scores = scores;
        this.positive = positive;
        IntStream items = subset == null ? IntStream.range(0, scores.length) : Arrays.stream(subset);
        this.order = items.filter(i -> !Double.isNaN(scores[i])).boxed()
                .sorted((i, j) -> Double.compare(scores[i], scores[j])).mapToInt(Integer::intValue).toArray();
    }

    /** @return the tasks with a score */
    int size() {
        return order.length;
    }

    /**
     * @param counts how often each task is drawn
     * @return the AUC, or NaN when a class is missing from the sample
     */
    double auc(int[] counts) {
        double below = 0; // negatives drawn with a lower score
        double pairs = 0;
        double positives = 0;
        for (int from = 0; from < order.length;) {
            int to = from;
            double p = 0;
            double n = 0;
            while (to < order.length && scores[order[to]] == scores[order[from]]) {
                int task = order[to++];
                if (positive[task]) {
                    p += counts[task];
                } else {
                    n += counts[task];
                }
            }
            pairs += p * (below + n / 2);
            below += n;
            positives += p;
            from = to;
        }
        return positives == 0 || below == 0 ? Double.NaN : pairs / (positives * below);
    }
}

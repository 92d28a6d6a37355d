package dev.moravec.evaluation;

/**
 * How a yes/no decision (here: the task is {@code PURE_REASONING}) agrees with yes/no labels.
 *
 * @param truePositive decided yes, labelled positive
 * @param falsePositive decided yes, labelled negative
 * @param falseNegative decided no, labelled positive
 * @param trueNegative decided no, labelled negative
 */
public record Confusion(long truePositive, long falsePositive, long falseNegative, long trueNegative) {

    /** @return the number of decisions */
    public long total() {
        return truePositive + falsePositive + falseNegative + trueNegative;
    }

    /**
     * The mean of the true positive rate and the true negative rate, which, unlike accuracy, a
     * decision cannot raise by always saying the majority label.
     *
     * @return balanced accuracy in [0, 1], or NaN when one label class is empty
     */
    public double balancedAccuracy() {
        long positives = truePositive + falseNegative;
        long negatives = trueNegative + falsePositive;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return ((double) truePositive / positives + (double) trueNegative / negatives) / 2;
    }

    /**
     * Cohen's kappa: agreement beyond what the two sides' own rates of saying yes give by chance,
     * {@code (po - pe) / (1 - pe)}.
     *
     * @return kappa in [-1, 1], or NaN when chance agreement is already perfect (one side constant and
     *     the other agreeing)
     */
    public double kappa() {
        double n = total();
        if (n == 0) {
            return Double.NaN;
        }
        double observed = (truePositive + trueNegative) / n;
        double chance = ((double) (truePositive + falsePositive) * (truePositive + falseNegative)
                + (double) (falseNegative + trueNegative) * (falsePositive + trueNegative)) / (n * n);
        return chance >= 1 ? Double.NaN : (observed - chance) / (1 - chance);
    }
}

package dev.moravec.evaluation;

import dev.moravec.api.Axis;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Quadrant;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.ScorerSettings;
import dev.moravec.model.Thresholds;
import dev.moravec.model.Verdict;
import dev.moravec.scoring.VerdictAggregator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fits the scorers' weights and the quadrant thresholds to labels, and measures the fit honestly with
 * cross-validation grouped by occupation.
 *
 * <p>Weights, when there are two scorers or more, maximise the ROC AUC of the reasoning score S
 * against the positive labels, one scorer at a time over {@link #WEIGHTS} (two rounds): the AUC does
 * not depend on thresholds, so weights are chosen for how well S ranks tasks. Thresholds then
 * maximise the balanced accuracy of the PURE_REASONING decision, searched on a grid of
 * {@value #STEP} steps. With one scorer its weight changes no verdict, so only thresholds are fitted.
 * Ties keep the configuration closest to the starting one, so a flat objective does not move it. Only
 * stored ratings are combined again: no scorer is asked anything, and none sees a label.
 */
public final class Calibrator {

    /** The step of the threshold grid. */
    public static final double STEP = 0.05;

    /** The weights tried for each scorer. */
    public static final List<Double> WEIGHTS = List.of(0.0, 0.25, 0.5, 1.0, 2.0, 4.0);

    /** What is maximised when the labels stand for the verdict, as reports say it. */
    public static final String OBJECTIVE = "weights: ROC AUC of S; thresholds: balanced accuracy of the"
            + " PURE_REASONING decision against the positive labels";

    /**
     * What is maximised, as reports say it.
     *
     * @return the objective of this calibrator
     */
    public String objective() {
        if (labelAxis == null) {
            return OBJECTIVE;
        }
        String axis = labelAxis == Axis.TRANSFERABILITY ? "T" : "1 - V";
        String other = labelAxis == Axis.TRANSFERABILITY ? "verification cost" : "transferability";
        return "the labels stand for " + labelAxis.fieldName() + ": weights on it maximise the ROC AUC of " + axis
                + ", its threshold the balanced accuracy of the PURE_REASONING decision; the " + other
                + " weights and threshold are kept";
    }

    private static final int STEPS = (int) Math.round(1 / STEP);
    private static final int ROUNDS = 2;
    private static final double TIE = 1e-12;

    private final EngineConfig base;
    private final Axis labelAxis;

    /**
     * @param base the starting configuration: its thresholds and weights are where the search starts
     *     and what ties keep, and the fitted configuration keeps its scorer settings and limits
     */
    public Calibrator(EngineConfig base) {
        this(base, null);
    }

    /**
     * A calibrator for labels that stand for one axis only: exposure labels, for instance, are a proxy
     * for transferability and say nothing about verification cost. Then only that axis is fitted: the
     * scorers' weights on it maximise the ROC AUC of that axis's value (of 1 - V for verification
     * cost), its threshold the balanced accuracy; the other axis's weights and threshold stay as the
     * starting configuration has them.
     *
     * @param base the starting configuration
     * @param labelAxis the axis the labels stand for, or {@code null} when they stand for the verdict
     */
    public Calibrator(EngineConfig base, Axis labelAxis) {
        this.base = base;
        this.labelAxis = labelAxis;
    }

    /**
     * A configuration fitted on some tasks.
     *
     * @param config the fitted configuration
     * @param balancedAccuracy the objective on the tasks it was fitted on, NaN when they hold one class
     *     only (the starting configuration is kept)
     */
    public record Fit(EngineConfig config, double balancedAccuracy) {}

    /**
     * One fold of the cross-validation.
     *
     * @param index the fold, from 1
     * @param occupations the occupations checked in it
     * @param tasks the tasks checked in it
     * @param fit the configuration fitted on the other folds
     * @param heldOutBalancedAccuracy the objective on this fold's tasks
     */
    public record Fold(int index, int occupations, int tasks, Fit fit, double heldOutBalancedAccuracy) {}

    /**
     * The result of a calibration.
     *
     * @param fitted the configuration fitted on all the labels: the one to use
     * @param balancedAccuracy its objective on all the labels (in-sample)
     * @param folds the folds
     * @param crossValidated each task's verdict under the configuration fitted without its fold, in the
     *     order of the matched tasks
     * @param scorers the scorers whose ratings were combined
     * @param weightsFitted whether weights were fitted (two scorers or more)
     * @param objective what was maximised, in words
     */
    public record Calibration(EngineConfig fitted, double balancedAccuracy, List<Fold> folds,
            List<Verdict> crossValidated, List<String> scorers, boolean weightsFitted, String objective) {

        /** Copies the lists. */
        public Calibration {
            folds = List.copyOf(folds);
            crossValidated = List.copyOf(crossValidated);
            scorers = List.copyOf(scorers);
        }
    }

    /**
     * Cross-validates the fit, then fits on everything.
     *
     * @param matched the labelled tasks with their ratings
     * @param folds the number of folds
     * @param seed decides which occupations go in which fold
     * @return the calibration
     * @throws IllegalArgumentException if there are fewer occupations than folds
     */
    public Calibration calibrate(List<LabeledVerdict> matched, int folds, long seed) {
        List<String> groups = matched.stream().map(LabeledVerdict::occupationCode).toList();
        GroupedFolds split = GroupedFolds.assign(groups, folds, seed);
        Verdict[] crossValidated = new Verdict[matched.size()];
        List<Fold> results = new ArrayList<>();
        for (int f = 0; f < split.folds(); f++) {
            Fit fit = fit(matched, split.fitting(f));
            int[] checking = split.checking(f);
            VerdictAggregator aggregator = new VerdictAggregator(Evaluator.effective(fit.config()));
            boolean[] decided = new boolean[checking.length];
            boolean[] positive = new boolean[checking.length];
            Set<String> occupations = new TreeSet<>();
            for (int k = 0; k < checking.length; k++) {
                LabeledVerdict lv = matched.get(checking[k]);
                Verdict v = aggregator.combine(lv.verdict().task(), lv.verdict().outcomes());
                crossValidated[checking[k]] = v;
                decided[k] = v.quadrant() == Quadrant.PURE_REASONING;
                positive[k] = lv.label().positive();
                occupations.add(lv.occupationCode() == null ? "#" + checking[k] : lv.occupationCode());
            }
            results.add(new Fold(f + 1, occupations.size(), checking.length, fit,
                    Metrics.balancedAccuracy(decided, positive)));
        }
        Fit all = fit(matched, java.util.stream.IntStream.range(0, matched.size()).toArray());
        List<String> scorers = scorers(matched);
        return new Calibration(all.config(), all.balancedAccuracy(), results, Arrays.asList(crossValidated), scorers,
                scorers.size() > 1, objective());
    }

    /**
     * Fits weights and thresholds on some tasks.
     *
     * @param matched the labelled tasks with their ratings
     * @param items the tasks to fit on
     * @return the best configuration found
     */
    public Fit fit(List<LabeledVerdict> matched, int[] items) {
        List<String> scorers = scorers(matched);
        Map<String, double[]> weights = new TreeMap<>(); // per scorer: {transferability, verificationCost}
        for (String id : scorers) {
            ScorerSettings s = base.scorer(id);
            weights.put(id, s.enabled()
                    ? new double[] {s.weight(Axis.TRANSFERABILITY), s.weight(Axis.VERIFICATION_COST)}
                    : new double[] {0, 0});
        }
        if (scorers.size() < 2) {
            return fitThresholds(matched, items, weights);
        }
        double best = objective(matched, items, weights);
        for (int round = 0; round < ROUNDS; round++) {
            boolean improved = false;
            for (String id : scorers) {
                for (double w : WEIGHTS) {
                    Map<String, double[]> candidate = new TreeMap<>();
                    weights.forEach((k, v) -> candidate.put(k, v.clone()));
                    double[] own = candidate.get(id);
                    if (labelAxis == null) {
                        own[0] = w;
                        own[1] = w;
                    } else {
                        own[labelAxis == Axis.TRANSFERABILITY ? 0 : 1] = w;
                    }
                    if (Arrays.equals(own, weights.get(id)) || allZero(candidate)) {
                        continue;
                    }
                    double value = objective(matched, items, candidate);
                    if (value > best + TIE) {
                        best = value;
                        weights = candidate;
                        improved = true;
                    }
                }
            }
            if (!improved) {
                break;
            }
        }
        return fitThresholds(matched, items, weights);
    }

    private static boolean allZero(Map<String, double[]> weights) {
        return weights.values().stream().allMatch(w -> w[0] == 0 && w[1] == 0);
    }

    // the ROC AUC of what the labels stand for (S, T or 1 - V) under the given weights; an unrated
    // task counts as the lowest value
    private double objective(List<LabeledVerdict> matched, int[] items, Map<String, double[]> weights) {
        VerdictAggregator aggregator = new VerdictAggregator(Evaluator.effective(with(base, base.thresholds(), weights)));
        double[] scores = new double[items.length];
        boolean[] positive = new boolean[items.length];
        for (int k = 0; k < items.length; k++) {
            LabeledVerdict lv = matched.get(items[k]);
            Verdict v = aggregator.combine(lv.verdict().task(), lv.verdict().outcomes());
            scores[k] = labelAxis == null ? v.score().orElse(-1)
                    : labelAxis == Axis.TRANSFERABILITY ? v.transferability().orElse(-1)
                    : 1 - v.verificationCost().orElse(2);
            positive[k] = lv.label().positive();
        }
        return Metrics.auc(scores, positive);
    }

    private static List<String> scorers(List<LabeledVerdict> matched) {
        Set<String> ids = new TreeSet<>();
        for (LabeledVerdict lv : matched) {
            for (ScorerOutcome outcome : lv.verdict().outcomes()) {
                ids.add(outcome.scorer());
            }
        }
        return List.copyOf(ids);
    }

    // For fixed weights every task's T and V are fixed; the decision T >= a, V <= b then depends only on
    // which grid cell each task falls in, so one pass and a cumulative table score every threshold pair.
    private Fit fitThresholds(List<LabeledVerdict> matched, int[] items, Map<String, double[]> weights) {
        EngineConfig weighted = with(base, base.thresholds(), weights);
        VerdictAggregator aggregator = new VerdictAggregator(Evaluator.effective(weighted));
        long[][] positives = new long[STEPS + 1][STEPS + 1];
        long[][] negatives = new long[STEPS + 1][STEPS + 1];
        long allPositive = 0;
        long allNegative = 0;
        for (int item : items) {
            LabeledVerdict lv = matched.get(item);
            boolean positive = lv.label().positive();
            if (positive) {
                allPositive++;
            } else {
                allNegative++;
            }
            Verdict v = aggregator.combine(lv.verdict().task(), lv.verdict().outcomes());
            if (v.score().isEmpty()) {
                continue; // never decided PURE_REASONING, whatever the thresholds
            }
            int t = highestAtMost(v.transferability().getAsDouble());
            int c = lowestAtLeast(v.verificationCost().getAsDouble());
            (positive ? positives : negatives)[t][c]++;
        }
        if (allPositive == 0 || allNegative == 0) {
            // nothing to separate on these tasks (a fold of one class): keep the starting thresholds
            return new Fit(weighted, Double.NaN);
        }
        // tp[a][b]: positives with T cell >= a and V cell <= b, the tasks decided pure at thresholds (a, b)
        long[][] tp = cumulate(positives);
        long[][] fp = cumulate(negatives);
        double startT = base.thresholds().transferability();
        double startV = base.thresholds().verificationCost();
        double bestScore = Double.NEGATIVE_INFINITY;
        double bestDistance = Double.POSITIVE_INFINITY;
        int bestA = 0;
        int bestB = 0;
        int startA = (int) Math.round(startT * STEPS);
        int startB = (int) Math.round(startV * STEPS);
        boolean fixT = labelAxis == Axis.VERIFICATION_COST;
        boolean fixV = labelAxis == Axis.TRANSFERABILITY;
        for (int a = fixT ? startA : 0; a <= (fixT ? startA : STEPS); a++) {
            for (int b = fixV ? startB : 0; b <= (fixV ? startB : STEPS); b++) {
                double score = balancedAccuracy(tp[a][b], fp[a][b], allPositive, allNegative);
                double distance = Math.abs(a / (double) STEPS - startT) + Math.abs(b / (double) STEPS - startV);
                if (score > bestScore + TIE || (score > bestScore - TIE && distance < bestDistance - TIE)) {
                    bestScore = score;
                    bestDistance = distance;
                    bestA = a;
                    bestB = b;
                }
            }
        }
        Thresholds thresholds = new Thresholds(fixT ? startT : bestA / (double) STEPS,
                fixV ? startV : bestB / (double) STEPS);
        return new Fit(with(base, thresholds, weights), bestScore);
    }

    private static double balancedAccuracy(long tp, long fp, long positives, long negatives) {
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return ((double) tp / positives + (double) (negatives - fp) / negatives) / 2;
    }

    // the largest grid index a with a / STEPS <= t: T >= threshold holds for every grid threshold up to it
    static int highestAtMost(double t) {
        int a = (int) Math.floor(t * STEPS);
        while (a < STEPS && (a + 1) / (double) STEPS <= t) {
            a++;
        }
        while (a > 0 && a / (double) STEPS > t) {
            a--;
        }
        return Math.max(0, a);
    }

    // the smallest grid index b with v <= b / STEPS: V <= threshold holds for every grid threshold from it
    static int lowestAtLeast(double v) {
        int b = (int) Math.ceil(v * STEPS);
        while (b > 0 && v <= (b - 1) / (double) STEPS) {
            b--;
        }
        while (b < STEPS && v > b / (double) STEPS) {
            b++;
        }
        return Math.min(STEPS, b);
    }

    // out[a][b] = sum of in[i][j] for i >= a, j <= b
    private static long[][] cumulate(long[][] in) {
        int n = in.length;
        long[][] out = new long[n + 1][n];
        for (int a = n - 1; a >= 0; a--) {
            long row = 0;
            for (int b = 0; b < n; b++) {
                row += in[a][b];
                out[a][b] = out[a + 1][b] + row;
            }
        }
        return out;
    }

    private static EngineConfig with(EngineConfig base, Thresholds thresholds, Map<String, double[]> weights) {
        Map<String, ScorerSettings> scorers = new TreeMap<>(base.scorers());
        weights.forEach((id, w) -> {
            ScorerSettings s = base.scorer(id);
            scorers.put(id, new ScorerSettings(w[1], s.enabled(), s.settings()).withWeights(w[0], w[1]));
        });
        return new EngineConfig(thresholds, scorers, base.taskTimeLimit(), base.quarantineAfter(), base.scenarios());
    }
}

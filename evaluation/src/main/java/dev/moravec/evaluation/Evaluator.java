package dev.moravec.evaluation;

import dev.moravec.api.Axis;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Quadrant;
import dev.moravec.model.RatingStatus;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.ScorerSettings;
import dev.moravec.model.Thresholds;
import dev.moravec.model.Verdict;
import dev.moravec.scoring.VerdictAggregator;
import dev.moravec.taxonomy.sources.SocMajorGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Measures how verdicts agree with reference labels: at task level the ROC AUC of S, T and 1 - V and
 * the balanced accuracy and kappa of the PURE_REASONING decision; at occupation level the Spearman and
 * Pearson correlation of occupation scores ({@link OccupationScore}) with the occupations' mean labels;
 * the same per scorer and per SOC major group. Every figure has a percentile bootstrap interval: task
 * figures resample tasks, occupation figures resample occupations.
 *
 * <p>The ratings are never asked for again: another configuration's verdicts are the same scorer
 * outcomes combined again ({@link #combine}), which is what makes calibration and comparison cheap.
 */
public final class Evaluator {

    /** The fewest occupations with a score a group needs for its own correlation. */
    public static final int MIN_GROUP_OCCUPATIONS = 5;

    private final Bootstrap bootstrap;

    /**
     * @param bootstrap how intervals are computed
     */
    public Evaluator(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /**
     * Combines every matched task's scorer outcomes again under a configuration. A scorer the
     * configuration disables counts with weight 0.
     *
     * @param matched the labelled tasks with their verdicts
     * @param config the weights and thresholds
     * @return the new verdicts, in the same order
     */
    public static List<Verdict> combine(List<LabeledVerdict> matched, EngineConfig config) {
        VerdictAggregator aggregator = new VerdictAggregator(effective(config));
        List<Verdict> verdicts = new ArrayList<>(matched.size());
        for (LabeledVerdict lv : matched) {
            verdicts.add(aggregator.combine(lv.verdict().task(), lv.verdict().outcomes()));
        }
        return verdicts;
    }

    static EngineConfig effective(EngineConfig config) {
        Map<String, ScorerSettings> scorers = new TreeMap<>(config.scorers());
        scorers.replaceAll((id, s) -> s.enabled() ? s : new ScorerSettings(0, false, s.settings()));
        return new EngineConfig(config.thresholds(), scorers, config.taskTimeLimit(), config.quarantineAfter(),
                config.scenarios());
    }

    /**
     * Evaluates a configuration on the ratings of the joined labels.
     *
     * @param labels the labels
     * @param joined the labels joined to verdicts, whose outcomes are combined under {@code config}
     * @param config the weights and thresholds
     * @return the report
     */
    public EvaluationReport evaluate(LabelSet labels, Joined joined, EngineConfig config) {
        Joined combined = joined.withVerdicts(combine(joined.matched(), config));
        return evaluate(labels, combined, config.thresholds(), weights(joined, config));
    }

    /**
     * Evaluates verdicts as they are, such as cross-validated ones made under several configurations.
     *
     * @param labels the labels
     * @param joined the labels joined to the verdicts
     * @param thresholds the thresholds the verdicts were made with, or {@code null} when they differ
     * @param weights the scorers' weights, or empty when they differ
     * @return the report
     */
    public EvaluationReport evaluate(LabelSet labels, Joined joined, Thresholds thresholds,
            Map<String, dev.moravec.model.ScorerSettings> weights) {
        Units units = new Units(joined);
        Columns columns = new Columns(units, joined.verdicts());
        Plan plan = new Plan();
        Map<Measure, Plan.Slot> headline = headline(plan, units, columns);

        Map<String, Plan.Slot[]> scorerSlots = new LinkedHashMap<>();
        Map<String, int[]> scorerCounts = new LinkedHashMap<>();
        for (Units.ScorerColumns s : units.scorers.values()) {
            SortedScores score = new SortedScores(s.score, units.positive, null);
            SortedScores t = new SortedScores(s.transferability, units.positive, null);
            SortedScores oneMinusV = new SortedScores(s.oneMinusVerificationCost, units.positive, null);
            scorerSlots.put(s.id, new Plan.Slot[] {plan.task(score::auc), plan.task(t::auc), plan.task(oneMinusV::auc)});
            scorerCounts.put(s.id, new int[] {score.size(), t.size(), oneMinusV.size()});
        }

        Map<SocMajorGroup, Plan.Slot[]> groupSlots = new EnumMap<>(SocMajorGroup.class);
        Map<SocMajorGroup, int[]> groupCounts = new EnumMap<>(SocMajorGroup.class);
        for (Map.Entry<SocMajorGroup, int[]> g : units.tasksOfGroup.entrySet()) {
            SortedScores score = new SortedScores(columns.score, units.positive, g.getValue());
            int[] occupations = units.occupationsOfGroup.get(g.getKey());
            int compared = columns.compared(occupations);
            Plan.Slot spearman = compared >= MIN_GROUP_OCCUPATIONS
                    ? plan.occupation(c -> correlation(c, occupations, columns.occupationScore, units.labelMean, true))
                    : null;
            groupSlots.put(g.getKey(), new Plan.Slot[] {plan.task(score::auc), spearman});
            groupCounts.put(g.getKey(), new int[] {g.getValue().length, score.size(), occupations.length, compared});
        }

        Plan.Result result = plan.run(bootstrap, units.size(), units.occupations.length);
        Map<Measure, Figure> figures = new EnumMap<>(Measure.class);
        headline.forEach((m, slot) -> figures.put(m, new Figure(result.get(slot), columns.n(m))));
        List<ScorerFigures> scorers = new ArrayList<>();
        for (Units.ScorerColumns s : units.scorers.values()) {
            Plan.Slot[] slots = scorerSlots.get(s.id);
            int[] n = scorerCounts.get(s.id);
            scorers.add(new ScorerFigures(s.id, s.version, s.rated, new Figure(result.get(slots[0]), n[0]),
                    new Figure(result.get(slots[1]), n[1]), new Figure(result.get(slots[2]), n[2])));
        }
        List<GroupFigures> groups = new ArrayList<>();
        groupSlots.forEach((group, slots) -> {
            int[] n = groupCounts.get(group);
            groups.add(new GroupFigures(group, n[0], new Figure(result.get(slots[0]), n[1]), n[2],
                    new Figure(slots[1] == null ? Estimate.UNDEFINED : result.get(slots[1]), n[3])));
        });
        return new EvaluationReport(labels, thresholds, weights, bootstrap.resamples(), bootstrap.seed(), units.size(),
                columns.rated, units.occupations.length, figures,
                Metrics.confusion(columns.pure, units.positive), scorers, groups, joined.unmatched());
    }

    /**
     * Evaluates two configurations on the same ratings and the same resamples.
     *
     * @param labels the labels
     * @param joined the labels joined to verdicts
     * @param a the first configuration
     * @param b the second
     * @return both reports and the paired differences {@code B - A}
     */
    public Comparison compare(LabelSet labels, Joined joined, EngineConfig a, EngineConfig b) {
        EvaluationReport reportA = evaluate(labels, joined, a);
        EvaluationReport reportB = evaluate(labels, joined, b);
        Units units = new Units(joined);
        Columns columnsA = new Columns(units, combine(joined.matched(), a));
        Columns columnsB = new Columns(units, combine(joined.matched(), b));
        Plan plan = new Plan();
        Map<Measure, Plan.Slot> slotsA = headline(plan, units, columnsA);
        Map<Measure, Plan.Slot> slotsB = headline(plan, units, columnsB);
        Map<Measure, Plan.Slot> differences = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            Bootstrap.Statistic sa = plan.statistic(slotsA.get(m));
            Bootstrap.Statistic sb = plan.statistic(slotsB.get(m));
            Bootstrap.Statistic difference = c -> sb.of(c) - sa.of(c);
            differences.put(m, m.isOccupationLevel() ? plan.occupation(difference) : plan.task(difference));
        }
        Plan.Result result = plan.run(bootstrap, units.size(), units.occupations.length);
        Map<Measure, Estimate> estimates = new EnumMap<>(Measure.class);
        differences.forEach((m, slot) -> estimates.put(m, result.get(slot)));
        return new Comparison(reportA, reportB, estimates);
    }

    private static Map<String, dev.moravec.model.ScorerSettings> weights(Joined joined, EngineConfig config) {
        EngineConfig effective = effective(config);
        Map<String, dev.moravec.model.ScorerSettings> weights = new TreeMap<>();
        for (LabeledVerdict lv : joined.matched()) {
            for (ScorerOutcome outcome : lv.verdict().outcomes()) {
                weights.computeIfAbsent(outcome.scorer(), effective::scorer);
            }
        }
        return weights;
    }

    private static Map<Measure, Plan.Slot> headline(Plan plan, Units units, Columns columns) {
        Map<Measure, Plan.Slot> slots = new EnumMap<>(Measure.class);
        SortedScores score = new SortedScores(columns.score, units.positive, null);
        SortedScores t = new SortedScores(columns.transferability, units.positive, null);
        SortedScores oneMinusV = new SortedScores(columns.oneMinusVerificationCost, units.positive, null);
        slots.put(Measure.AUC_SCORE, plan.task(score::auc));
        slots.put(Measure.AUC_TRANSFERABILITY, plan.task(t::auc));
        slots.put(Measure.AUC_ONE_MINUS_VERIFICATION_COST, plan.task(oneMinusV::auc));
        slots.put(Measure.BALANCED_ACCURACY,
                plan.task(c -> confusion(columns.pure, units.positive, c).balancedAccuracy()));
        slots.put(Measure.KAPPA, plan.task(c -> confusion(columns.pure, units.positive, c).kappa()));
        int[] all = java.util.stream.IntStream.range(0, units.occupations.length).toArray();
        slots.put(Measure.OCCUPATION_SPEARMAN,
                plan.occupation(c -> correlation(c, all, columns.occupationScore, units.labelMean, true)));
        slots.put(Measure.OCCUPATION_PEARSON,
                plan.occupation(c -> correlation(c, all, columns.occupationScore, units.labelMean, false)));
        return slots;
    }

    static Confusion confusion(boolean[] decided, boolean[] positive, int[] counts) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < decided.length; i++) {
            int c = counts[i];
            if (decided[i]) {
                if (positive[i]) {
                    tp += c;
                } else {
                    fp += c;
                }
            } else if (positive[i]) {
                fn += c;
            } else {
                tn += c;
            }
        }
        return new Confusion(tp, fp, fn, tn);
    }

    // the occupations drawn, each as often as drawn, among those with a score
    static double correlation(int[] counts, int[] occupations, double[] x, double[] y, boolean ranks) {
        int n = 0;
        for (int o : occupations) {
            n += Double.isNaN(x[o]) ? 0 : counts[o];
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        int k = 0;
        for (int o : occupations) {
            if (!Double.isNaN(x[o])) {
                for (int r = 0; r < counts[o]; r++) {
                    xs[k] = x[o];
                    ys[k++] = y[o];
                }
            }
        }
        return ranks ? Metrics.spearman(xs, ys) : Metrics.pearson(xs, ys);
    }

    /** What the verdicts do not change: labels, occupations, groups and each scorer's own ratings. */
    private static final class Units {
        final boolean[] positive;
        final String[] occupations;
        final double[] labelMean;
        final int[][] tasksOfOccupation;
        final Map<SocMajorGroup, int[]> tasksOfGroup = new EnumMap<>(SocMajorGroup.class);
        final Map<SocMajorGroup, int[]> occupationsOfGroup = new EnumMap<>(SocMajorGroup.class);
        final Map<String, ScorerColumns> scorers = new TreeMap<>();

        Units(Joined joined) {
            List<LabeledVerdict> matched = joined.matched();
            int n = matched.size();
            positive = new boolean[n];
            TreeSet<String> codes = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                positive[i] = matched.get(i).label().positive();
                if (matched.get(i).occupationCode() != null) {
                    codes.add(matched.get(i).occupationCode());
                }
            }
            occupations = codes.toArray(String[]::new);
            Map<String, Integer> index = new HashMap<>();
            for (int o = 0; o < occupations.length; o++) {
                index.put(occupations[o], o);
            }
            List<List<Integer>> members = new ArrayList<>();
            for (int o = 0; o < occupations.length; o++) {
                members.add(new ArrayList<>());
            }
            for (int i = 0; i < n; i++) {
                String code = matched.get(i).occupationCode();
                if (code != null) {
                    members.get(index.get(code)).add(i);
                }
            }
            tasksOfOccupation = new int[occupations.length][];
            labelMean = new double[occupations.length];
            Map<SocMajorGroup, List<Integer>> groupOccupations = new EnumMap<>(SocMajorGroup.class);
            for (int o = 0; o < occupations.length; o++) {
                tasksOfOccupation[o] = members.get(o).stream().mapToInt(Integer::intValue).toArray();
                double sum = 0;
                double weight = 0;
                for (int i : tasksOfOccupation[o]) {
                    LabeledTask label = matched.get(i).label();
                    sum += label.weight() * label.value();
                    weight += label.weight();
                }
                labelMean[o] = sum / weight;
                int occupation = o;
                SocMajorGroup.of(occupations[o]).ifPresent(
                        g -> groupOccupations.computeIfAbsent(g, x -> new ArrayList<>()).add(occupation));
            }
            groupOccupations.forEach((g, os) -> {
                occupationsOfGroup.put(g, os.stream().mapToInt(Integer::intValue).toArray());
                tasksOfGroup.put(g, os.stream().flatMapToInt(o -> Arrays.stream(tasksOfOccupation[o])).sorted().toArray());
            });
            for (int i = 0; i < n; i++) {
                for (ScorerOutcome outcome : matched.get(i).verdict().outcomes()) {
                    scorers.computeIfAbsent(outcome.scorer(), id -> new ScorerColumns(id, outcome.version(), n))
                            .add(i, outcome);
                }
            }
        }

        int size() {
            return positive.length;
        }

        /** One scorer's own ratings; NaN where it gave none. */
        static final class ScorerColumns {
            final String id;
            final String version;
            final double[] transferability;
            final double[] oneMinusVerificationCost;
            final double[] score;
            int rated;

            ScorerColumns(String id, String version, int n) {
                this.id = id;
                this.version = version;
                transferability = nans(n);
                oneMinusVerificationCost = nans(n);
                score = nans(n);
            }

            void add(int task, ScorerOutcome outcome) {
                if (outcome.status() != RatingStatus.OK) {
                    return;
                }
                rated++;
                outcome.rating().value(Axis.TRANSFERABILITY).ifPresent(t -> transferability[task] = t);
                outcome.rating().value(Axis.VERIFICATION_COST).ifPresent(v -> oneMinusVerificationCost[task] = 1 - v);
                if (!Double.isNaN(transferability[task]) && !Double.isNaN(oneMinusVerificationCost[task])) {
                    score[task] = transferability[task] * oneMinusVerificationCost[task];
                }
            }
        }
    }

    /** What the verdicts decide: the combined values, the decision and the occupation scores. */
    private static final class Columns {
        final double[] score;
        final double[] transferability;
        final double[] oneMinusVerificationCost;
        final boolean[] pure;
        final double[] occupationScore;
        final int rated;
        final int matched;

        Columns(Units units, List<Verdict> verdicts) {
            int n = verdicts.size();
            matched = n;
            score = nans(n);
            transferability = nans(n);
            oneMinusVerificationCost = nans(n);
            pure = new boolean[n];
            int r = 0;
            for (int i = 0; i < n; i++) {
                Verdict v = verdicts.get(i);
                if (v.score().isPresent()) {
                    score[i] = v.score().getAsDouble();
                    r++;
                }
                if (v.transferability().isPresent()) {
                    transferability[i] = v.transferability().getAsDouble();
                }
                if (v.verificationCost().isPresent()) {
                    oneMinusVerificationCost[i] = 1 - v.verificationCost().getAsDouble();
                }
                pure[i] = v.quadrant() == Quadrant.PURE_REASONING; // an unrated task is not decided pure
            }
            rated = r;
            occupationScore = new double[units.occupations.length];
            for (int o = 0; o < units.occupations.length; o++) {
                List<Verdict> of = new ArrayList<>();
                for (int i : units.tasksOfOccupation[o]) {
                    of.add(verdicts.get(i));
                }
                occupationScore[o] = OccupationScore.of(of).score().orElse(Double.NaN);
            }
        }

        int compared(int[] occupations) {
            int n = 0;
            for (int o : occupations) {
                n += Double.isNaN(occupationScore[o]) ? 0 : 1;
            }
            return n;
        }

        int n(Measure measure) {
            return switch (measure) {
                case AUC_SCORE -> count(score);
                case AUC_TRANSFERABILITY -> count(transferability);
                case AUC_ONE_MINUS_VERIFICATION_COST -> count(oneMinusVerificationCost);
                case BALANCED_ACCURACY, KAPPA -> matched;
                case OCCUPATION_SPEARMAN, OCCUPATION_PEARSON -> count(occupationScore);
            };
        }

        private static int count(double[] values) {
            int n = 0;
            for (double v : values) {
                n += Double.isNaN(v) ? 0 : 1;
            }
            return n;
        }
    }

    private static double[] nans(int n) {
        double[] values = new double[n];
        Arrays.fill(values, Double.NaN);
        return values;
    }

    /** The statistics of one report, task- and occupation-level, run through the bootstrap together. */
    private static final class Plan {
        record Slot(boolean occupationLevel, int index) {}

        record Result(List<Estimate> tasks, List<Estimate> occupations) {
            Estimate get(Slot slot) {
                return (slot.occupationLevel() ? occupations : tasks).get(slot.index());
            }
        }

        private final List<Bootstrap.Statistic> tasks = new ArrayList<>();
        private final List<Bootstrap.Statistic> occupations = new ArrayList<>();

        Slot task(Bootstrap.Statistic statistic) {
            tasks.add(statistic);
            return new Slot(false, tasks.size() - 1);
        }

        Slot occupation(Bootstrap.Statistic statistic) {
            occupations.add(statistic);
            return new Slot(true, occupations.size() - 1);
        }

        Bootstrap.Statistic statistic(Slot slot) {
            return (slot.occupationLevel() ? occupations : tasks).get(slot.index());
        }

        Result run(Bootstrap bootstrap, int taskCount, int occupationCount) {
            return new Result(bootstrap.estimate(taskCount, tasks), bootstrap.estimate(occupationCount, occupations));
        }
    }
}

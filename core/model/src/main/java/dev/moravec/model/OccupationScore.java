package dev.moravec.model;

import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An occupation's score (DESIGN section 2): the weighted mean of its rated tasks' T, V and S, with
 * the weighted share of its tasks in each quadrant; and what holds it back: the weighted mean strength
 * of each bottleneck factor over its rated tasks, and the weighted share of its tasks that lag with
 * each factor as their dominant bottleneck.
 *
 * @param tasks the number of tasks
 * @param rated the number of tasks with a verdict on both axes
 * @param transferability weighted mean T of the rated tasks, empty when none is rated
 * @param verificationCost weighted mean V
 * @param score weighted mean S
 * @param shares each quadrant's weighted share of all tasks (unrated ones under UNRATED), summing to 1
 * @param weighting the weighting scheme used
 * @param factors each factor's weighted mean strength over the rated tasks (a task that does not name
 *     it counts 0); factors no task names are absent
 * @param laggingBy for each factor, the weighted share of all tasks that are {@link Quadrant#LAGGING}
 *     with it as their dominant bottleneck; the lagging tasks without a dominant factor are not in it
 */
public record OccupationScore(int tasks, int rated, OptionalDouble transferability, OptionalDouble verificationCost,
        OptionalDouble score, Map<Quadrant, Double> shares, TaskWeighting weighting,
        Map<BottleneckFactor, Double> factors, Map<BottleneckFactor, Double> laggingBy) {

    /** Copies the maps. */
    public OccupationScore {
        shares = Collections.unmodifiableMap(new EnumMap<>(shares));
        factors = factors.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(factors));
        laggingBy = laggingBy.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(laggingBy));
    }

    /**
     * A score without bottleneck factors.
     *
     * @param tasks the number of tasks
     * @param rated the number rated on both axes
     * @param transferability weighted mean T
     * @param verificationCost weighted mean V
     * @param score weighted mean S
     * @param shares each quadrant's weighted share
     * @param weighting the weighting scheme
     */
    public OccupationScore(int tasks, int rated, OptionalDouble transferability, OptionalDouble verificationCost,
            OptionalDouble score, Map<Quadrant, Double> shares, TaskWeighting weighting) {
        this(tasks, rated, transferability, verificationCost, score, shares, weighting, Map.of(), Map.of());
    }

    /** @return the means of T, V and S, which have no quadrant */
    public Scores means() {
        return Scores.means(transferability, verificationCost, score);
    }

    /**
     * What holds the occupation back most: the factor behind the most lagging work, else (when none of
     * its tasks lags with a dominant factor) its strongest factor when that reaches {@link BottleneckProfile#FLOOR}.
     *
     * @return the factor, if any
     */
    public Optional<BottleneckFactor> dominantBottleneck() {
        Optional<BottleneckFactor> lagging = strongest(laggingBy, 0);
        return lagging.isPresent() ? lagging : strongest(factors, BottleneckProfile.FLOOR);
    }

    private static Optional<BottleneckFactor> strongest(Map<BottleneckFactor, Double> values, double floor) {
        BottleneckFactor best = null;
        for (Map.Entry<BottleneckFactor, Double> e : values.entrySet()) {
            if (e.getValue() > floor && (best == null || e.getValue() > values.get(best))) {
                best = e.getKey();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * One task as its occupation's score counts it.
     *
     * @param weight its weight in the occupation
     * @param scores its T, V, S and quadrant
     * @param bottlenecks its bottleneck factors
     */
    public record Weighted(double weight, Scores scores, BottleneckProfile bottlenecks) {}

    /**
     * Scores one occupation from its tasks' verdicts.
     *
     * @param verdictsOfOneOccupation the verdicts of all its tasks
     * @return the score
     */
    public static OccupationScore of(List<Verdict> verdictsOfOneOccupation) {
        List<dev.moravec.api.Task> tasks = new ArrayList<>(verdictsOfOneOccupation.size());
        for (Verdict verdict : verdictsOfOneOccupation) {
            tasks.add(verdict.task());
        }
        TaskWeighting weighting = TaskWeighting.of(tasks);
        List<Weighted> weighted = new ArrayList<>(verdictsOfOneOccupation.size());
        for (Verdict verdict : verdictsOfOneOccupation) {
            weighted.add(new Weighted(weighting.weight(verdict.task()), verdict.scores(), verdict.bottlenecks()));
        }
        return of(weighted, weighting);
    }

    /**
     * Scores one occupation from its tasks, weighted as given: the weighted means of the rated tasks'
     * T, V, S and factor strengths, and the weighted shares of all its tasks by quadrant and, for the
     * lagging ones, by dominant factor. A task not classified yet ({@link Scores#NONE}: a task imported
     * after the last classification) counts nowhere, neither as rated nor in the shares.
     *
     * @param tasks every task of the occupation
     * @param weighting the scheme the weights come from
     * @return the score
     */
    public static OccupationScore of(List<Weighted> tasks, TaskWeighting weighting) {
        double t = 0;
        double v = 0;
        double s = 0;
        double ratedWeight = 0;
        double allWeight = 0;
        int rated = 0;
        EnumMap<Quadrant, Double> shares = new EnumMap<>(Quadrant.class);
        for (Quadrant q : Quadrant.values()) {
            shares.put(q, 0.0);
        }
        EnumMap<BottleneckFactor, Double> factors = new EnumMap<>(BottleneckFactor.class);
        EnumMap<BottleneckFactor, Double> laggingBy = new EnumMap<>(BottleneckFactor.class);
        for (Weighted task : tasks) {
            double w = task.weight();
            Scores scores = task.scores();
            if (scores.quadrant() == null) {
                continue;
            }
            allWeight += w;
            shares.merge(scores.quadrant(), w, Double::sum);
            if (scores.isRated()) {
                rated++;
                ratedWeight += w;
                t += w * scores.transferability().getAsDouble();
                v += w * scores.verificationCost().getAsDouble();
                s += w * scores.score().getAsDouble();
                for (Bottleneck bottleneck : task.bottlenecks().factors()) {
                    factors.merge(bottleneck.factor(), w * bottleneck.strength(), Double::sum);
                }
            }
            if (scores.quadrant() == Quadrant.LAGGING) {
                task.bottlenecks().dominant().ifPresent(f -> laggingBy.merge(f, w, Double::sum));
            }
        }
        if (allWeight > 0) {
            for (Quadrant q : Quadrant.values()) {
                shares.put(q, shares.get(q) / allWeight);
            }
            double all = allWeight;
            laggingBy.replaceAll((f, w) -> w / all);
        }
        if (ratedWeight > 0) {
            double rw = ratedWeight;
            factors.replaceAll((f, w) -> w / rw);
        }
        boolean any = ratedWeight > 0;
        return new OccupationScore(tasks.size(), rated,
                any ? OptionalDouble.of(t / ratedWeight) : OptionalDouble.empty(),
                any ? OptionalDouble.of(v / ratedWeight) : OptionalDouble.empty(),
                any ? OptionalDouble.of(s / ratedWeight) : OptionalDouble.empty(),
                shares, weighting, factors, laggingBy);
    }
}

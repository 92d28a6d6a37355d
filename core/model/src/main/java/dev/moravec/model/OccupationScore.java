package dev.moravec.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * An occupation's score (DESIGN section 2): the weighted mean of its rated tasks' T, V and S, with
 * the weighted share of its tasks in each quadrant.
 *
 * @param tasks the number of tasks
 * @param rated the number of tasks with a verdict on both axes
 * @param transferability weighted mean T of the rated tasks, empty when none is rated
 * @param verificationCost weighted mean V
 * @param score weighted mean S
 * @param shares each quadrant's weighted share of all tasks (unrated ones under UNRATED), summing to 1
 * @param weighting the weighting scheme used
 */
public record OccupationScore(int tasks, int rated, OptionalDouble transferability, OptionalDouble verificationCost,
        OptionalDouble score, Map<Quadrant, Double> shares, TaskWeighting weighting) {

    /** @return the means of T, V and S, which have no quadrant */
    public Scores means() {
        return Scores.means(transferability, verificationCost, score);
    }

    /** Copies the shares. */
    public OccupationScore {
        shares = Collections.unmodifiableMap(new EnumMap<>(shares));
    }

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
        for (Verdict verdict : verdictsOfOneOccupation) {
            double w = weighting.weight(verdict.task());
            allWeight += w;
            shares.merge(verdict.quadrant(), w, Double::sum);
            if (verdict.score().isPresent()) {
                rated++;
                ratedWeight += w;
                t += w * verdict.transferability().getAsDouble();
                v += w * verdict.verificationCost().getAsDouble();
                s += w * verdict.score().getAsDouble();
            }
        }
        if (allWeight > 0) {
            for (Quadrant q : Quadrant.values()) {
                shares.put(q, shares.get(q) / allWeight);
            }
        }
        boolean any = ratedWeight > 0;
        return new OccupationScore(verdictsOfOneOccupation.size(), rated,
                any ? OptionalDouble.of(t / ratedWeight) : OptionalDouble.empty(),
                any ? OptionalDouble.of(v / ratedWeight) : OptionalDouble.empty(),
                any ? OptionalDouble.of(s / ratedWeight) : OptionalDouble.empty(),
                shares, weighting);
    }
}

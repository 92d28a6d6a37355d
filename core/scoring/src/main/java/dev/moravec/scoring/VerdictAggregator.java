package dev.moravec.scoring;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.Task;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.RatingStatus;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.Scores;
import dev.moravec.model.Verdict;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Combines scorers' ratings into a verdict (DESIGN sections 1 and 2). On each axis the combined value
 * is the mean of the scorers' values weighted by {@code weight * confidence}, where the weight comes
 * from the configuration (a scorer may have its own weight on each axis). Scorers with weight 0 are left out. When every remaining rating on an axis
 * has confidence 0, their values are averaged by weight alone, so a guess is better than nothing; an
 * axis no scorer rated stays empty and the task is {@link Quadrant#UNRATED}. The score is
 * {@code S = T * (1 - V)}.
 */
public final class VerdictAggregator {

    private final EngineConfig config;

    /**
     * @param config weights and thresholds
     */
    public VerdictAggregator(EngineConfig config) {
        this.config = config;
    }

    /**
     * Combines the outcomes of every scorer for one task.
     *
     * @param task the task
     * @param outcomes each scorer's outcome; failed ones are ignored
     * @return the verdict
     */
    public Verdict combine(Task task, List<ScorerOutcome> outcomes) {
        OptionalDouble t = combine(Axis.TRANSFERABILITY, outcomes);
        OptionalDouble v = combine(Axis.VERIFICATION_COST, outcomes);
        return new Verdict(task, Scores.of(t, v, config.thresholds()), outcomes);
    }

    private OptionalDouble combine(Axis axis, List<ScorerOutcome> outcomes) {
        double weighted = 0;
        double weights = 0;
        double plain = 0;
        double plainWeights = 0;
        for (ScorerOutcome outcome : outcomes) {
            Rating rating = outcome.rating();
            if (outcome.status() != RatingStatus.OK || rating.value(axis).isEmpty()) {
                continue;
            }
            double weight = config.scorer(outcome.scorer()).weight(axis);
            if (weight == 0) {
                continue;
            }
            double value = rating.value(axis).getAsDouble();
            weighted += weight * rating.confidence() * value;
            weights += weight * rating.confidence();
            plain += weight * value;
            plainWeights += weight;
        }
        if (weights > 0) {
            return OptionalDouble.of(clamp(weighted / weights));
        }
        if (plainWeights > 0) {
            return OptionalDouble.of(clamp(plain / plainWeights));
        }
        return OptionalDouble.empty();
    }

    // a weighted mean of values in [0, 1] stays there, but rounding may step a hair outside
    private static double clamp(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }
}

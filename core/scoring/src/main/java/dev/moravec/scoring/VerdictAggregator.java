package dev.moravec.scoring;

import dev.moravec.api.Axis;
import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.Rating;
import dev.moravec.api.VerificationMode;
import dev.moravec.api.Task;
import dev.moravec.model.BottleneckProfile;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.RatingStatus;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.ScorerShare;
import dev.moravec.model.Scores;
import dev.moravec.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Combines scorers' ratings into a verdict (DESIGN sections 1 and 2). On each axis the combined value
 * is the mean of the scorers' values weighted by {@code weight * confidence}, where the weight comes
 * from the configuration (a scorer may have its own weight on each axis). Scorers with weight 0 are left out. When every remaining rating on an axis
 * has confidence 0, their values are averaged by weight alone, so a guess is better than nothing; an
 * axis no scorer rated stays empty and the task is {@link Quadrant#UNRATED}. The score is
 * {@code S = T * (1 - V)}.
 *
 * <p>Bottleneck factors combine the same way, factor by factor: a factor's strength is the mean of the
 * strengths the scorers that name it give, weighted by {@code weight * confidence} with the scorer's
 * weight on the axis the factor weighs on ({@link BottleneckFactor#axis()}); a scorer that does not
 * name a factor does not count for it (so one that names no factors, such as a plugin built for an
 * older contract, changes nothing). Its evidence is each naming scorer's first reason, after the
 * scorer's id. The verification mode is the one with the most {@code weight * confidence} behind it,
 * with the scorers' weights on verification cost; a tie goes to the cheaper mode.
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
        return new Verdict(task, Scores.of(t, v, config.thresholds()), outcomes, bottlenecks(outcomes),
                verification(outcomes));
    }

    private BottleneckProfile bottlenecks(List<ScorerOutcome> outcomes) {
        List<Bottleneck> combined = new ArrayList<>();
        for (BottleneckFactor factor : BottleneckFactor.values()) {
            double weighted = 0;
            double weights = 0;
            double plain = 0;
            double plainWeights = 0;
            List<String> evidence = new ArrayList<>();
            for (ScorerOutcome outcome : outcomes) {
                if (outcome.status() != RatingStatus.OK) {
                    continue;
                }
                Optional<Bottleneck> named = outcome.rating().bottleneck(factor);
                double weight = config.scorer(outcome.scorer()).weight(factor.axis());
                if (named.isEmpty() || weight == 0) {
                    continue;
                }
                double confidence = outcome.rating().confidence();
                weighted += weight * confidence * named.get().strength();
                weights += weight * confidence;
                plain += weight * named.get().strength();
                plainWeights += weight;
                evidence.add(cut(outcome.scorer() + ": " + named.get().evidence().get(0)));
            }
            if (plainWeights > 0) {
                combined.add(new Bottleneck(factor, clamp(weights > 0 ? weighted / weights : plain / plainWeights),
                        evidence));
            }
        }
        return combined.isEmpty() ? BottleneckProfile.NONE : new BottleneckProfile(combined);
    }

    private VerificationMode verification(List<ScorerOutcome> outcomes) {
        double[] votes = new double[VerificationMode.values().length];
        boolean any = false;
        for (ScorerOutcome outcome : outcomes) {
            if (outcome.status() != RatingStatus.OK || outcome.rating().verification().isEmpty()) {
                continue;
            }
            double weight = config.scorer(outcome.scorer()).weight(Axis.VERIFICATION_COST);
            if (weight == 0) {
                continue;
            }
            // a confidence of 0 still votes, a hair, so that a guess beats no mode at all
            votes[outcome.rating().verification().get().ordinal()] += weight * Math.max(outcome.rating().confidence(), 1e-9);
            any = true;
        }
        if (!any) {
            return null;
        }
        int best = 0;
        for (int m = 1; m < votes.length; m++) {
            if (votes[m] > votes[best]) {
                best = m;
            }
        }
        return VerificationMode.values()[best];
    }

    private static String cut(String reason) {
        return reason.length() <= Rating.MAX_EVIDENCE_LENGTH ? reason
                : reason.substring(0, Rating.MAX_EVIDENCE_LENGTH - 3) + "...";
    }

    private OptionalDouble combine(Axis axis, List<ScorerOutcome> outcomes) {
        double[] weights = weights(axis, outcomes);
        double weighted = 0;
        double total = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            if (weights[i] > 0) {
                weighted += weights[i] * outcomes.get(i).rating().value(axis).getAsDouble();
                total += weights[i];
            }
        }
        return total > 0 ? OptionalDouble.of(clamp(weighted / total)) : OptionalDouble.empty();
    }

    /**
     * How much each scorer's rating weighs in the verdict of these outcomes ({@link ScorerShare}).
     *
     * @param outcomes each scorer's outcome for one task
     * @return one share per outcome, in order
     */
    public List<ScorerShare> shares(List<ScorerOutcome> outcomes) {
        double[] t = weights(Axis.TRANSFERABILITY, outcomes);
        double[] v = weights(Axis.VERIFICATION_COST, outcomes);
        List<ScorerShare> shares = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            shares.add(new ScorerShare(outcomes.get(i).scorer(), t[i], v[i]));
        }
        return shares;
    }

    // each outcome's weight on an axis: weight x confidence, or the weight alone when every rating has confidence 0
    private double[] weights(Axis axis, List<ScorerOutcome> outcomes) {
        double[] weighted = new double[outcomes.size()];
        double[] plain = new double[outcomes.size()];
        double sum = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            ScorerOutcome outcome = outcomes.get(i);
            Rating rating = outcome.rating();
            if (outcome.status() != RatingStatus.OK || rating.value(axis).isEmpty()) {
                continue;
            }
            double weight = config.scorer(outcome.scorer()).weight(axis);
            if (weight == 0) {
                continue;
            }
            plain[i] = weight;
            weighted[i] = weight * rating.confidence();
            sum += weighted[i];
        }
        return sum > 0 ? weighted : plain;
    }

    // a weighted mean of values in [0, 1] stays there, but rounding may step a hair outside
    private static double clamp(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }
}

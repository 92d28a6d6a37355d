package dev.moravec.scoring;

import dev.moravec.api.Axis;
import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.VerificationMode;
import dev.moravec.model.BottleneckProfile;
import dev.moravec.model.Scenario;
import dev.moravec.model.Scores;
import dev.moravec.model.Thresholds;
import java.util.ArrayList;
import java.util.List;

/**
 * What a breakthrough scenario does to one task (the arithmetic docs/scenarios.md documents).
 *
 * <p>A task's gap on each axis, {@code 1 - T} and {@code V}, is held open by its strongest bottleneck
 * on that axis: transferability by the strongest of the factors that weigh on it, verification cost by
 * the strongest of its factors (and, for a task whose results are checked physically, by
 * {@link BottleneckFactor#PERCEPTION}, since a check by sight or touch is perception). A scenario keeps
 * {@code 1 - relief} of each factor's strength; the gap closes in proportion to how much its strongest
 * factor weakens: with {@code m} the strongest before and {@code m'} after,
 * {@code T' = T + (1 - T)(m - m')/m} and {@code V' = V - V(m - m')/m}. So a relief never lowers a task's
 * score, a task with no factor on an axis does not move on it, and a task whose every bottleneck is fully
 * relieved reaches T 1 and V 0. Relieving a factor that is not the strongest moves a task only as far as
 * it lowers the strongest (the binding constraint).
 */
public final class Relief {

    /**
     * A task before and after a scenario.
     *
     * @param before its scores as classified
     * @param after its scores under the scenario
     * @param movedBy the relieved factors that moved it, strongest first; empty when it did not move
     * @param remaining its bottleneck factors under the scenario: each keeps {@code 1 - relief} of its strength
     */
    public record Moved(Scores before, Scores after, List<BottleneckFactor> movedBy, BottleneckProfile remaining) {

        /** @return whether the scenario changed the task's quadrant */
        public boolean changedQuadrant() {
            return before.quadrant() != after.quadrant();
        }
    }

    /**
     * The share of each axis's gap a scenario closes for one task (0 where it does not move on that axis).
     *
     * @param transferability the share of {@code 1 - T} closed
     * @param verificationCost the share of {@code V} closed
     */
    public record Closing(double transferability, double verificationCost) {

        /** Nothing closed: a task the scenario does not move. */
        public static final Closing NONE = new Closing(0, 0);

        /**
         * @param t a transferability
         * @return it under the scenario: {@code T + (1 - T) * closed}
         */
        public double transferability(double t) {
            return t + (1 - t) * transferability;
        }

        /**
         * @param v a verification cost
         * @return it under the scenario: {@code V - V * closed}
         */
        public double verificationCost(double v) {
            return v - v * verificationCost;
        }
    }

    private final Scenario scenario;
    private final Thresholds thresholds;

    /**
     * @param scenario the breakthrough
     * @param thresholds where the quadrants are split
     */
    public Relief(Scenario scenario, Thresholds thresholds) {
        this.scenario = scenario;
        this.thresholds = thresholds;
    }

    /** @return the scenario */
    public Scenario scenario() {
        return scenario;
    }

    /**
     * Applies the scenario to one task.
     *
     * @param scores the task's scores
     * @param profile its bottleneck factors
     * @param mode its verification mode, or {@code null}
     * @return the task before and after
     */
    public Moved apply(Scores scores, BottleneckProfile profile, VerificationMode mode) {
        if (!scores.isRated() || profile.isEmpty()) {
            return new Moved(scores, scores, List.of(), profile);
        }
        List<BottleneckFactor> movedBy = new ArrayList<>();
        double t = scores.transferability().getAsDouble();
        double v = scores.verificationCost().getAsDouble();
        double tClosed = closed(profile, mode, Axis.TRANSFERABILITY, movedBy);
        double vClosed = closed(profile, mode, Axis.VERIFICATION_COST, movedBy);
        BottleneckProfile remaining = remaining(profile);
        if (movedBy.isEmpty()) {
            return new Moved(scores, scores, List.of(), remaining);
        }
        Closing closing = new Closing(tClosed, vClosed);
        Scores after = Scores.of(closing.transferability(t), closing.verificationCost(v), thresholds);
        return new Moved(scores, after, List.copyOf(movedBy), remaining);
    }

    /**
     * How far the scenario closes a task's gaps, whatever its T and V: what {@link #apply} moves them by,
     * for the intervals, which move every resampled T and V.
     *
     * @param profile the task's bottleneck factors
     * @param mode its verification mode, or {@code null}
     * @return the shares of the gaps closed
     */
    public Closing closing(BottleneckProfile profile, VerificationMode mode) {
        if (profile.isEmpty()) {
            return Closing.NONE;
        }
        List<BottleneckFactor> movedBy = new ArrayList<>();
        return new Closing(closed(profile, mode, Axis.TRANSFERABILITY, movedBy),
                closed(profile, mode, Axis.VERIFICATION_COST, movedBy));
    }

    private BottleneckProfile remaining(BottleneckProfile profile) {
        List<Bottleneck> remaining = new ArrayList<>(profile.factors().size());
        for (Bottleneck bottleneck : profile.factors()) {
            double relief = scenario.relief(bottleneck.factor());
            remaining.add(relief == 0 ? bottleneck
                    : new Bottleneck(bottleneck.factor(), bottleneck.strength() * (1 - relief), bottleneck.evidence()));
        }
        return new BottleneckProfile(remaining);
    }

    /**
     * The share of an axis's gap the scenario closes: how much the strongest factor on it weakens. The
     * factors that moved it are the relieved ones that were stronger than the strongest is now.
     */
    private double closed(BottleneckProfile profile, VerificationMode mode, Axis axis, List<BottleneckFactor> movedBy) {
        double strongest = 0;
        double strongestAfter = 0;
        for (Bottleneck bottleneck : profile.factors()) {
            if (weighsOn(bottleneck.factor(), axis, mode)) {
                strongest = Math.max(strongest, bottleneck.strength());
                strongestAfter = Math.max(strongestAfter, bottleneck.strength() * (1 - scenario.relief(bottleneck.factor())));
            }
        }
        if (strongest <= strongestAfter) {
            return 0;
        }
        for (Bottleneck bottleneck : profile.factors()) {
            if (weighsOn(bottleneck.factor(), axis, mode) && scenario.relief(bottleneck.factor()) > 0
                    && bottleneck.strength() > strongestAfter && !movedBy.contains(bottleneck.factor())) {
                movedBy.add(bottleneck.factor());
            }
        }
        return (strongest - strongestAfter) / strongest;
    }

    /**
     * @param factor a factor
     * @param axis an axis
     * @param mode the task's verification mode, or {@code null}
     * @return whether the factor holds the task's gap open on that axis
     */
    public static boolean weighsOn(BottleneckFactor factor, Axis axis, VerificationMode mode) {
        return factor.axis() == axis || (axis == Axis.VERIFICATION_COST && factor == BottleneckFactor.PERCEPTION
                && mode == VerificationMode.PHYSICAL_CHECK);
    }
}

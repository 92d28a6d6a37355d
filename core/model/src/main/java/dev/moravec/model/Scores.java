package dev.moravec.model;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Where a task stands: its transferability T, verification cost V, reasoning score
 * {@code S = T * (1 - V)} and quadrant (DESIGN section 1); or, for an occupation or a family, the
 * weighted means of its tasks' T, V and S, which have no quadrant of their own. Verdicts, search hits,
 * ranking rows and scatter points all carry this one value.
 *
 * @param transferability T in [0, 1], empty when no scorer rated it
 * @param verificationCost V in [0, 1], empty when no scorer rated it
 * @param score S, present exactly when both axes are
 * @param quadrant a task's quadrant, {@link Quadrant#UNRATED} when an axis is missing; {@code null} for
 *     the means of an occupation or a family
 */
public record Scores(OptionalDouble transferability, OptionalDouble verificationCost, OptionalDouble score,
        Quadrant quadrant) {

    /** Nothing known yet: a task before it is classified, an occupation none of whose tasks is. */
    public static final Scores NONE = new Scores(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), null);

    /** A task no scorer rated on either axis. */
    public static final Scores UNRATED =
            new Scores(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), Quadrant.UNRATED);

    /**
     * Checks that the fields agree.
     *
     * @throws IllegalArgumentException if S or the quadrant is present without both axes, or missing with them
     */
    public Scores {
        Objects.requireNonNull(transferability, "transferability");
        Objects.requireNonNull(verificationCost, "verificationCost");
        Objects.requireNonNull(score, "score");
        boolean rated = transferability.isPresent() && verificationCost.isPresent();
        if (rated != score.isPresent() || (quadrant != null && rated == (quadrant == Quadrant.UNRATED))) {
            throw new IllegalArgumentException("score and quadrant must be present exactly when both axes are");
        }
    }

    /**
     * The scores of a task rated on the axes given; S and the quadrant follow from them.
     *
     * @param transferability T, or empty
     * @param verificationCost V, or empty
     * @param thresholds where the quadrants are split
     * @return the scores, {@link Quadrant#UNRATED} unless both axes are present
     */
    public static Scores of(OptionalDouble transferability, OptionalDouble verificationCost, Thresholds thresholds) {
        if (transferability.isPresent() && verificationCost.isPresent()) {
            return of(transferability.getAsDouble(), verificationCost.getAsDouble(), thresholds);
        }
        return new Scores(transferability, verificationCost, OptionalDouble.empty(), Quadrant.UNRATED);
    }

    /**
     * The scores of a task rated on both axes.
     *
     * @param transferability T in [0, 1]
     * @param verificationCost V in [0, 1]
     * @param thresholds where the quadrants are split
     * @return the scores with S and the quadrant
     */
    public static Scores of(double transferability, double verificationCost, Thresholds thresholds) {
        return new Scores(OptionalDouble.of(transferability), OptionalDouble.of(verificationCost),
                OptionalDouble.of(score(transferability, verificationCost)),
                Quadrant.of(transferability, verificationCost, thresholds));
    }

    /**
     * The reasoning score.
     *
     * @param transferability T
     * @param verificationCost V
     * @return {@code T * (1 - V)}
     */
    public static double score(double transferability, double verificationCost) {
        return transferability * (1.0 - verificationCost);
    }

    /**
     * The means of an occupation's or a family's tasks, which have no quadrant.
     *
     * @param transferability mean T, or empty
     * @param verificationCost mean V, or empty
     * @param score mean S, present exactly when both means are
     * @return the scores, without a quadrant
     */
    public static Scores means(OptionalDouble transferability, OptionalDouble verificationCost, OptionalDouble score) {
        return new Scores(transferability, verificationCost, score, null);
    }

    /** @return whether both axes are rated */
    public boolean isRated() {
        return score.isPresent();
    }
}

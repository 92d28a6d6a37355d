package dev.moravec.engine;

import dev.moravec.api.Task;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The combined judgment on one task: transferability T, verification cost V, the reasoning score
 * {@code S = T * (1 - V)}, the quadrant, and every scorer's outcome.
 *
 * @param task the task
 * @param transferability the combined T, empty when no scorer rated it
 * @param verificationCost the combined V, empty when no scorer rated it
 * @param score S, present when both axes are
 * @param quadrant the quadrant, {@link Quadrant#UNRATED} when an axis is missing
 * @param outcomes each active scorer's outcome, in scorer id order
 */
public record Verdict(
        Task task,
        OptionalDouble transferability,
        OptionalDouble verificationCost,
        OptionalDouble score,
        Quadrant quadrant,
        List<ScorerOutcome> outcomes) {

    /** Copies the outcomes and checks the fields agree. */
    public Verdict {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(quadrant, "quadrant");
        outcomes = List.copyOf(outcomes);
        boolean rated = transferability.isPresent() && verificationCost.isPresent();
        if (rated != score.isPresent() || rated == (quadrant == Quadrant.UNRATED)) {
            throw new IllegalArgumentException("score and quadrant must be present exactly when both axes are");
        }
    }
}

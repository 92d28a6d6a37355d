package dev.moravec.model;

import dev.moravec.api.Task;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The combined judgment on one task: its {@link Scores} (T, V, S and quadrant) and every scorer's
 * outcome.
 *
 * @param task the task
 * @param scores the combined T, V, S and quadrant
 * @param outcomes each active scorer's outcome, in scorer id order
 */
public record Verdict(Task task, Scores scores, List<ScorerOutcome> outcomes) {

    /** Copies the outcomes. */
    public Verdict {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(scores, "scores");
        outcomes = List.copyOf(outcomes);
    }

    /** @return the combined T, empty when no scorer rated it */
    public OptionalDouble transferability() {
        return scores.transferability();
    }

    /** @return the combined V, empty when no scorer rated it */
    public OptionalDouble verificationCost() {
        return scores.verificationCost();
    }

    /** @return S, present when both axes are */
    public OptionalDouble score() {
        return scores.score();
    }

    /** @return the quadrant, {@link Quadrant#UNRATED} when an axis is missing */
    public Quadrant quadrant() {
        return scores.quadrant();
    }
}

package dev.moravec.model;

import dev.moravec.api.Task;
import dev.moravec.api.VerificationMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The combined judgment on one task: its {@link Scores} (T, V, S and quadrant), why it lags (the
 * combined bottleneck factors), how an attempt is most plausibly checked, and every scorer's outcome.
 *
 * @param task the task
 * @param scores the combined T, V, S and quadrant
 * @param outcomes each active scorer's outcome, in scorer id order
 * @param bottlenecks the combined bottleneck factors; {@link BottleneckProfile#NONE} when no scorer named one
 * @param verification the most plausible verification mode, or {@code null} when no scorer named one
 * @param scenario where the task would stand under a breakthrough scenario, when one was asked for; else
 *     {@code null}
 * @param override the analyst override that applies to the task, with its scores after it; else {@code null}.
 *     {@link #scores()} stay the scorers' verdict either way
 */
public record Verdict(Task task, Scores scores, List<ScorerOutcome> outcomes, BottleneckProfile bottlenecks,
        VerificationMode verification, ScenarioScores scenario, AppliedOverride override) {

    /** Copies the outcomes. */
    public Verdict {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(bottlenecks, "bottlenecks");
        outcomes = List.copyOf(outcomes);
    }

    /**
     * A verdict without bottlenecks or verification mode.
     *
     * @param task the task
     * @param scores the combined T, V, S and quadrant
     * @param outcomes each active scorer's outcome
     */
    public Verdict(Task task, Scores scores, List<ScorerOutcome> outcomes) {
        this(task, scores, outcomes, BottleneckProfile.NONE, null, null, null);
    }

    /**
     * A verdict without a scenario.
     *
     * @param task the task
     * @param scores the combined T, V, S and quadrant
     * @param outcomes each active scorer's outcome
     * @param bottlenecks the combined bottleneck factors
     * @param verification the most plausible verification mode, or {@code null}
     */
    public Verdict(Task task, Scores scores, List<ScorerOutcome> outcomes, BottleneckProfile bottlenecks,
            VerificationMode verification) {
        this(task, scores, outcomes, bottlenecks, verification, null, null);
    }

    /**
     * This verdict with where the task would stand under a scenario.
     *
     * @param under the task's scores under the scenario
     * @return a copy with them
     */
    public Verdict withScenario(ScenarioScores under) {
        return new Verdict(task, scores, outcomes, bottlenecks, verification, under, override);
    }

    /**
     * This verdict with an analyst override that applies to its task.
     *
     * @param applied the override and the task's scores after it
     * @return a copy with it
     */
    public Verdict withOverride(AppliedOverride applied) {
        return new Verdict(task, scores, outcomes, bottlenecks, verification, scenario, applied);
    }

    /** @return the scores that count: the override's when one applies, else the scorers' */
    public Scores effectiveScores() {
        return override == null ? scores : override.scores();
    }

    /** @return the verification mode, if a scorer named one */
    public Optional<VerificationMode> verificationMode() {
        return Optional.ofNullable(verification);
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

package dev.moravec.model;

import java.util.Objects;

/**
 * An analyst override as it applies to one task: the override, and the task's scores after it.
 *
 * @param override the override
 * @param scores the task's T, V, S and quadrant after the override
 */
public record AppliedOverride(AnalystOverride override, Scores scores) {

    /** Checks the fields. */
    public AppliedOverride {
        Objects.requireNonNull(override, "override");
        Objects.requireNonNull(scores, "scores");
    }
}

package dev.moravec.model;

import dev.moravec.api.BottleneckFactor;
import java.util.List;
import java.util.Objects;

/**
 * Where a task would stand under a breakthrough scenario, beside its verdict as rated.
 *
 * @param scenario the scenario's name, such as {@code robotics+memory}
 * @param scores its T, V, S and quadrant under the scenario
 * @param movedBy the relieved factors that moved it; empty when it does not move
 */
public record ScenarioScores(String scenario, Scores scores, List<BottleneckFactor> movedBy) {

    /** Checks the fields and copies the factors. */
    public ScenarioScores {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(scores, "scores");
        movedBy = List.copyOf(movedBy);
    }
}

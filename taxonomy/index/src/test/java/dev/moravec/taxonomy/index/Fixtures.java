package dev.moravec.taxonomy.index;

import dev.moravec.api.Axis;
import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.VerificationMode;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import dev.moravec.testing.FixtureRelease;
import dev.moravec.testing.TestScorers;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/** A deterministic scorer for the index's tests. */
final class Fixtures {

    private Fixtures() {}

    /** @return an extra file of the fixture: skills.tsv, task-ratings.csv, employment.csv */
    static Path extra(String name) {
        return FixtureRelease.sharedExtra(name);
    }

    /**
     * A scorer whose rating follows from words of the statement, so tests know every verdict: code,
     * proofs and calculations are pure reasoning; pipes, cable and tools lag; the rest sits between.
     */
    static TaskScorer wordScorer(String version) {
        return TestScorers.of(new ScorerInfo("words", version, "rates by a few words", EnumSet.allOf(Axis.class)),
                Fixtures::wordRating);
    }

    /**
     * Code, proofs and calculations are pure reasoning, checked by a program; pipes, cable and tools lag,
     * held back by EMBODIMENT and checked physically; the rest sits between, held back by slow feedback.
     */
    private static Rating wordRating(Task task) {
        String s = task.statement().toLowerCase();
        for (String word : List.of("code", "prove", "calculate", "program", "data", "report")) {
            if (s.contains(word)) {
                return Rating.of(0.9, 0.2, 1, List.of("'" + word + "'")).withVerification(VerificationMode.PROGRAM_CHECK);
            }
        }
        for (String word : List.of("pipe", "cable", "tool", "install", "repair", "lift", "wash", "drive")) {
            if (s.contains(word)) {
                return Rating.of(0.1, 0.9, 1, List.of("'" + word + "'"))
                        .withBottlenecks(List.of(Bottleneck.of(BottleneckFactor.EMBODIMENT, 0.9, "'" + word + "' by hand")))
                        .withVerification(VerificationMode.PHYSICAL_CHECK);
            }
        }
        return Rating.of(0.6, 0.7, 0.5, List.of("between"))
                .withBottlenecks(List.of(Bottleneck.of(BottleneckFactor.SLOW_FEEDBACK, 0.5, "outcomes come slowly")))
                .withVerification(VerificationMode.SLOW_OUTCOME);
    }
}

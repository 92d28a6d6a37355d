package dev.moravec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.moravec.api.Rating;
import dev.moravec.api.Task;
import dev.moravec.api.TaskType;
import dev.moravec.api.TaskWeights;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class OccupationScoreTest {

    private static Verdict verdict(Task task, double t, double v) {
        return new Verdict(task, Scores.of(t, v, Thresholds.DEFAULT), List.of(ScorerOutcome.rated("x", "1", Rating.of(t, v, 1, List.of("e")))));
    }

    private static Task task(String id, TaskType type, Double importance, Double relevance) {
        return new Task(id, "statement " + id, "15-1252.00", type, new TaskWeights(
                importance == null ? OptionalDouble.empty() : OptionalDouble.of(importance),
                relevance == null ? OptionalDouble.empty() : OptionalDouble.of(relevance), OptionalDouble.empty()));
    }

    @Test
    void coreTasksCountTwiceWhenRatingsAreMissing() {
        OccupationScore score = OccupationScore.of(List.of(
                verdict(task("1", TaskType.CORE, null, null), 1.0, 0.0),          // S 1, PURE_REASONING
                verdict(task("2", TaskType.SUPPLEMENTAL, 4.0, 50.0), 0.0, 1.0))); // S 0, LAGGING
        assertThat(score.weighting()).isEqualTo(TaskWeighting.TASK_TYPE);
        assertThat(score.score().getAsDouble()).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(score.shares().get(Quadrant.PURE_REASONING)).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(score.shares().get(Quadrant.LAGGING)).isCloseTo(1.0 / 3.0, within(1e-12));
    }

    @Test
    void importanceTimesRelevanceWhenEveryTaskHasThem() {
        OccupationScore score = OccupationScore.of(List.of(
                verdict(task("1", TaskType.CORE, 5.0, 20.0), 1.0, 0.0),          // weight 100
                verdict(task("2", TaskType.SUPPLEMENTAL, 3.0, 100.0), 0.5, 0.5))); // weight 300, S 0.25
        assertThat(score.weighting()).isEqualTo(TaskWeighting.IMPORTANCE_RELEVANCE);
        assertThat(score.score().getAsDouble()).isCloseTo((100 * 1.0 + 300 * 0.25) / 400, within(1e-12));
        assertThat(score.transferability().getAsDouble()).isCloseTo((100 + 150) / 400.0, within(1e-12));
    }

    @Test
    void unratedTasksCountInTheSharesButNotInTheMeans() {
        Task unrated = task("3", TaskType.CORE, null, null);
        OccupationScore score = OccupationScore.of(List.of(verdict(task("1", TaskType.CORE, null, null), 0.8, 0.2),
                new Verdict(unrated, Scores.UNRATED, List.of())));
        assertThat(score.tasks()).isEqualTo(2);
        assertThat(score.rated()).isEqualTo(1);
        assertThat(score.score().getAsDouble()).isCloseTo(0.64, within(1e-12));
        assertThat(score.shares().get(Quadrant.UNRATED)).isCloseTo(0.5, within(1e-12));
        assertThat(OccupationScore.of(List.of()).score()).isEmpty();
    }

    @Test
    void tasksNotClassifiedYetCountNowhere() {
        OccupationScore score = OccupationScore.of(List.of(
                new OccupationScore.Weighted(1, Scores.of(0.8, 0.2, Thresholds.DEFAULT), BottleneckProfile.NONE),
                new OccupationScore.Weighted(1, Scores.NONE, BottleneckProfile.NONE)), TaskWeighting.TASK_TYPE);
        assertThat(score.rated()).isEqualTo(1);
        assertThat(score.score().getAsDouble()).isCloseTo(0.64, within(1e-12));
        assertThat(score.shares().get(Quadrant.PURE_REASONING)).isCloseTo(1.0, within(1e-12));
    }
}

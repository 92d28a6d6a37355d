package dev.moravec.testing;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.ScoringException;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Small in-process scorers for engine tests, well-behaved and not. */
public final class TestScorers {

    private TestScorers() {}

    /**
     * A scorer of both axes, version 1.0.0, whose rating is a function of the task.
     *
     * @param id the scorer's id
     * @param rate the rating of a task
     * @return the scorer
     */
    public static TaskScorer of(String id, Function<Task, Rating> rate) {
        return of(id, EnumSet.allOf(Axis.class), rate);
    }

    /**
     * A scorer of the given axes, version 1.0.0.
     *
     * @param id the scorer's id
     * @param axes the axes it declares
     * @param rate the rating of a task
     * @return the scorer
     */
    public static TaskScorer of(String id, Set<Axis> axes, Function<Task, Rating> rate) {
        return of(new ScorerInfo(id, "1.0.0", "test scorer " + id, axes), rate);
    }

    /**
     * A scorer with the given identity.
     *
     * @param info its id, version, description and axes
     * @param rate the rating of a task
     * @return the scorer
     */
    public static TaskScorer of(ScorerInfo info, Function<Task, Rating> rate) {
        return new TaskScorer() {
            @Override
            public ScorerInfo info() {
                return info;
            }

            @Override
            public Rating rate(Task task, ScoringContext context) {
                return rate.apply(task);
            }
        };
    }

    public static TaskScorer constant(String id, double t, double v, double confidence) {
        return of(id, task -> Rating.of(t, v, confidence, List.of(id + " says so")));
    }

    /** Throws on tasks whose statement contains "boom". */
    public static TaskScorer throwingOn(String id, String word) {
        ScorerInfo info = new ScorerInfo(id, "1.0.0", "throws", EnumSet.allOf(Axis.class));
        return new TaskScorer() {
            @Override
            public ScorerInfo info() {
                return info;
            }

            @Override
            public Rating rate(Task task, ScoringContext context) throws ScoringException {
                if (task.statement().contains(word)) {
                    throw new ScoringException("cannot read '" + word + "'");
                }
                return Rating.of(0.7, 0.3, 1, List.of("fine"));
            }
        };
    }
}

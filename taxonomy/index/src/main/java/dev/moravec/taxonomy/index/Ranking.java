package dev.moravec.taxonomy.index;

import dev.moravec.api.BottleneckFactor;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scores;
import java.util.List;
import java.util.Map;

/**
 * Tasks, occupations or families ordered by their reasoning score.
 *
 * @param level what is ranked: {@code task} or a SOC level's label
 * @param lagging true when the lowest scores (lagging most) come first
 * @param rows the ranked rows
 * @param weighting how tasks and occupations were weighted, in words
 * @param unscored how many of the level's items had no score and were left out
 * @param scenario the breakthrough scenario the scores are under, or {@code null} for the scores as classified
 * @param intervals how the rows' intervals and rank ranges were estimated, or {@code null} when they were not
 * @param overrides what became of the analyst overrides
 */
public record Ranking(String level, boolean lagging, List<Row> rows, String weighting, int unscored, String scenario,
        IntervalSettings intervals, OverrideReport overrides) {

    /** Copies the rows. */
    public Ranking {
        rows = List.copyOf(rows);
    }

    /**
     * A ranking without intervals or overrides.
     *
     * @param level what is ranked
     * @param lagging true when the lowest scores come first
     * @param rows the ranked rows
     * @param weighting how tasks and occupations were weighted
     * @param unscored how many items had no score
     * @param scenario the scenario, or {@code null}
     */
    public Ranking(String level, boolean lagging, List<Row> rows, String weighting, int unscored, String scenario) {
        this(level, lagging, rows, weighting, unscored, scenario, null, OverrideReport.NONE);
    }

    /**
     * One ranked item.
     *
     * @param code the task's occupation, or the occupation's or family's code
     * @param title the occupation's or family's title
     * @param taskId the task's id, for task rankings; else {@code null}
     * @param statement the task statement, for task rankings; else {@code null}
     * @param scores a task's T, V, S and quadrant, for task rankings; else the means of the tasks below it
     * @param tasks the number of tasks below it
     * @param occupations the number of scored occupations below it
     * @param employment their employment, where imported, else {@code null}
     * @param shares the share of tasks in each quadrant
     * @param bottleneck what holds it back most: a task's dominant bottleneck factor, an occupation's or
     *     family's factor behind the most lagging work (see {@code OccupationScore#dominantBottleneck}); or
     *     {@code null}
     * @param laggingBy for each factor, the weighted share of its tasks that lag with it dominant
     * @param interval the score's 90% interval, or {@code null} without intervals
     * @param rankRange the 90% range of its rank, or {@code null} without intervals
     * @param overridden how many of its tasks an analyst override changes
     */
    public record Row(String code, String title, String taskId, String statement, Scores scores, long tasks,
            int occupations, Double employment, Map<Quadrant, Double> shares, BottleneckFactor bottleneck,
            Map<BottleneckFactor, Double> laggingBy, ScoreInterval interval, RankRange rankRange, int overridden) {

        /**
         * This row with its interval and rank range.
         *
         * @param score the score's interval
         * @param rank the rank's range
         * @return a copy with them
         */
        public Row withUncertainty(ScoreInterval score, RankRange rank) {
            return new Row(code, title, taskId, statement, scores, tasks, occupations, employment, shares, bottleneck,
                    laggingBy, score, rank, overridden);
        }
    }
}

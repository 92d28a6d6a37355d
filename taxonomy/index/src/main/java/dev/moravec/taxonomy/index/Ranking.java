package dev.moravec.taxonomy.index;

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
 */
public record Ranking(String level, boolean lagging, List<Row> rows, String weighting, int unscored) {

    /** Copies the rows. */
    public Ranking {
        rows = List.copyOf(rows);
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
     */
    public record Row(String code, String title, String taskId, String statement, Scores scores, long tasks,
            int occupations, Double employment, Map<Quadrant, Double> shares) {}
}

package dev.moravec.taxonomy.index;

import dev.moravec.api.BottleneckFactor;
import dev.moravec.model.AnalystOverrides;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scores;
import dev.moravec.scoring.Relief;
import dev.moravec.taxonomy.index.internal.IndexFields;
import dev.moravec.taxonomy.index.internal.OverrideTargets;
import dev.moravec.taxonomy.index.internal.TaskTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;

/**
 * The classified tasks of the taxonomy as points on the two axes, for a scatter chart: each task's
 * transferability, verification cost, score and quadrant, read from the index's doc values, as
 * classified or moved by a breakthrough scenario. When a family holds more tasks than asked for, an
 * evenly spaced sample in index order (occupation code order) is returned, so that every part of the
 * family stays on the chart.
 */
public final class TaskPoints {

    /**
     * One classified task.
     *
     * @param id the task's id
     * @param code its occupation's O*NET-SOC code
     * @param title its occupation's title
     * @param statement the task statement
     * @param scores its T, V, S and quadrant, all present (under the scenario, if one was asked for)
     * @param bottleneck its dominant bottleneck factor, or {@code null}
     * @param movedBy the factors whose relief moved it under the scenario; empty when it did not move
     * @param overridden whether an analyst override set its scores
     */
    public record Point(String id, String code, String title, String statement, Scores scores, BottleneckFactor bottleneck,
            List<BottleneckFactor> movedBy, boolean overridden) {}

    /**
     * The points of a family.
     *
     * @param total how many of the family's tasks have a point (both axes rated)
     * @param unplaced how many of its tasks have none: not classified yet, or {@code UNRATED}
     * @param quadrants how many of the classified tasks are in each quadrant (of all of them, not only the sample)
     * @param points the points returned: all of them, or an evenly spaced sample of {@code limit}
     * @param moved how many of the tasks the scenario moved; 0 without a scenario
     */
    public record Result(int total, int unplaced, Map<Quadrant, Integer> quadrants, List<Point> points, int moved) {

        /** Copies the collections. */
        public Result {
            quadrants = Map.copyOf(quadrants);
            points = List.copyOf(points);
        }
    }

    private static final Set<String> FIELDS = Set.of(IndexFields.TASK_ID, IndexFields.CODE, IndexFields.TITLE,
            IndexFields.STATEMENT);

    private final TaxonomyIndex index;

    /**
     * @param index the index
     */
    public TaskPoints(TaxonomyIndex index) {
        this.index = index;
    }

    /**
     * The classified tasks of a family.
     *
     * @param family a SOC group or occupation code at any level, or {@code null} for every task
     * @param limit the most points to return, at least 1
     * @return the points
     * @throws IOException if the index cannot be read
     */
    public Result points(String family, int limit) throws IOException {
        return points(family, limit, null);
    }

    /**
     * The classified tasks of a family, moved by a scenario.
     *
     * @param family a SOC group or occupation code at any level, or {@code null} for every task
     * @param limit the most points to return, at least 1
     * @param relief the scenario, or {@code null} for the tasks as classified
     * @return the points
     * @throws IOException if the index cannot be read
     */
    public Result points(String family, int limit, Relief relief) throws IOException {
        return points(family, limit, relief, AnalystOverrides.NONE);
    }

    /**
     * The classified tasks of a family, with the analyst overrides, moved by a scenario.
     *
     * @param family a SOC group or occupation code at any level, or {@code null} for every task
     * @param limit the most points to return, at least 1
     * @param relief the scenario, or {@code null} for the tasks as classified
     * @param overrides the analyst overrides, applied before the scenario
     * @return the points
     * @throws IOException if the index cannot be read
     */
    public Result points(String family, int limit, Relief relief, AnalystOverrides overrides) throws IOException {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return index.search(searcher -> {
            List<TaskTable.Row> all = TaskTable.read(searcher, family, OverrideTargets.resolve(searcher, overrides)).rows();
            List<TaskTable.Row> placed = new ArrayList<>();
            List<Relief.Moved> moves = new ArrayList<>();
            Map<Quadrant, Integer> quadrants = new TreeMap<>();
            int moved = 0;
            for (TaskTable.Row task : all) {
                if (!task.scores().isRated()) {
                    continue;
                }
                Relief.Moved m = relief == null ? new Relief.Moved(task.scores(), task.scores(), List.of(), task.bottlenecks())
                        : relief.apply(task.scores(), task.bottlenecks(), task.verification());
                placed.add(task);
                moves.add(m);
                quadrants.merge(m.after().quadrant(), 1, Integer::sum);
                if (!m.movedBy().isEmpty()) {
                    moved++;
                }
            }
            StoredFields fields = searcher.storedFields();
            List<Point> points = new ArrayList<>(Math.min(limit, placed.size()));
            double step = placed.size() <= limit ? 1.0 : (double) placed.size() / limit;
            for (int i = 0; i < Math.min(limit, placed.size()); i++) {
                int at = (int) Math.floor(i * step);
                Relief.Moved m = moves.get(at);
                Document stored = fields.document(placed.get(at).doc(), FIELDS);
                points.add(new Point(IndexFields.stored(stored, IndexFields.TASK_ID), IndexFields.stored(stored, IndexFields.CODE),
                        IndexFields.stored(stored, IndexFields.TITLE), IndexFields.stored(stored, IndexFields.STATEMENT),
                        m.after(), m.remaining().dominant().orElse(null), m.movedBy(), placed.get(at).override() != null));
            }
            return new Result(placed.size(), all.size() - placed.size(), quadrants, points, moved);
        });
    }
}

package dev.moravec.spark.internal;

import dev.moravec.api.TaskType;
import dev.moravec.model.Quadrant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The verdicts summed per occupation code in Spark SQL: every sum that either way of weighting an
 * occupation's tasks needs ({@code moravec rank}'s {@code TaskWeighting}), so that one pass over the
 * verdicts does, whatever the catalog's size. What it gives is a row per code, a few thousand at most,
 * which {@link FamilyRankings} combines into occupations and families on the driver.
 */
final class OccupationSums {

    /** The two ways an occupation's tasks are weighted, as the columns of {@link #byCode} name them. */
    enum Scheme {
        /** importance x relevance, where every task of the occupation has both */
        RATINGS("weights.importance * weights.relevance"),
        /** core 2, supplemental (or unknown) 1 */
        TASK_TYPE("CASE WHEN taskType = '" + TaskType.CORE.name() + "' THEN 2D ELSE 1D END");

        private final String weight;

        Scheme(String weight) {
            this.weight = weight;
        }

        /**
         * @param sum one of {@link #SUMS}
         * @return its column under this weighting
         */
        String column(String sum) {
            return sum + "_" + name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The sums each weighting has a column of: the weight of all tasks, of the rated ones, the weighted sums
     * of T, V and S over the rated ones, and each quadrant's weight ({@code q_QUADRANT}).
     */
    static final List<String> SUMS = List.copyOf(expressions("1D").keySet());

    private static final String VERDICTS = "moravec_verdicts";

    private OccupationSums() {}

    /**
     * The tasks summed per occupation code and title, in Spark SQL (grouped by both, so Spark sums in a hash
     * table, where the least title of a code would make it sort every task): {@code code} (null for tasks
     * without one), {@code title}, {@code tasks}, {@code rated} (tasks with a score), {@code by_ratings}
     * (every task has importance and relevance), each quadrant's count ({@code n_QUADRANT}), and for each
     * weighting the weight of all tasks, of the rated ones, the weighted sums of T, V and S over the rated
     * ones and each quadrant's weight.
     *
     * @param verdicts the verdict records (at least occupation, taskType, weights, T, V, S and quadrant)
     * @return one row per code and title
     */
    static Dataset<Row> byCode(Dataset<Row> verdicts) {
        List<String> sums = new ArrayList<>(List.of("occupation.code AS code", "occupation.title AS title",
                "count(*) AS tasks", "count(score) AS rated",
                "bool_and(weights.importance IS NOT NULL AND weights.relevance IS NOT NULL) AS by_ratings"));
        for (Quadrant q : Quadrant.values()) {
            sums.add("count_if(quadrant = '" + q.name() + "') AS n_" + q.name());
        }
        for (Scheme scheme : Scheme.values()) {
            expressions("(" + scheme.weight + ")").forEach((sum, expression) ->
                    sums.add(expression + " AS " + scheme.column(sum)));
        }
        verdicts.createOrReplaceTempView(VERDICTS);
        return verdicts.sparkSession().sql("SELECT " + String.join(", ", sums) + " FROM " + VERDICTS
                + " GROUP BY occupation.code, occupation.title");
    }

    /**
     * @param sums the rows of {@link #byCode}
     * @return the tasks per quadrant, over every code (and tasks without one)
     */
    static Map<Quadrant, Long> quadrants(List<Row> sums) {
        Map<Quadrant, Long> quadrants = new EnumMap<>(Quadrant.class);
        for (Quadrant q : Quadrant.values()) {
            quadrants.put(q, sums.stream().mapToLong(row -> row.<Long>getAs("n_" + q.name())).sum());
        }
        return quadrants;
    }

    // each of SUMS as Spark SQL, for a task's weight w
    private static Map<String, String> expressions(String w) {
        Map<String, String> sums = new LinkedHashMap<>();
        sums.put("weight", "sum(" + w + ")");
        sums.put("rated_weight", "sum(CASE WHEN score IS NOT NULL THEN " + w + " END)");
        sums.put("wt", "sum(CASE WHEN score IS NOT NULL THEN " + w + " * transferability END)");
        sums.put("wv", "sum(CASE WHEN score IS NOT NULL THEN " + w + " * verificationCost END)");
        sums.put("ws", "sum(CASE WHEN score IS NOT NULL THEN " + w + " * score END)");
        for (Quadrant q : Quadrant.values()) {
            sums.put("q_" + q.name(), "sum(CASE WHEN quadrant = '" + q.name() + "' THEN " + w + " ELSE 0D END)");
        }
        return sums;
    }
}

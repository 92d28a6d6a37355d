package dev.moravec.spark.internal;

import dev.moravec.api.TaskType;
import dev.moravec.catalog.VerdictJson;
import dev.moravec.model.Quadrant;
import dev.moravec.model.TaskWeighting;
import dev.moravec.taxonomy.sources.SocLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Occupation scores and family rankings in Spark SQL, weighted as {@code moravec rank} weights them
 * ({@code OccupationScore}, {@code TaskWeighting}, {@code Rankings}): an occupation's T, V and S are the
 * means of its rated tasks weighted by importance x relevance where every task has both, else core 2 /
 * supplemental 1, with each quadrant's weighted share of all its tasks; a family's are the means of its
 * scored occupations, weighted by employment where an employment file gives any, else equally. One row per
 * group at every SOC level, ranked lagging first (rank 1 has the lowest score), as {@code rank} orders them.
 */
final class Aggregations {

    private static final String VERDICTS = "moravec_verdicts";
    private static final String GROUPS = "moravec_groups";
    private static final String TITLES = "moravec_titles";
    private static final String TASKS = "moravec_tasks";
    private static final String OCCUPATIONS = "moravec_occupation_scores";

    private final SparkSession spark;

    /**
     * @param spark the session
     * @param verdicts the verdict records ({@link VerdictRows#SCHEMA}, at least the columns the scores use)
     * @param groups where each occupation code sits, and the group titles
     */
    Aggregations(SparkSession spark, Dataset<Row> verdicts, OccupationGroups.Groups groups) {
        this.spark = spark;
        verdicts.createOrReplaceTempView(VERDICTS);
        groups.groups().createOrReplaceTempView(GROUPS);
        groups.titles().createOrReplaceTempView(TITLES);
        spark.sql("SELECT g.occupation AS occupation, r.occupation.title AS title, r.taskType AS task_type,"
                + " r.weights.importance AS importance, r.weights.relevance AS relevance, r.transferability AS t,"
                + " r.verificationCost AS vc, r.score AS s, r.quadrant AS quadrant"
                + " FROM " + VERDICTS + " r JOIN " + GROUPS + " g ON r.occupation.code = g.code")
                .createOrReplaceTempView(TASKS);
        spark.sql(occupationScores()).createOrReplaceTempView(OCCUPATIONS + "_only");
        // one row per occupation with its groups at every level: what each level's ranking reads
        spark.sql("SELECT o.*, g.detailed, g.broad, g.minor, g.major, g.employment FROM " + OCCUPATIONS + "_only o"
                + " JOIN (SELECT DISTINCT occupation, detailed, broad, minor, major, employment FROM " + GROUPS + ") g"
                + " ON o.code = g.occupation").cache().createOrReplaceTempView(OCCUPATIONS);
    }

    /** Frees the occupation scores every level reads. */
    void close() {
        spark.table(OCCUPATIONS).unpersist();
    }

    /**
     * The rankings of every level, lagging first: rank 1 has the lowest score; ties go by code, and groups
     * without a score come last, without a rank. Computed in one query (a few thousand rows at most), and
     * ranked here rather than by a window over one partition.
     *
     * @return by level, one row per group: rank, level, code, title, score, transferability,
     *     verificationCost, tasks, occupations, employment, shares (a struct by quadrant), weighting
     */
    Map<SocLevel, Dataset<Row>> rankings() {
        Dataset<Row> all = spark.sql(OccupationGroups.LEVELS.stream().map(Aggregations::ranking)
                .collect(Collectors.joining(" UNION ALL ")));
        StructType schema = new StructType().add("rank", DataTypes.IntegerType);
        for (StructField field : all.schema().fields()) {
            schema = field.name().equals("employment") ? schema.add("employment", DataTypes.LongType) : schema.add(field);
        }
        List<Row> rows = new ArrayList<>(all.collectAsList());
        int score = all.schema().fieldIndex("score");
        rows.sort(java.util.Comparator.comparing((Row r) -> r.isNullAt(score))
                .thenComparing(r -> r.isNullAt(score) ? 0.0 : r.getDouble(score))
                .thenComparing(r -> r.getString(1)));
        Map<String, List<Row>> byLevel = new LinkedHashMap<>();
        for (Row row : rows) {
            List<Row> level = byLevel.computeIfAbsent(row.getString(0), l -> new ArrayList<>());
            level.add(rounded(row, row.isNullAt(score) ? null : level.size() + 1));
        }
        Map<SocLevel, Dataset<Row>> rankings = new LinkedHashMap<>();
        for (SocLevel level : OccupationGroups.LEVELS) {
            rankings.put(level, spark.createDataFrame(byLevel.getOrDefault(level.label(), List.of()), schema));
        }
        return rankings;
    }

    // the rank first; means and shares rounded and employment to whole workers, as 'moravec rank' shows them
    private static Row rounded(Row row, Integer rank) {
        Object[] values = new Object[row.size() + 1];
        values[0] = rank;
        for (int i = 0; i < row.size(); i++) {
            Object value = row.get(i);
            String name = row.schema().fields()[i].name();
            if (value instanceof Double d) {
                values[i + 1] = name.equals("employment") ? (Object) Math.round(d) : (Object) VerdictJson.round(d);
            } else if (value instanceof Row shares) {
                Object[] rounded = new Object[shares.size()];
                for (int q = 0; q < shares.size(); q++) {
                    rounded[q] = shares.isNullAt(q) ? null : VerdictJson.round(shares.getDouble(q));
                }
                values[i + 1] = RowFactory.create(rounded);
            } else {
                values[i + 1] = value;
            }
        }
        return RowFactory.create(values);
    }

    /**
     * A ranking flattened for CSV: the shares as {@code share.QUADRANT} columns, as {@code rank --format csv}
     * writes them.
     *
     * @param ranking a ranking of {@link #level}
     * @return the same rows, flat
     */
    static Dataset<Row> flat(Dataset<Row> ranking) {
        List<Column> columns = new ArrayList<>();
        for (String name : ranking.columns()) {
            if (name.equals("shares")) {
                for (Quadrant q : Quadrant.values()) {
                    columns.add(functions.col("shares." + q.name()).as("share." + q.name()));
                }
            } else {
                columns.add(functions.col(name));
            }
        }
        return ranking.select(columns.toArray(Column[]::new));
    }

    private static String occupationScores() {
        Map<String, String> shares = new LinkedHashMap<>();
        for (Quadrant q : Quadrant.values()) {
            shares.put("q_" + q.name(), "sum(CASE WHEN quadrant = '" + q.name() + "' THEN w ELSE 0D END)");
        }
        return "WITH scheme AS (SELECT occupation, bool_and(importance IS NOT NULL AND relevance IS NOT NULL) AS by_ratings"
                + " FROM " + TASKS + " GROUP BY occupation),"
                + " weighted AS (SELECT t.*, s.by_ratings, CASE WHEN s.by_ratings THEN t.importance * t.relevance"
                + " WHEN t.task_type = '" + TaskType.CORE.name() + "' THEN 2D ELSE 1D END AS w"
                + " FROM " + TASKS + " t JOIN scheme s ON t.occupation = s.occupation),"
                + " sums AS (SELECT occupation, min(title) AS title, count(*) AS tasks, count(s) AS rated,"
                + " bool_and(by_ratings) AS by_ratings, sum(w) AS weight,"
                + " sum(CASE WHEN s IS NOT NULL THEN w END) AS rated_weight,"
                + " sum(CASE WHEN s IS NOT NULL THEN w * t END) AS wt, sum(CASE WHEN s IS NOT NULL THEN w * vc END) AS wv,"
                + " sum(CASE WHEN s IS NOT NULL THEN w * s END) AS ws, "
                + shares.entrySet().stream().map(e -> e.getValue() + " AS " + e.getKey()).collect(Collectors.joining(", "))
                + " FROM weighted GROUP BY occupation)"
                + " SELECT occupation AS code, title, tasks, rated,"
                + " CASE WHEN rated_weight > 0 THEN wt / rated_weight END AS transferability,"
                + " CASE WHEN rated_weight > 0 THEN wv / rated_weight END AS verificationCost,"
                + " CASE WHEN rated_weight > 0 THEN ws / rated_weight END AS score, "
                + shares.keySet().stream().map(q -> "CASE WHEN weight > 0 THEN " + q + " / weight ELSE 0D END AS " + q)
                        .collect(Collectors.joining(", "))
                + ", CASE WHEN by_ratings THEN '" + TaskWeighting.IMPORTANCE_RELEVANCE.label() + "' ELSE '"
                + TaskWeighting.TASK_TYPE.label() + "' END AS weighting"
                + " FROM sums";
    }

    private static String ranking(SocLevel level) {
        String group = level.label();
        List<String> quadrants = Stream.of(Quadrant.values()).map(q -> "q_" + q.name()).toList();
        String weighting = level == SocLevel.OCCUPATION ? "min(weighting)"
                : "CASE WHEN max(family_employment) > 0 THEN 'occupations weighted by employment'"
                        + " ELSE 'occupations weighted equally' END";
        String title = level == SocLevel.OCCUPATION ? "coalesce(min(w.title), min(n.title))" : "min(n.title)";
        return "(WITH occ AS (SELECT o.*, o.`" + (level == SocLevel.OCCUPATION ? "code" : group) + "` AS family FROM "
                + OCCUPATIONS + " o),"
                + " totals AS (SELECT family AS total_family, sum(CASE WHEN score IS NOT NULL AND employment > 0 THEN"
                + " employment ELSE 0D END) AS family_employment FROM occ GROUP BY family),"
                + " withTotal AS (SELECT occ.*, totals.family_employment FROM occ JOIN totals"
                + " ON occ.family = totals.total_family),"
                + " w AS (SELECT withTotal.*, CASE WHEN score IS NULL THEN NULL WHEN family_employment > 0 THEN"
                + " CASE WHEN employment > 0 THEN employment ELSE 0D END ELSE 1D END AS ow FROM withTotal),"
                + " families AS (SELECT w.family AS code, " + title + " AS title,"
                + " sum(ow * score) / sum(ow) AS score, sum(ow * transferability) / sum(ow) AS transferability,"
                + " sum(ow * verificationCost) / sum(ow) AS verificationCost, sum(tasks) AS tasks,"
                + " count(score) AS occupations,"
                + " CASE WHEN max(family_employment) > 0 THEN max(family_employment) END AS employment,"
                + " named_struct(" + quadrants.stream().map(q -> "'" + q.substring(2) + "', sum(ow * " + q
                        + ") / sum(ow)").collect(Collectors.joining(", ")) + ") AS shares,"
                + " " + weighting + " AS weighting"
                + " FROM w LEFT JOIN " + TITLES + " n ON w.family = n.code GROUP BY w.family)"
                + " SELECT '" + group + "' AS level, code, title, score, transferability, verificationCost,"
                + " tasks, occupations, employment, shares, weighting FROM families)";
    }
}

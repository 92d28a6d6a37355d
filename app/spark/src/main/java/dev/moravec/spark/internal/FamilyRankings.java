package dev.moravec.spark.internal;

import dev.moravec.catalog.VerdictJson;
import dev.moravec.model.Quadrant;
import dev.moravec.model.TaskWeighting;
import dev.moravec.spark.internal.OccupationSums.Scheme;
import dev.moravec.taxonomy.sources.SocLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Occupation scores and family rankings at every SOC level, on the driver, from the sums Spark SQL made
 * per occupation code ({@link OccupationSums}), weighted as {@code moravec rank} weights them ({@code
 * OccupationScore}, {@code TaskWeighting}, {@code Rankings}): an occupation's T, V and S are the means of
 * its rated tasks weighted by importance x relevance where every task has both, else core 2 / supplemental
 * 1, with each quadrant's weighted share of all its tasks; a family's are the means of its scored
 * occupations, weighted by employment where an employment file gives any, else equally. A few thousand
 * rows at most, where Spark's cost per query and per stage would be most of the time.
 */
final class FamilyRankings {

    /** The columns of a ranking, as {@code rank --format json} names them, the rank first. */
    static final StructType SCHEMA = schema();

    private FamilyRankings() {}

    /**
     * The rankings of every level, lagging first: rank 1 has the lowest score; ties go by code, and groups
     * without a score come last, without a rank.
     *
     * @param sums the rows of {@link OccupationSums#byCode}
     * @param groups where each code sits, its employment and the groups' titles
     * @return by level, one row per group in {@link #SCHEMA}
     */
    static Map<SocLevel, List<Row>> of(List<Row> sums, OccupationGroups groups) {
        Map<String, Occupation> occupations = new TreeMap<>();
        for (Row row : sums) {
            String code = row.getAs("code");
            if (code != null) {
                occupations.computeIfAbsent(groups.groupOf(code, SocLevel.OCCUPATION), Occupation::new).add(row);
            }
        }
        Map<SocLevel, List<Row>> rankings = new LinkedHashMap<>();
        for (SocLevel level : OccupationGroups.LEVELS) {
            Map<String, List<Occupation>> families = occupations.values().stream().collect(Collectors.groupingBy(
                    o -> groups.groupOf(o.code, level), TreeMap::new, Collectors.toList()));
            List<Family> scored = new ArrayList<>();
            families.forEach((code, members) -> scored.add(new Family(level, code, members, groups)));
            scored.sort(Comparator.comparing((Family f) -> f.score == null).thenComparing(f -> f.score == null ? 0.0
                    : f.score).thenComparing(f -> f.code));
            List<Row> rows = new ArrayList<>(scored.size());
            for (Family family : scored) {
                rows.add(family.row(family.score == null ? null : rows.size() + 1));
            }
            rankings.put(level, rows);
        }
        return rankings;
    }

    /**
     * A ranking flattened for CSV: the shares as {@code share.QUADRANT} columns, as {@code rank --format csv}
     * writes them.
     *
     * @param ranking a ranking in {@link #SCHEMA}
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

    private static StructType schema() {
        StructType shares = new StructType();
        for (Quadrant q : Quadrant.values()) {
            shares = shares.add(q.name(), DataTypes.DoubleType);
        }
        return new StructType().add("rank", DataTypes.IntegerType).add("level", DataTypes.StringType)
                .add("code", DataTypes.StringType).add("title", DataTypes.StringType)
                .add("score", DataTypes.DoubleType).add("transferability", DataTypes.DoubleType)
                .add("verificationCost", DataTypes.DoubleType).add("tasks", DataTypes.LongType)
                .add("occupations", DataTypes.LongType).add("employment", DataTypes.LongType).add("shares", shares)
                .add("weighting", DataTypes.StringType);
    }

    /** An occupation: the sums of the codes that stand for it, and its scores, as its weighting makes them. */
    private static final class Occupation {
        final String code;
        String title;
        long tasks;
        boolean byRatings = true;
        final Map<String, Double> sums = new TreeMap<>();

        Occupation(String code) {
            this.code = code;
        }

        void add(Row row) {
            String rowTitle = row.getAs("title");
            if (rowTitle != null && (title == null || rowTitle.compareTo(title) < 0)) {
                title = rowTitle;
            }
            tasks += row.<Long>getAs("tasks");
            byRatings &= Boolean.TRUE.equals(row.getAs("by_ratings"));
            for (Scheme scheme : Scheme.values()) {
                for (String sum : OccupationSums.SUMS) {
                    Object value = row.getAs(scheme.column(sum));
                    sums.merge(scheme.column(sum), value == null ? 0.0 : (Double) value, Double::sum);
                }
            }
        }

        /** @return the mean of the rated tasks' T, V or S ({@code wt}, {@code wv}, {@code ws}), null with none */
        Double mean(String weightedSum) {
            double ratedWeight = sum("rated_weight");
            return ratedWeight > 0 ? sum(weightedSum) / ratedWeight : null;
        }

        /** @return the quadrant's weighted share of all the occupation's tasks */
        double share(Quadrant quadrant) {
            double weight = sum("weight");
            return weight > 0 ? sum("q_" + quadrant.name()) / weight : 0.0;
        }

        private double sum(String name) {
            return sums.get(scheme().column(name));
        }

        Scheme scheme() {
            return byRatings ? Scheme.RATINGS : Scheme.TASK_TYPE;
        }

        String weighting() {
            return (byRatings ? TaskWeighting.IMPORTANCE_RELEVANCE : TaskWeighting.TASK_TYPE).label();
        }
    }

    /**
     * A group at a level (at the occupation level, the occupation itself): the means of its scored
     * occupations, weighted by employment where any of them has some, else equally.
     */
    private static final class Family {
        final SocLevel level;
        final String code;
        final String title;
        final long tasks;
        final long occupations;
        final Double employment;
        final Double score;
        final Double transferability;
        final Double verificationCost;
        final Map<Quadrant, Double> shares = new EnumMap<>(Quadrant.class);
        final String weighting;

        Family(SocLevel level, String code, List<Occupation> members, OccupationGroups groups) {
            this.level = level;
            this.code = code;
            double familyEmployment = 0;
            for (Occupation o : members) {
                Double e = groups.employment(o.code);
                if (o.mean("ws") != null && e != null && e > 0) {
                    familyEmployment += e;
                }
            }
            double weights = 0;
            double s = 0;
            double t = 0;
            double v = 0;
            Map<Quadrant, Double> q = new EnumMap<>(Quadrant.class);
            long scoredCount = 0;
            long taskCount = 0;
            for (Occupation o : members) {
                taskCount += o.tasks;
                if (o.mean("ws") == null) {
                    continue;
                }
                scoredCount++;
                Double e = groups.employment(o.code);
                double w = familyEmployment > 0 ? (e != null && e > 0 ? e : 0.0) : 1.0;
                weights += w;
                s += w * o.mean("ws");
                t += w * o.mean("wt");
                v += w * o.mean("wv");
                for (Quadrant quadrant : Quadrant.values()) {
                    q.merge(quadrant, w * o.share(quadrant), Double::sum);
                }
            }
            this.tasks = taskCount;
            this.occupations = scoredCount;
            this.employment = familyEmployment > 0 ? familyEmployment : null;
            this.score = scoredCount > 0 ? s / weights : null;
            this.transferability = scoredCount > 0 ? t / weights : null;
            this.verificationCost = scoredCount > 0 ? v / weights : null;
            if (scoredCount > 0) {
                for (Map.Entry<Quadrant, Double> share : q.entrySet()) {
                    shares.put(share.getKey(), share.getValue() / weights);
                }
            }
            if (level == SocLevel.OCCUPATION) {
                Occupation only = members.get(0);
                this.title = only.title != null ? only.title : groups.title(code);
                this.weighting = only.weighting();
            } else {
                this.title = groups.title(code);
                this.weighting = familyEmployment > 0 ? "occupations weighted by employment"
                        : "occupations weighted equally";
            }
        }

        // means and shares rounded and employment to whole workers, as 'moravec rank' shows them
        Row row(Integer rank) {
            Object[] shareValues = new Object[Quadrant.values().length];
            for (Quadrant q : Quadrant.values()) {
                shareValues[q.ordinal()] = shares.isEmpty() ? null : VerdictJson.round(shares.get(q));
            }
            return RowFactory.create(rank, level.label(), code, title, rounded(score), rounded(transferability),
                    rounded(verificationCost), tasks, occupations, employment == null ? null : Math.round(employment),
                    RowFactory.create(shareValues), weighting);
        }

        private static Double rounded(Double value) {
            return value == null ? null : VerdictJson.round(value);
        }
    }
}

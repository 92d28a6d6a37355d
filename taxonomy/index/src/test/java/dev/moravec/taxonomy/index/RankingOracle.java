package dev.moravec.taxonomy.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.moravec.api.Rating;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.TaskScorer;
import dev.moravec.api.TaskType;
import dev.moravec.model.Quadrant;
import dev.moravec.taxonomy.sources.Release;
import dev.moravec.taxonomy.sources.SocLevel;
import dev.moravec.taxonomy.sources.TaxonomyTask;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link Rankings} must answer, worked out from first principles with plain loops and maps, from
 * the occupations, their tasks and the tasks' verdicts alone (DESIGN section 2):
 * <ul>
 *   <li>a task's score is {@code S = T * (1 - V)}; a task without both axes is unrated;</li>
 *   <li>an occupation's T, V and S are the means over its rated tasks weighted by importance x relevance
 *       when every task of the occupation has both, else by core 2 / supplemental (or untyped) 1; its
 *       share of a quadrant is the weight of its tasks there (unrated ones under UNRATED) over all its
 *       tasks' weight; an occupation whose rated tasks weigh nothing has no score;</li>
 *   <li>a family's values are the means over its scored occupations weighted by employment, counting
 *       the occupations with a positive employment figure only, or equally when none has one;</li>
 *   <li>rows go lowest score first when lagging, else highest first; families of equal score by code.</li>
 * </ul>
 * It uses none of the production aggregation (OccupationScore, TaskWeighting, VerdictAggregator, the
 * internals of Rankings), so a bug there cannot hide in the expectations.
 */
final class RankingOracle {

    /** How far a score may stray from the oracle's: the two sum in different orders. */
    static final double TOLERANCE = 1e-9;

    /** The levels a family ranking can have, from occupations up. */
    static final List<String> LEVELS = List.of("occupation", "detailed", "broad", "minor", "major");

    /**
     * An occupation.
     *
     * @param code its O*NET-SOC code
     * @param title its title
     * @param families its group's code at each of {@link #LEVELS}, by level (the occupation's own code at
     *     {@code occupation})
     * @param employment its employment, or {@code null}
     */
    record Occupation(String code, String title, Map<String, String> families, Double employment) {}

    /**
     * A task and its verdict.
     *
     * @param occupation its occupation's code
     * @param id its id
     * @param statement its statement
     * @param type core, supplemental or {@code null}
     * @param importance O*NET importance, or {@code null}
     * @param relevance O*NET relevance, or {@code null}
     * @param t the verdict's T, or {@code null} when no scorer rated it
     * @param v the verdict's V, or {@code null} when no scorer rated it
     */
    record Task(String occupation, String id, String statement, TaskType type, Double importance, Double relevance,
            Double t, Double v) {

        boolean rated() {
            return t != null && v != null;
        }

        double score() {
            return t * (1 - v);
        }

        // thresholds T >= 0.5 and V <= 0.5 (the defaults the tests classify with)
        Quadrant quadrant() {
            if (!rated()) {
                return Quadrant.UNRATED;
            }
            if (t >= 0.5) {
                return v <= 0.5 ? Quadrant.PURE_REASONING : Quadrant.VERIFICATION_BOUND;
            }
            return v <= 0.5 ? Quadrant.KNOWLEDGE_BOUND : Quadrant.LAGGING;
        }
    }

    /**
     * A row the ranking must hold.
     *
     * @param code the family's or occupation's code, or the task's occupation
     * @param title the family's title, or the task's occupation's
     * @param taskId the task's id, for task rows
     * @param statement the task's statement, for task rows
     * @param quadrant the task's quadrant, for task rows
     * @param score S
     * @param t T
     * @param v V
     * @param shares the share of tasks in each quadrant
     * @param tasks the tasks below it
     * @param occupations the scored occupations below it
     * @param employment their employment, or {@code null}
     */
    record Row(String code, String title, String taskId, String statement, Quadrant quadrant, double score, double t,
            double v, Map<Quadrant, Double> shares, long tasks, int occupations, Double employment) {

        String key() {
            return taskId == null ? code : code + "/" + taskId;
        }
    }

    /**
     * A whole ranking before its limit.
     *
     * @param level the level's name
     * @param rows every scored row, in ranking order
     * @param unscored the items of the level that have no score
     * @param weighting how the ranking says tasks and occupations were weighted
     */
    record Expected(String level, List<Row> rows, int unscored, String weighting) {}

    private final Map<String, Occupation> occupations = new LinkedHashMap<>();
    private final Map<String, List<Task>> tasksByOccupation = new HashMap<>();
    private final Map<String, String> titles;

    /**
     * @param occupations the occupations
     * @param tasks their tasks with verdicts
     * @param titles the family titles the index was given, by code
     */
    RankingOracle(List<Occupation> occupations, List<Task> tasks, Map<String, String> titles) {
        for (Occupation occupation : occupations) {
            this.occupations.put(occupation.code(), occupation);
            tasksByOccupation.put(occupation.code(), new ArrayList<>());
        }
        for (Task task : tasks) {
            tasksByOccupation.get(task.occupation()).add(task);
        }
        this.titles = titles;
    }

    /**
     * An oracle for a release classified by one scorer: with a single scorer, a task's verdict is that
     * scorer's rating. Family codes come from the release's hierarchy, as the index stores them.
     *
     * @param release the release
     * @param scorer the only scorer, asked here directly
     * @return the oracle
     */
    static RankingOracle of(Release release, TaskScorer scorer) throws Exception {
        List<Occupation> occupations = new ArrayList<>();
        for (dev.moravec.taxonomy.sources.Occupation occupation : release.occupations().values()) {
            Map<String, String> families = new HashMap<>();
            for (SocLevel level : SocLevel.values()) {
                families.put(level.label(), release.hierarchy().groupOf(occupation.code(), level));
            }
            occupations.add(new Occupation(occupation.code(), occupation.title(), families, occupation.employment()));
        }
        List<Task> tasks = new ArrayList<>();
        for (TaxonomyTask taxonomyTask : release.tasks()) {
            dev.moravec.api.Task task = taxonomyTask.task();
            Rating rating = scorer.rate(task, ScoringContext.standalone());
            tasks.add(new Task(task.occupationCode(), task.id(), task.statement(), task.type(),
                    boxed(task.weights().importance()), boxed(task.weights().relevance()),
                    boxed(rating.transferability()), boxed(rating.verificationCost())));
        }
        Map<String, String> titles = new java.util.HashMap<>(release.hierarchy().titles());
        occupations.forEach(occupation -> titles.put(occupation.code(), occupation.title()));
        return new RankingOracle(occupations, tasks, titles);
    }

    private static Double boxed(java.util.OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    /**
     * Weighted means of S, T and V, and of the quadrant shares, which may weigh other items: an
     * occupation's S, T and V are over its rated tasks, its shares over all of them.
     */
    private static final class Means {
        double weight;
        double s;
        double t;
        double v;
        double shareWeight;
        final Map<Quadrant, Double> shares = new EnumMap<>(Quadrant.class);

        Means() {
            for (Quadrant q : Quadrant.values()) {
                shares.put(q, 0.0);
            }
        }

        void add(double w, double s, double t, double v) {
            weight += w;
            this.s += w * s;
            this.t += w * t;
            this.v += w * v;
        }

        void addShares(double w, Map<Quadrant, Double> of) {
            shareWeight += w;
            of.forEach((q, share) -> shares.put(q, shares.get(q) + w * share));
        }

        Map<Quadrant, Double> shares() {
            Map<Quadrant, Double> means = new EnumMap<>(Quadrant.class);
            shares.forEach((q, sum) -> means.put(q, shareWeight > 0 ? sum / shareWeight : 0.0));
            return means;
        }
    }

    /** One occupation's values: its means (no score when its rated tasks weigh nothing) and task count. */
    private record Scored(Means means, int tasks, boolean byRatings) {
        boolean hasScore() {
            return means.weight > 0;
        }
    }

    private Scored score(List<Task> tasks) {
        boolean byRatings = !tasks.isEmpty();
        for (Task task : tasks) {
            byRatings &= task.importance() != null && task.relevance() != null;
        }
        Means means = new Means();
        for (Task task : tasks) {
            double w = byRatings ? task.importance() * task.relevance() : task.type() == TaskType.CORE ? 2 : 1;
            means.addShares(w, Map.of(task.quadrant(), 1.0));
            if (task.rated()) {
                means.add(w, task.score(), task.t(), task.v());
            }
        }
        return new Scored(means, tasks.size(), byRatings);
    }

    private List<Occupation> occupationsIn(String family) {
        List<Occupation> within = new ArrayList<>();
        for (Occupation occupation : occupations.values()) {
            if (family == null || occupation.families().containsValue(family)) {
                within.add(occupation);
            }
        }
        return within;
    }

    /**
     * The ranking of families (or occupations) at a level.
     *
     * @param level one of {@link #LEVELS}
     * @param family the family to rank within, or {@code null}
     * @param lagging lowest first
     * @return the ranking
     */
    Expected families(String level, String family, boolean lagging) {
        Map<String, List<Occupation>> groups = new LinkedHashMap<>();
        Map<String, Scored> scores = new HashMap<>();
        for (Occupation occupation : occupationsIn(family)) {
            groups.computeIfAbsent(occupation.families().get(level), g -> new ArrayList<>()).add(occupation);
            scores.put(occupation.code(), score(tasksByOccupation.get(occupation.code())));
        }
        List<Row> rows = new ArrayList<>();
        int unscored = 0;
        int scoredOccupations = 0;
        int withEmployment = 0;
        for (Map.Entry<String, List<Occupation>> group : groups.entrySet()) {
            List<Occupation> scored = new ArrayList<>();
            List<Occupation> employed = new ArrayList<>();
            long tasks = 0;
            for (Occupation occupation : group.getValue()) {
                tasks += scores.get(occupation.code()).tasks();
                if (scores.get(occupation.code()).hasScore()) {
                    scored.add(occupation);
                    if (occupation.employment() != null && occupation.employment() > 0) {
                        employed.add(occupation);
                    }
                }
            }
            scoredOccupations += scored.size();
            withEmployment += employed.size();
            if (scored.isEmpty()) {
                unscored++;
                continue;
            }
            Means means = new Means();
            double employment = 0;
            for (Occupation occupation : employed.isEmpty() ? scored : employed) {
                double w = employed.isEmpty() ? 1 : occupation.employment();
                Means of = scores.get(occupation.code()).means();
                means.add(w, of.s / of.weight, of.t / of.weight, of.v / of.weight);
                means.addShares(w, of.shares());
                employment += employed.isEmpty() ? 0 : w;
            }
            // an occupation's row is titled by the occupation, a family's by the hierarchy
            String title = level.equals("occupation") ? group.getValue().get(0).title() : titles.get(group.getKey());
            rows.add(new Row(group.getKey(), title, null, null, null, means.s / means.weight,
                    means.t / means.weight, means.v / means.weight, means.shares(), tasks, scored.size(),
                    employed.isEmpty() ? null : employment));
        }
        rows.sort((a, b) -> a.score() != b.score() ? (lagging ? Double.compare(a.score(), b.score())
                : Double.compare(b.score(), a.score())) : a.code().compareTo(b.code()));
        String weighting = taskWeighting(family);
        if (!level.equals("occupation")) {
            weighting += "; occupations within families: " + (withEmployment > 0
                    ? "weighted by employment (" + withEmployment + " of " + scoredOccupations
                            + " scored occupations have employment figures; a family without any is weighted equally)"
                    : "weighted equally (no employment file imported)");
        }
        return new Expected(level, rows, unscored, weighting);
    }

    /**
     * The ranking of tasks.
     *
     * @param family the family to rank within, or {@code null}
     * @param lagging lowest first
     * @return the ranking; tasks of equal score in no particular order
     */
    Expected tasks(String family, boolean lagging) {
        List<Row> rows = new ArrayList<>();
        int unscored = 0;
        for (Occupation occupation : occupationsIn(family)) {
            for (Task task : tasksByOccupation.get(occupation.code())) {
                if (!task.rated()) {
                    unscored++;
                    continue;
                }
                rows.add(new Row(occupation.code(), occupation.title(), task.id(), task.statement(), task.quadrant(),
                        task.score(), task.t(), task.v(), Map.of(task.quadrant(), 1.0), 1, 1, null));
            }
        }
        rows.sort((a, b) -> lagging ? Double.compare(a.score(), b.score()) : Double.compare(b.score(), a.score()));
        return new Expected("task", rows, unscored, taskWeighting(family));
    }

    // counts the occupations with tasks by how their tasks are weighted
    private String taskWeighting(String family) {
        int byRatings = 0;
        int byType = 0;
        for (Occupation occupation : occupationsIn(family)) {
            List<Task> tasks = tasksByOccupation.get(occupation.code());
            if (!tasks.isEmpty()) {
                if (score(tasks).byRatings()) {
                    byRatings++;
                } else {
                    byType++;
                }
            }
        }
        if (byRatings > 0 && byType == 0) {
            return "tasks weighted by importance x relevance (O*NET task ratings)";
        }
        if (byRatings > 0) {
            return "tasks weighted by importance x relevance in " + byRatings + " occupations, core 2 / supplemental 1 in "
                    + byType + " without task ratings";
        }
        return "tasks weighted core 2 / supplemental 1 (no task ratings imported)";
    }

    /**
     * Asserts that a ranking holds the expected rows, up to its limit: row {@code i} scores as the
     * oracle's row {@code i} (so items of equal score may trade places), and every row's values are the
     * oracle's for the same item.
     *
     * @param actual what Rankings returned
     * @param expected what the oracle worked out
     * @param limit the request's limit
     * @param context for messages: the seed and the request
     */
    static void assertMatches(Ranking actual, Expected expected, int limit, String context) {
        assertThat(actual.level()).as(context + ": level").isEqualTo(expected.level());
        assertThat(actual.unscored()).as(context + ": unscored").isEqualTo(expected.unscored());
        assertThat(actual.weighting()).as(context + ": weighting").isEqualTo(expected.weighting());
        assertThat(actual.rows()).as(context + ": rows").hasSize(Math.min(limit, expected.rows().size()));
        Map<String, Row> byKey = new HashMap<>();
        for (Row row : expected.rows()) {
            byKey.put(row.key(), row);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < actual.rows().size(); i++) {
            Ranking.Row row = actual.rows().get(i);
            String key = row.taskId() == null ? row.code() : row.code() + "/" + row.taskId();
            String at = context + ": row " + i + " (" + key + ")";
            Row same = byKey.get(key);
            assertThat(same).as(at + " is not a scored item of the ranking").isNotNull();
            assertThat(seen.add(key)).as(at + " is listed twice").isTrue();
            assertThat(row.scores().score().getAsDouble()).as(at + ": score").isCloseTo(same.score(), within(TOLERANCE))
                    .as(at + ": the score of the oracle's row " + i + ", " + expected.rows().get(i).key())
                    .isCloseTo(expected.rows().get(i).score(), within(TOLERANCE));
            assertThat(row.scores().transferability().getAsDouble()).as(at + ": T").isCloseTo(same.t(), within(TOLERANCE));
            assertThat(row.scores().verificationCost().getAsDouble()).as(at + ": V").isCloseTo(same.v(), within(TOLERANCE));
            assertThat(row.shares().keySet()).as(at + ": quadrants").isEqualTo(same.shares().keySet());
            same.shares().forEach((q, share) -> assertThat(row.shares().get(q)).as(at + ": share of " + q)
                    .isCloseTo(share, within(TOLERANCE)));
            assertThat(row.title()).as(at + ": title").isEqualTo(same.title());
            assertThat(row.statement()).as(at + ": statement").isEqualTo(same.statement());
            assertThat(row.scores().quadrant()).as(at + ": quadrant").isEqualTo(same.quadrant());
            assertThat(row.tasks()).as(at + ": tasks").isEqualTo(same.tasks());
            assertThat(row.occupations()).as(at + ": occupations").isEqualTo(same.occupations());
            if (same.employment() == null) {
                assertThat(row.employment()).as(at + ": employment").isNull();
            } else {
                assertThat(row.employment()).as(at + ": employment").isCloseTo(same.employment(),
                        within(same.employment() * TOLERANCE));
            }
            Ranking.Row previous = i == 0 ? null : actual.rows().get(i - 1);
            if (row.taskId() == null && previous != null
                    && previous.scores().score().getAsDouble() == row.scores().score().getAsDouble()) {
                assertThat(previous.code()).as(at + ": families of equal score go by code").isLessThan(row.code());
            }
        }
    }
}

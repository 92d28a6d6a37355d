package dev.moravec.taxonomy.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Rating;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import dev.moravec.api.TaskType;
import dev.moravec.api.TaskWeights;
import dev.moravec.model.EngineConfig;
import dev.moravec.scoring.ScorerRegistry;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.taxonomy.sources.ImportReport;
import dev.moravec.taxonomy.sources.Occupation;
import dev.moravec.taxonomy.sources.Release;
import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.TaxonomyTask;
import dev.moravec.testing.TestScorers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rankings of a real index, classified by the real engine, against {@link RankingOracle} on random
 * taxonomies: random SOC families, occupations with and without employment, tasks with and without
 * O*NET ratings and types, and verdicts with one axis, both or none, some exactly on the quadrant
 * thresholds. Every level is ranked both ways, whole, within a random family and cut by a random limit.
 */
class RankingsRandomizedTest {

    /** The seed of the random taxonomies; printed so a failure can be replayed with -Dtests.seed. */
    private static final long SEED = Long.getLong("tests.seed", ThreadLocalRandom.current().nextLong());

    /**
     * Real SOC 2018 major and minor groups the taxonomies are drawn from: the oracle knows each
     * occupation's minor group from here, not from the index's hierarchy; three of them are minor
     * groups with two-digit codes (15-1200, 31-1100, 51-5100).
     */
    private static final String[][] MINOR_GROUPS = {
        {"11-0000", "11-1000"}, {"13-0000", "13-2000"}, {"15-0000", "15-1200"}, {"15-0000", "15-2000"},
        {"29-0000", "29-1000"}, {"31-0000", "31-1100"}, {"47-0000", "47-2000"}, {"51-0000", "51-5100"},
        {"53-0000", "53-3000"},
    };

    /** Values on and around the quadrant thresholds, so that T = 0.5 and V = 0.5 occur. */
    private static final double[] GRID = {0, 0.25, 0.5, 0.75, 1};

    @TempDir
    Path dir;

    @BeforeAll
    static void printSeed() {
        System.out.println("RankingsRandomizedTest seed: -Dtests.seed=" + SEED);
    }

    @RepeatedTest(4)
    void rankingsOfARandomTaxonomyEqualTheOracle(RepetitionInfo repetition) throws Exception {
        Random random = new Random(SEED + repetition.getCurrentRepetition());
        String seed = "-Dtests.seed=" + SEED + ", taxonomy " + repetition.getCurrentRepetition();
        Taxonomy taxonomy = Taxonomy.random(random);
        RankingOracle oracle = new RankingOracle(taxonomy.occupations, taxonomy.oracleTasks, taxonomy.titles);
        try (TaxonomyIndex index = TaxonomyIndex.open(dir.resolve("index"), new ObjectMapper())) {
            index.replace(taxonomy.release(), line -> { });
            try (ScoringEngine engine = new ScoringEngine(ScorerRegistry.of(taxonomy.scorer()), EngineConfig.defaults(), 2)) {
                new TaxonomyClassifier(engine).classify(index, line -> { });
            }
            Rankings rankings = new Rankings(index);
            List<String> families = taxonomy.someFamilies(random);
            for (String level : List.of("task", "occupation", "detailed", "broad", "minor", "major")) {
                for (boolean lagging : List.of(true, false)) {
                    for (String family : families) {
                        int limit = random.nextBoolean() ? 10_000 : 1 + random.nextInt(8);
                        Ranking ranking = rankings.rank(new Rankings.Request(level, lagging, family, limit));
                        RankingOracle.Expected expected = level.equals("task") ? oracle.tasks(family, lagging)
                                : oracle.families(level, family, lagging);
                        RankingOracle.assertMatches(ranking, expected, limit, seed + ", level " + level
                                + (lagging ? " lagging" : " leading") + " within " + family + " limit " + limit);
                    }
                }
            }
        }
    }

    /** A random taxonomy: the release to index, the ratings its scorer gives, and the oracle's view of both. */
    private static final class Taxonomy {
        final List<RankingOracle.Occupation> occupations = new ArrayList<>();
        final List<RankingOracle.Task> oracleTasks = new ArrayList<>();
        final Map<String, String> titles = new HashMap<>();
        final Map<String, Occupation> releaseOccupations = new TreeMap<>();
        final List<TaxonomyTask> tasks = new ArrayList<>();
        final Map<String, Rating> ratings = new HashMap<>();

        static Taxonomy random(Random random) {
            Taxonomy taxonomy = new Taxonomy();
            int minors = 2 + random.nextInt(4);
            for (int m = 0; m < minors; m++) {
                String[] group = MINOR_GROUPS[random.nextInt(MINOR_GROUPS.length)];
                // a minor group ##-#000 has broad groups ##-#XY0; one with two digits, ##-##00, has ##-##Y0
                String prefix = group[1].endsWith("000") ? group[1].substring(0, 4) : group[1].substring(0, 5);
                int broads = 1 + random.nextInt(3);
                for (int b = 0; b < broads; b++) {
                    String broad = prefix + (prefix.length() == 4 ? String.valueOf(random.nextInt(10)) : "")
                            + (1 + random.nextInt(9)) + "0";
                    int detailedCodes = 1 + random.nextInt(3);
                    for (int d = 0; d < detailedCodes; d++) {
                        String detailed = broad.substring(0, 6) + (1 + random.nextInt(9));
                        int onet = 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
                        for (int o = 0; o < onet; o++) {
                            taxonomy.addOccupation(random, Map.of("major", group[0], "minor", group[1], "broad", broad,
                                    "detailed", detailed, "occupation", detailed + ".0" + o));
                        }
                    }
                }
            }
            return taxonomy;
        }

        private void addOccupation(Random random, Map<String, String> families) {
            String code = families.get("occupation");
            if (releaseOccupations.containsKey(code)) {
                return; // drawn twice
            }
            for (String group : families.values()) {
                titles.put(group, "Group " + group);
            }
            String title = "Occupation " + code;
            titles.put(code, title); // an occupation listed as a family goes by its own title
            Double employment = random.nextInt(3) == 0 ? null : (double) (1 + random.nextInt(200_000));
            occupations.add(new RankingOracle.Occupation(code, title, families, employment));
            releaseOccupations.put(code, new Occupation(code, title, null, null, List.of(), employment, List.of(),
                    List.of(), List.of(), List.of()));
            int count = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(10);
            int rated = random.nextInt(4); // 0: no task ratings, 1: some tasks rated, else every task rated
            for (int i = 0; i < count; i++) {
                addTask(random, code, rated == 0 ? false : rated == 1 ? random.nextBoolean() : true);
            }
        }

        private void addTask(Random random, String occupation, boolean rated) {
            String id = String.valueOf(10_000 + tasks.size());
            String statement = "Task " + id + " of " + occupation + ".";
            TaskType type = switch (random.nextInt(5)) {
                case 0 -> null;
                case 1, 2 -> TaskType.SUPPLEMENTAL;
                default -> TaskType.CORE;
            };
            Double importance = rated ? 1 + random.nextInt(401) / 100.0 : null;
            // relevance 0 gives a task no weight at all
            Double relevance = rated ? (random.nextInt(15) == 0 ? 0.0 : random.nextInt(10_001) / 100.0) : null;
            TaskWeights weights = rated ? new TaskWeights(OptionalDouble.of(importance), OptionalDouble.of(relevance),
                    OptionalDouble.empty()) : TaskWeights.NONE;
            tasks.add(new TaxonomyTask(new Task(id, statement, occupation, type, weights), List.of()));
            Double t = value(random);
            Double v = value(random);
            switch (random.nextInt(20)) {
                case 0 -> t = null;
                case 1 -> v = null;
                case 2 -> {
                    t = null;
                    v = null;
                }
                default -> { }
            }
            // one scorer at confidence 1: the verdict is its rating
            ratings.put(id, new Rating(t == null ? OptionalDouble.empty() : OptionalDouble.of(t),
                    v == null ? OptionalDouble.empty() : OptionalDouble.of(v), t == null && v == null ? 0 : 1,
                    List.of("drawn at random")));
            oracleTasks.add(new RankingOracle.Task(occupation, id, statement, type, importance, relevance, t, v));
        }

        private static double value(Random random) {
            return random.nextInt(3) == 0 ? GRID[random.nextInt(GRID.length)] : random.nextDouble();
        }

        Release release() {
            int ratedTasks = (int) tasks.stream().filter(t -> t.task().weights().relevance().isPresent()).count();
            int withEmployment = (int) occupations.stream().filter(o -> o.employment() != null).count();
            return new Release(releaseOccupations, tasks, SocHierarchy.builtIn().withTitles(titles),
                    new ImportReport("random", releaseOccupations.size(), tasks.size(), 0, 0, ratedTasks, withEmployment,
                            List.of(), List.of(), null));
        }

        TaskScorer scorer() {
            return TestScorers.of("drawn", task -> ratings.get(task.id()));
        }

        // the whole taxonomy, and one random group of each level and occupation to rank within
        List<String> someFamilies(Random random) {
            List<String> families = new ArrayList<>();
            families.add(null);
            LinkedHashSet<String> picked = new LinkedHashSet<>();
            for (String level : RankingOracle.LEVELS) {
                picked.add(occupations.get(random.nextInt(occupations.size())).families().get(level));
            }
            families.addAll(picked);
            return families;
        }
    }
}

package dev.moravec.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.app.Environment;
import dev.moravec.app.PluginSetup;
import dev.moravec.app.Session;
import dev.moravec.catalog.ConfigurationFile;
import dev.moravec.host.PluginTrust;
import dev.moravec.model.Quadrant;
import dev.moravec.taxonomy.index.Ranking;
import dev.moravec.taxonomy.index.Rankings;
import dev.moravec.taxonomy.index.TaxonomyClassifier;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import dev.moravec.taxonomy.sources.OnetReleaseReader;
import dev.moravec.taxonomy.sources.Release;
import dev.moravec.taxonomy.sources.StarterCatalog;
import dev.moravec.taxonomy.sources.TaxonomyTask;
import dev.moravec.testing.FixtureRelease;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job's occupation scores and family rankings (summed in Spark SQL, ranked on the driver) equal
 * {@code moravec rank}'s ({@link Rankings} over the taxonomy index, which stores each occupation's {@code
 * OccupationScore}) at every SOC level, for the same tasks rated by the same scorer: task weights by importance x relevance
 * and employment-weighted families (the fixture release with its task ratings and employment file), and
 * core 2 / supplemental 1 with equally weighted families (the starter catalog, across all 22 major
 * groups). The job's values are the means of the rounded verdicts it writes, so they agree to 1e-4.
 */
class RankingEquivalenceIT {

    private static final List<String> LEVELS = List.of("occupation", "detailed", "broad", "minor", "major");
    private static final double ROUNDING = 2e-4;

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void importanceRelevanceAndEmploymentWeightsAreRanksWeights() throws Exception {
        Path employment = FixtureRelease.sharedExtra("employment.csv");
        Release release = new OnetReleaseReader(line -> { }).read(FixtureRelease.sharedRelease(),
                new OnetReleaseReader.Options(null, null, FixtureRelease.sharedExtra("task-ratings.csv"), employment, null));
        Path catalog = dir.resolve("fixture.jsonl");
        List<String> lines = new ArrayList<>();
        for (TaxonomyTask task : release.tasks()) {
            ObjectNode record = mapper.createObjectNode().put("id", task.task().id())
                    .put("task", task.task().statement()).put("taskType", task.task().type() == null ? null
                            : task.task().type().name());
            record.putObject("occupation").put("code", task.task().occupationCode());
            ObjectNode weights = record.putObject("weights");
            task.task().weights().importance().ifPresent(v -> weights.put("importance", v));
            task.task().weights().relevance().ifPresent(v -> weights.put("relevance", v));
            lines.add(record.toString());
        }
        Files.write(catalog, lines);
        assertSameRankings(release, catalog, List.of("--employment", employment.toString()), true);
    }

    @Test
    void taskTypeWeightsAndEqualFamiliesAreRanksWeights() throws Exception {
        Path catalog = dir.resolve("starter-catalog.tsv");
        try (InputStream in = StarterCatalog.open()) {
            Files.copy(in, catalog);
        }
        assertSameRankings(StarterCatalog.release(), catalog, List.of(), false);
    }

    private void assertSameRankings(Release release, Path catalog, List<String> options, boolean byEmployment)
            throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Environment environment = TestHome.environment(data);
        Path plugins = TestHome.plugins(dir.resolve("plugins"), List.of("lexicon"));

        Map<String, Ranking> expected = new HashMap<>();
        try (TaxonomyIndex index = TaxonomyIndex.open(dir.resolve("index"), mapper);
                Session session = Session.startWorker(environment, new PluginSetup(plugins,
                        ConfigurationFile.read(environment.defaultConfig(), mapper), PluginTrust.EVERY_JAR), data, mapper)) {
            index.replace(release, line -> { });
            new TaxonomyClassifier(session.engine(2)).classify(index, line -> { });
            for (String level : LEVELS) {
                expected.put(level, new Rankings(index).rank(new Rankings.Request(level, true, null, 100_000)));
            }
        }

        List<String> args = new ArrayList<>(List.of(catalog.toString(), "--out", dir.resolve("out").toString(),
                "--plugins", plugins.toString(), "--allow-unverified", "--master", "local[2]"));
        args.addAll(options);
        Commands.Result job = Commands.spark(environment, args.toArray(String[]::new));
        assertThat(job.exitCode()).as(job.err()).isZero();
        assertThat(job.err()).contains("moravec: warning: plugin moravec-plugin-lexicon");

        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            for (String level : LEVELS) {
                Ranking ranking = expected.get(level);
                assertThat(ranking.rows()).as(level).isNotEmpty();
                Map<String, Row> actual = new HashMap<>();
                List<Row> rows = spark.read().parquet(dir.resolve("out/scores/" + level + ".parquet").toString())
                        .orderBy("rank").collectAsList();
                for (Row row : rows) {
                    actual.put(row.getAs("code"), row);
                }
                assertThat(rows.stream().filter(r -> r.getAs("score") != null).map(r -> r.<String>getAs("code")))
                        .as("the scored %s groups", level)
                        .containsExactlyInAnyOrderElementsOf(ranking.rows().stream().map(Ranking.Row::code).toList());
                for (Ranking.Row row : ranking.rows()) {
                    assertSameRow(level, row, actual.get(row.code()), byEmployment);
                }
                assertThat(rows.stream().filter(r -> r.getAs("rank") != null).map(r -> r.<Double>getAs("score")))
                        .as("%s ranked lagging first", level).isSorted();
            }
        } finally {
            spark.stop();
        }
    }

    private static void assertSameRow(String level, Ranking.Row expected, Row actual, boolean byEmployment) {
        String what = level + " " + expected.code();
        assertThat(actual.<Double>getAs("score")).as(what + " S")
                .isCloseTo(expected.scores().score().getAsDouble(), within(ROUNDING));
        assertThat(actual.<Double>getAs("transferability")).as(what + " T")
                .isCloseTo(expected.scores().transferability().getAsDouble(), within(ROUNDING));
        assertThat(actual.<Double>getAs("verificationCost")).as(what + " V")
                .isCloseTo(expected.scores().verificationCost().getAsDouble(), within(ROUNDING));
        assertThat(actual.<Long>getAs("tasks")).as(what + " tasks").isEqualTo(expected.tasks());
        assertThat(actual.<Long>getAs("occupations")).as(what + " occupations").isEqualTo(expected.occupations());
        Row shares = actual.getAs("shares");
        for (Quadrant q : Quadrant.values()) {
            assertThat(shares.<Double>getAs(q.name())).as(what + " share " + q)
                    .isCloseTo(expected.shares().getOrDefault(q, 0.0), within(ROUNDING));
        }
        if (expected.employment() == null) {
            assertThat(actual.<Long>getAs("employment")).as(what + " employment").isNull();
        } else {
            assertThat(actual.<Long>getAs("employment")).as(what + " employment")
                    .isEqualTo(Math.round(expected.employment()));
        }
        if (byEmployment && !level.equals("occupation")) {
            assertThat(actual.<String>getAs("weighting")).as(what + " weighting").isNotNull();
        }
    }
}

package dev.moravec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moravec.app.Environment;
import dev.moravec.taxonomy.sources.StarterCatalog;
import dev.moravec.testing.TestData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same catalog through {@code moravec classify} and through the Spark job ({@code local[2]}, two
 * partitions rated at once through one plugin host): the same id, T, V, S, quadrant and per-scorer ratings
 * for every task. The starter catalog with the shipped scorers and configuration, the semantic scorer's
 * embeddings included, as JSON Lines: the very bytes classify writes (one folder per quadrant). Every task of O*NET's release with
 * the lexicon and descriptors scorers (the descriptors read the release's imported index), as Parquet read
 * back with Spark's own reader: the same values.
 */
class ClassifyEquivalenceIT {

    @TempDir
    static Path data;

    @TempDir
    Path dir;

    private static Environment environment;

    @BeforeAll
    static void home() {
        environment = TestHome.environment(data); // one vector cache: classify fills it, the job reads it
    }

    @Test
    void theStarterCatalogGivesClassifysRecordsByteForByte() throws Exception {
        Path catalog = dir.resolve("starter-catalog.tsv");
        try (InputStream in = StarterCatalog.open()) {
            Files.copy(in, catalog);
        }
        Commands.Result classified = Commands.classify(environment, catalog.toString(), "--out",
                dir.resolve("classify.jsonl").toString());
        assertThat(classified.exitCode()).as(classified.err()).isZero();

        Path out = dir.resolve("spark");
        Commands.Result job = Commands.spark(environment, catalog.toString(), "--out", out.toString(), "--format",
                "jsonl", "--master", "local[2]", "--partitions", "2", "--partition-by", "quadrant");
        assertThat(job.exitCode()).as(job.err()).isZero();
        assertThat(job.err()).contains("Read 486 = classified 486 + rejected 0.");

        Map<String, String> expected = Outputs.linesById(dir.resolve("classify.jsonl"));
        Map<String, String> actual = Outputs.sparkLinesById(out.resolve("verdicts"));
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, String> record : expected.entrySet()) {
            assertThat(actual.get(record.getKey())).as("task %s", record.getKey()).isEqualTo(record.getValue());
        }
        JsonNode summary = Outputs.summary(out.resolve("summary.json"));
        assertThat(summary.get("read").asLong()).isEqualTo(486);
        assertThat(summary.get("reconciles").asBoolean()).isTrue();
        assertThat(summary.get("partitions").asInt()).isEqualTo(2);
        // counted from the verdicts read back, each quadrant from its folder's name
        Map<String, Long> quadrants = new LinkedHashMap<>();
        expected.values().forEach(line -> quadrants.merge(Outputs.json(line).get("quadrant").asText(), 1L, Long::sum));
        summary.get("quadrants").properties().forEach(q -> assertThat(q.getValue().asLong()).as(q.getKey())
                .isEqualTo(quadrants.getOrDefault(q.getKey(), 0L)));
    }

    @Test
    void everyOnetTaskGivesClassifysVerdictsInParquet() throws Exception {
        // the descriptors scorer reads O*NET's index, imported as a user imports it; the semantic scorer is left
        // out here (the starter catalog proves it equal above): embedding 18,796 new statements would take minutes
        Path statements = TestData.onetTaskStatements();
        Environment onet = TestHome.environment(Files.createDirectories(dir.resolve("onet-data")));
        Commands.Result imported = Commands.moravec(onet, "taxonomy", "import", statements.getParent().toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Path plugins = TestHome.plugins(dir.resolve("plugins"), List.of("lexicon", "descriptors"));
        Commands.Result classified = Commands.classify(onet, statements.toString(), "--out",
                dir.resolve("classify.jsonl").toString(), "--plugins", plugins.toString(), "--allow-unverified");
        assertThat(classified.exitCode()).as(classified.err()).isZero();

        Path out = dir.resolve("spark");
        Commands.Result job = Commands.spark(onet, statements.toString(), "--out", out.toString(), "--master",
                "local[2]", "--plugins", plugins.toString(), "--allow-unverified");
        assertThat(job.exitCode()).as(job.err()).isZero();

        Map<String, JsonNode> expected = new LinkedHashMap<>();
        Outputs.linesById(dir.resolve("classify.jsonl")).forEach((id, line) -> expected.put(id, Outputs.json(line)));
        Map<String, JsonNode> actual = new LinkedHashMap<>();
        SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            for (Row row : spark.read().parquet(out.resolve("verdicts").toString()).collectAsList()) {
                actual.put(row.getAs("id"), VerdictComparison.of(row));
            }
        } finally {
            spark.stop();
        }
        assertThat(expected).hasSize(18_796);
        assertThat(expected.values()).as("tasks the descriptors scorer rated from the imported index")
                .filteredOn(record -> rated(record, "descriptors")).hasSizeGreaterThan(10_000);
        List<String> differences = VerdictComparison.differences(expected, actual);
        assertThat(differences).as("tasks whose verdicts differ").isEmpty();
    }

    private static boolean rated(JsonNode record, String scorer) {
        for (JsonNode rating : record.get("ratings")) {
            if (rating.get("scorer").asText().contains(scorer)) {
                return rating.get("status").asText().equals("OK");
            }
        }
        return false;
    }
}

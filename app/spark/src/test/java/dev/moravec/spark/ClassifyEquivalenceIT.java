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
 * partitions rated at once through one plugin host), with the shipped scorers and configuration: the same
 * id, T, V, S, quadrant and per-scorer ratings for every task. As JSON Lines the records are the very bytes
 * classify writes; as Parquet, read back with Spark's own reader, they hold the same values.
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
                "jsonl", "--master", "local[2]", "--partitions", "2");
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
    }

    @Test
    void onetTaskStatementsGiveClassifysVerdictsInParquet() throws Exception {
        Path statements = TestData.onetTaskStatements();
        Commands.Result classified = Commands.classify(environment, statements.toString(), "--out",
                dir.resolve("classify.jsonl").toString());
        assertThat(classified.exitCode()).as(classified.err()).isZero();

        Path out = dir.resolve("spark");
        Commands.Result job = Commands.spark(environment, statements.toString(), "--out", out.toString(), "--master",
                "local[2]");
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
        assertThat(expected).hasSizeGreaterThan(18_000);
        List<String> differences = VerdictComparison.differences(expected, actual);
        assertThat(differences).as("tasks whose verdicts differ").isEmpty();
    }
}

package dev.moravec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.app.Environment;
import dev.moravec.taxonomy.sources.StarterCatalog;
import dev.moravec.testing.TestBundles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job jar under {@code spark-submit} against a real standalone cluster on this machine: a master and
 * two workers, each a JVM of its own started from Spark's runtime jars, whose executors are JVMs of their
 * own too, so that what must travel to the executors (the job jar, the plugins, the configuration) really
 * travels. The driver finds no distribution beside the jar and uses the kit inside it.
 */
class ClusterIT {

    /** Attempts Spark gives a task before it fails the job: more than the job's fail-fast lets happen. */
    private static final int RETRIES = 10;

    @TempDir
    static Path dir;

    private static StandaloneCluster cluster;
    private static Path catalog;

    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, 1);
        catalog = dir.resolve("starter-catalog.tsv");
        try (InputStream in = StarterCatalog.open()) {
            Files.copy(in, catalog);
        }
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anExecutorKilledMidJobLosesNoRecordAndDoublesNone() throws Exception {
        Path test = Files.createDirectories(dir.resolve("killed"));
        Path plugins = TestHome.plugins(test.resolve("plugins"), List.of("lexicon"));
        TestBundles.build(plugins.resolve("crashing.jar"), "dev.moravec.test.crashing", "1.0.0",
                "dev.moravec.testing.plugins.crashing", Map.of());
        Path marker = test.resolve("halted");
        ObjectNode config = (ObjectNode) mapper.readTree(TestHome.KIT.resolve("conf/moravec.json").toFile());
        ((ObjectNode) config.get("scorers")).putObject("crashing").putObject("settings")
                .put("word", "Negotiate").put("marker", marker.toString());
        Path configFile = test.resolve("moravec.json");
        mapper.writeValue(configFile.toFile(), config);
        Path data = Files.createDirectories(test.resolve("data"));
        Path out = test.resolve("out");

        Path withBadRecords = BadRecords.catalog(test.resolve("catalog.tsv"));

        Commands.Result job = cluster.submit(test.resolve("driver.log"), Map.of("MORAVEC_HOME", data.toString()),
                List.of("--conf", "spark.executor.cores=1", "--conf", "spark.cores.max=2", "--executor-memory", "1g"),
                List.of(withBadRecords.toString(), "--out", out.toString(), "--format", "jsonl", "--partitions", "6",
                        "--on-error", "skip", "--plugins", plugins.toString(), "--config", configFile.toString(),
                        "--allow-unverified", "--data", data.toString()));

        assertThat(job.exitCode()).as(job.err()).isZero();
        assertThat(marker).as("an executor JVM halted while it rated").exists();
        assertThat(job.err()).contains("ExecutorLostFailure").contains("Read 491 = classified 486 + rejected 5 (see ");
        Map<String, String> records = Outputs.sparkLinesById(out.resolve("verdicts")); // fails on a record written twice
        assertThat(records).hasSize(BadRecords.GOOD);
        assertThat(Outputs.summary(out.resolve("summary.json")).get("reconciles").asBoolean()).isTrue();

        // the same records and rejects as classify writes with the same plugins and configuration (the marker is
        // there now)
        Environment environment = TestHome.environment(data);
        Commands.Result classified = Commands.classify(environment, withBadRecords.toString(), "--out",
                test.resolve("classify.jsonl").toString(), "--on-error", "skip", "--plugins", plugins.toString(),
                "--config", configFile.toString(), "--allow-unverified");
        assertThat(classified.exitCode()).as(classified.err()).isZero();
        Map<String, String> expected = Outputs.linesById(test.resolve("classify.jsonl"));
        assertThat(records.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((id, line) -> assertThat(records.get(id)).as("task %s", id).isEqualTo(line));
        BadRecords.assertSameRejects(out.resolve("rejects"), test.resolve("classify.rejects.jsonl"));
    }

    @Test
    void aPluginThatDoesNotResolveOnTheExecutorsStopsTheJobWithThePluginHostsMessage() throws Exception {
        Path test = Files.createDirectories(dir.resolve("broken"));
        Path plugins = TestHome.plugins(test.resolve("plugins"), List.of("lexicon"));
        TestBundles.build(plugins.resolve("broken.jar"), "dev.moravec.test.broken", "1.0.0",
                "dev.moravec.testing.plugins.steady", Map.of("Import-Package", "dev.moravec.missing;version=\"[1,2)\",*"));
        Path data = Files.createDirectories(test.resolve("data"));

        Commands.Result job = cluster.submit(test.resolve("driver.log"), Map.of("MORAVEC_HOME", data.toString()),
                List.of("--conf", "spark.executor.cores=1", "--conf", "spark.cores.max=2", "--conf",
                        "spark.task.maxFailures=" + RETRIES, "--executor-memory", "1g"),
                List.of(catalog.toString(), "--out", test.resolve("out").toString(), "--plugins", plugins.toString(),
                        "--allow-unverified", "--data", data.toString()));

        assertThat(job.exitCode()).as(job.err()).isEqualTo(4);
        String last = job.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(last).startsWith("moravec: the plugin host on executor").contains("broken.jar failed to resolve")
                .contains("dev.moravec.missing");
        // Spark logs the failed tasks (without a stack trace: the message is the whole story) and the write it
        // aborted, as its logging is set; the job reports the plugin host's message, and no stack trace of its own
        assertThat(job.err()).contains("WARN org.apache.spark.scheduler.TaskSetManager - Lost task")
                .contains("PluginHostFailure: the plugin host on executor");
        assertThat(job.err().lines().filter(line -> line.startsWith("moravec:"))).allSatisfy(line ->
                assertThat(line).doesNotContain("Exception"));
        // stopped at the first failures (those of the attempts already running when it came), where Spark alone
        // tries a failing task RETRIES times before it gives up
        assertThat(job.err().lines().filter(line -> line.contains("Lost task") && line.contains("PluginHostFailure")))
                .as("task attempts that failed on the plugin host").isNotEmpty().hasSizeLessThan(RETRIES);
    }
}

package dev.moravec.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moravec.app.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad records in the Spark job, against {@code classify} on the same catalog: with {@code --on-error skip}
 * the job writes the records classify rejects, each once, beside the verdicts of the others, in the same
 * pass; by default it stops at a bad record with classify's words for it and leaves no output.
 */
class RejectsIT {

    @TempDir
    Path dir;

    @Test
    void skippedBadRecordsAreTheRejectsOfClassifyEachOnce() throws Exception {
        Path catalog = BadRecords.catalog(dir.resolve("catalog.tsv"));
        Environment environment = TestHome.environment(Files.createDirectories(dir.resolve("data")));
        Path plugins = TestHome.plugins(dir.resolve("plugins"), List.of("lexicon"));
        Commands.Result classified = Commands.classify(environment, catalog.toString(), "--out",
                dir.resolve("classify.jsonl").toString(), "--on-error", "skip", "--plugins", plugins.toString(),
                "--allow-unverified");
        assertThat(classified.exitCode()).as(classified.err()).isZero();

        Path out = dir.resolve("spark");
        Commands.Result job = Commands.spark(environment, catalog.toString(), "--out", out.toString(), "--format", "jsonl",
                "--on-error", "skip", "--master", "local[2]", "--partitions", "3", "--plugins", plugins.toString(),
                "--allow-unverified");

        assertThat(job.exitCode()).as(job.err()).isZero();
        assertThat(job.err()).contains("Read 491 = classified 486 + rejected 5 (see ");
        BadRecords.assertSameRejects(out.resolve("rejects"), dir.resolve("classify.rejects.jsonl"));
        assertThat(Outputs.partFiles(out.resolve("rejects"), "")).as("one file per partition with rejects, at most")
                .hasSizeBetween(1, 3);
        assertThat(out.resolve("rejects/_attempts")).doesNotExist();
        Map<String, String> expected = Outputs.linesById(dir.resolve("classify.jsonl"));
        Map<String, String> actual = Outputs.sparkLinesById(out.resolve("verdicts"));
        assertThat(actual).hasSize(BadRecords.GOOD).isEqualTo(expected);
        JsonNode summary = Outputs.summary(out.resolve("summary.json"));
        assertThat(summary.get("read").asLong()).isEqualTo(491);
        assertThat(summary.get("rejected").asLong()).isEqualTo(5);
        assertThat(summary.get("reconciles").asBoolean()).isTrue();
        // each scorer's outcomes, counted as the tasks rated, are those of classify's records
        Map<String, Long> outcomes = new TreeMap<>();
        expected.values().forEach(line -> Outputs.json(line).get("ratings").forEach(rating -> outcomes.merge(
                rating.get("scorer").asText() + " " + rating.get("status").asText(), 1L, Long::sum)));
        Map<String, Long> counted = new TreeMap<>();
        summary.get("scorers").forEach(scorer -> scorer.get("outcomes").properties().forEach(outcome -> counted.put(
                scorer.get("scorer").asText() + " " + outcome.getKey(), outcome.getValue().asLong())));
        assertThat(counted).isEqualTo(outcomes);
    }

    @Test
    void aBadRecordStopsTheJobByDefaultWithClassifysWordsForIt() throws Exception {
        Path catalog = BadRecords.catalog(dir.resolve("catalog.tsv"));
        Environment environment = TestHome.environment(Files.createDirectories(dir.resolve("data")));
        Path plugins = TestHome.plugins(dir.resolve("plugins"), List.of("lexicon"));
        Path out = dir.resolve("spark");

        Commands.Result job = Commands.spark(environment, catalog.toString(), "--out", out.toString(), "--master",
                "local[2]", "--plugins", plugins.toString(), "--allow-unverified");

        assertThat(job.exitCode()).as(job.err()).isEqualTo(3);
        String last = job.err().strip().lines().reduce((a, b) -> b).orElse("");
        assertThat(last).startsWith("moravec: ").contains("catalog.tsv: ").containsAnyOf(
                "field 'Task': the task statement is empty", "is not an O*NET-SOC code", "is not a task type",
                "the record has 4 fields, the header 5", "the task id is empty")
                .contains("Fix the record, or run with --on-error skip to rate the others and keep the bad ones in");
        assertThat(job.err().lines().filter(line -> line.startsWith("moravec:"))).allSatisfy(line ->
                assertThat(line).doesNotContain("Exception"));
        assertThat(out).as("no output of a job that stopped").doesNotExist();
    }
}

package dev.moravec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Rating;
import dev.moravec.api.TaskScorer;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Quadrant;
import dev.moravec.scoring.ScorerRegistry;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.testing.TestScorers;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogClassifierTest {

    /** Rates "write" tasks as pure reasoning and everything else as lagging. */
    private static final TaskScorer WORDS = TestScorers.of("words", task -> {
        boolean write = task.statement().toLowerCase().contains("write");
        return Rating.of(write ? 0.9 : 0.1, write ? 0.1 : 0.9, 0.8, List.of(write ? "'write'" : "no 'write'"));
    });

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private final ScoringEngine engine = new ScoringEngine(ScorerRegistry.of(WORDS), EngineConfig.defaults(), 2);

    @AfterEach
    void close() {
        engine.close();
    }

    private CatalogClassifier classifier(int batch) {
        return new CatalogClassifier(engine::classify, new CatalogReaders(mapper),
                code -> code.equals("15-1252.00") ? Optional.of("Software Developers") : Optional.empty(), batch, 2);
    }

    private RunOutput jsonLines(OutputStream out, OutputStream rejects) {
        return new RunOutput(VerdictFormat.jsonLines(mapper), false, out, rejects, mapper);
    }

    private static CatalogSource source(String name) throws Exception {
        return CatalogSource.of(Path.of(CatalogClassifierTest.class.getResource(name).toURI()).toString(), System.in);
    }

    @Test
    void classifiesInInputOrderWithTitlesFieldsAndAReconciledSummary() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream rejects = new ByteArrayOutputStream();
        RunSummary summary = classifier(2).run(List.of(source("onet-tasks.txt"), source("bad-rows.tsv")),
                Optional.empty(), jsonLines(out, rejects), OnError.SKIP, (r, b) -> {});
        assertThat(summary.read()).isEqualTo(10);
        assertThat(summary.classified()).isEqualTo(5);
        assertThat(summary.rejected()).isEqualTo(5);
        assertThat(summary.quadrants().get(Quadrant.PURE_REASONING)).isEqualTo(2);
        assertThat(summary.quadrants().get(Quadrant.LAGGING)).isEqualTo(3);

        List<JsonNode> records = out.toString(StandardCharsets.UTF_8).lines().map(this::json).toList();
        assertThat(records).extracting(r -> r.get("id").asText()).containsExactly("101", "102", "103", "1", "7");
        JsonNode first = records.get(0);
        assertThat(first.get("occupation").get("title").asText()).isEqualTo("Software Developers");
        assertThat(first.get("quadrant").asText()).isEqualTo("PURE_REASONING");
        assertThat(first.get("score").asDouble()).isEqualTo(0.81);
        assertThat(first.get("taskType").asText()).isEqualTo("CORE");
        assertThat(first.get("ratings").get(0).get("evidence").get(0).asText()).isEqualTo("'write'");
        assertThat(first.get("fields").get("Domain Source").asText()).isEqualTo("Incumbent");
        assertThat(records.get(1).get("occupation").get("title").isNull()).isTrue();

        List<JsonNode> rejected = rejects.toString(StandardCharsets.UTF_8).lines().map(this::json).toList();
        assertThat(rejected).hasSize(5);
        assertThat(rejected.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(rejected.get(0).get("field").asText()).isEqualTo("O*NET-SOC Code");
        assertThat(rejected.get(0).get("record").asText()).startsWith("15-12\t2\t");
    }

    @Test
    void failModeStopsAtTheFirstBadRecordNamingIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> classifier(1).run(List.of(source("bad-rows.tsv")), Optional.empty(),
                jsonLines(out, new ByteArrayOutputStream()), OnError.FAIL, (r, b) -> {}))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("bad-rows.tsv:3: field 'O*NET-SOC Code': occupation code '15-12'")
                .hasMessageEndingWith("or run with --on-error skip to write bad records to a rejects file and go on");
        // the records before the bad one are written, so the output shows how far the run got
        assertThat(out.toString(StandardCharsets.UTF_8).lines().map(this::json).map(r -> r.get("id").asText()))
                .containsExactly("1");
    }

    @Test
    void writesCsvWithPerScorerColumnsAndReadsItsOwnJsonOutputBack() throws Exception {
        Path jsonl = dir.resolve("out.jsonl");
        try (OutputStream out = Files.newOutputStream(jsonl)) {
            classifier(10).run(List.of(source("generic.csv")), Optional.empty(),
                    jsonLines(out, new ByteArrayOutputStream()), OnError.SKIP, (r, b) -> {});
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        RunSummary again = classifier(10).run(List.of(CatalogSource.of(jsonl.toString(), System.in)), Optional.empty(),
                new RunOutput(VerdictFormat.csv(mapper, List.of("words")), false, csv, new ByteArrayOutputStream(),
                        mapper), OnError.FAIL, (r, b) -> {});
        assertThat(again.classified()).isEqualTo(2);
        List<String> lines = csv.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", CsvVerdictWriter.columns(List.of("words"))));
        assertThat(lines.get(1)).startsWith("a1,\"Draft contract clauses, including \"\"force majeure\"\" terms\","
                + "23-1011.00,Lawyers,,4.5,88.2,,0.1,0.9,0.01,LAGGING,,,OK,0.1,0.9,0.8,\"no 'write'\",,,");
    }

    private JsonNode json(String line) {
        try {
            return mapper.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

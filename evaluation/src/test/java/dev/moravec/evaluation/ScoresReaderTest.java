package dev.moravec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Rating;
import dev.moravec.api.Task;
import dev.moravec.api.TaskType;
import dev.moravec.api.TaskWeights;
import dev.moravec.catalog.CatalogRecord;
import dev.moravec.catalog.JsonLinesVerdictWriter;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Quadrant;
import dev.moravec.model.RatingStatus;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.Thresholds;
import dev.moravec.model.Verdict;
import dev.moravec.scoring.VerdictAggregator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A classify output read back: the same tasks and ratings, combined again under another configuration. */
class ScoresReaderTest {

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void readsBackWhatClassifyWritesAndCombinesItAgain() throws Exception {
        Task task = new Task("7", "Write SQL queries", "15-1252.00", TaskType.CORE,
                new TaskWeights(OptionalDouble.of(4), OptionalDouble.of(80), OptionalDouble.empty()));
        List<ScorerOutcome> outcomes = List.of(
                ScorerOutcome.rated("a", "1.0", Rating.of(0.8, 0.45, 0.9, List.of("'SQL' -> code"))),
                ScorerOutcome.rated("b", "2.0", Rating.abstain("no cue")),
                ScorerOutcome.unrated("c", "3.0", RatingStatus.FAILED, "threw boom"),
                ScorerOutcome.rated("d", "1.0", Rating.ofVerificationCost(0.4, 0.5, List.of("v"))));
        Verdict original = new VerdictAggregator(EngineConfig.defaults()).combine(task, outcomes);
        Path file = dir.resolve("scores.jsonl");
        try (JsonLinesVerdictWriter writer = new JsonLinesVerdictWriter(Files.newOutputStream(file), mapper)) {
            writer.write(new CatalogRecord("in.tsv", 2, task, "Software Developers", mapper.createObjectNode()), original);
        }
        List<Verdict> read = new ScoresReader(mapper).read(file, EngineConfig.defaults());
        assertThat(read).hasSize(1);
        assertThat(read.get(0).task()).isEqualTo(task);
        assertThat(read.get(0).outcomes()).isEqualTo(outcomes);
        assertThat(read.get(0).quadrant()).isEqualTo(original.quadrant()).isEqualTo(Quadrant.PURE_REASONING);

        EngineConfig strict = new EngineConfig(new Thresholds(0.9, 0.5), Map.of(), EngineConfig.DEFAULT_TASK_TIME_LIMIT,
                EngineConfig.DEFAULT_QUARANTINE_AFTER);
        // T 0.8 (only a rates it) falls short of 0.9; V (0.45 * 0.9 + 0.4 * 0.5) / 1.4 = 0.432 stays cheap
        assertThat(new ScoresReader(mapper).read(file, strict).get(0).quadrant()).isEqualTo(Quadrant.KNOWLEDGE_BOUND);
    }

    @Test
    void somethingElseIsAClearError() throws Exception {
        Path csv = Files.writeString(dir.resolve("scores.csv"), "id,statement\n");
        assertThatThrownBy(() -> new ScoresReader(mapper).read(csv, EngineConfig.defaults()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("write it with --out FILE.jsonl");
        Path tasks = Files.writeString(dir.resolve("tasks.jsonl"), "{\"id\": \"1\", \"statement\": \"Cook\"}\n");
        assertThatThrownBy(() -> new ScoresReader(mapper).read(tasks, EngineConfig.defaults()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("tasks.jsonl:1: not a classify output record (it needs id, statement and ratings): --scores"
                        + " reads the JSON Lines that 'moravec classify' writes");
    }
}

package dev.moravec.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.model.AnalystOverride;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scores;
import dev.moravec.model.Thresholds;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The override file's two forms, its refusals with file:line and field, and the store's append-only log. */
class OverrideFileTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final OverrideFile file = new OverrideFile(mapper);

    private List<AnalystOverride> read(String name, String text) throws Exception {
        return file.read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void csvAndJsonLinesReadToTheSameOverridesAndJsonLinesWriteBackWhatTheyRead() throws Exception {
        List<AnalystOverride> csv = read("o.csv", """
                Occupation Code,Task ID,T,V,Quadrant,Reason,Author,Date
                47-2152,23475,,,lagging,"on site, by hand",ana,2026-12-06
                15-1252.00,,0.5,0.25,,integration work,bo,2026-12-01
                """);
        assertThat(csv).hasSize(2);
        assertThat(csv.get(0).occupation()).as("a SOC code means its .00 occupation").isEqualTo("47-2152.00");
        assertThat(csv.get(0).quadrant()).isEqualTo(Quadrant.LAGGING);
        assertThat(csv.get(0).reason()).isEqualTo("on site, by hand");
        assertThat(csv.get(1).taskId()).isNull();
        assertThat(csv.get(1).transferability()).hasValue(0.5);
        assertThat(csv.get(1).date()).isEqualTo(LocalDate.of(2026, 12, 1));
        StringBuilder lines = new StringBuilder();
        for (AnalystOverride override : csv) {
            lines.append(mapper.writeValueAsString(file.json(override))).append('\n');
        }
        assertThat(read("o.jsonl", lines.toString())).isEqualTo(csv);
    }

    @Test
    void aMalformedRowIsRefusedWithItsFileLineAndField() {
        String header = "occupation,task,transferability,verificationCost,quadrant,reason,author,date\n";
        assertThatThrownBy(() -> read("o.csv", header + "15-1252.00,1,0.5,,,ok,ana,2026-12-01\n15-12,2,0.5,,,x,ana,2026-12-01\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("o.csv:3: field 'occupation': '15-12' is not an O*NET-SOC code (##-####.##) or SOC code (##-####)");
        assertThatThrownBy(() -> read("o.csv", header + "15-1252.00,1,high,,,x,ana,2026-12-01\n"))
                .hasMessage("o.csv:2: field 'transferability': 'high' is not a number");
        assertThatThrownBy(() -> read("o.csv", header + "15-1252.00,1,0.5,,LAGGING,x,ana,2026-12-01\n"))
                .hasMessageStartingWith("o.csv:2: give transferability and/or verificationCost, or a quadrant, not both");
        assertThatThrownBy(() -> read("o.csv", header + "15-1252.00,1,0.5,,,x,ana,12/01/2026\n"))
                .hasMessage("o.csv:2: field 'date': '12/01/2026' is not a date YYYY-MM-DD");
        assertThatThrownBy(() -> read("o.jsonl", "{\"occupation\": \"15-1252.00\", \"task\": \"1\", \"quadrant\": \"LAGGING\","
                + " \"reason\": \"x\", \"author\": \"a\", \"date\": \"2026-12-01\"}\n{not json\n"))
                .hasMessageStartingWith("o.jsonl:2: not valid JSON");
        assertThatThrownBy(() -> read("o.json", "[]")).hasMessageContaining("not one JSON array");
    }

    @Test
    void theStoreReplacesAnOverrideOfTheSameTargetAndAppendsEveryChangeToTheLog(@TempDir Path dir) throws Exception {
        OverrideStore store = new OverrideStore(dir, mapper);
        AnalystOverride first = new AnalystOverride("15-1252.00", "1", java.util.OptionalDouble.of(0.2),
                java.util.OptionalDouble.empty(), null, "first", "ana", LocalDate.of(2026, 12, 1));
        AnalystOverride second = new AnalystOverride("15-1252.00", "1", java.util.OptionalDouble.empty(),
                java.util.OptionalDouble.empty(), Quadrant.LAGGING, "second", "bo", LocalDate.of(2026, 12, 2));
        Scores before = Scores.of(0.8, 0.2, Thresholds.DEFAULT);
        Scores after = Scores.of(0.2, 0.2, Thresholds.DEFAULT);
        OverrideStore.Effect none = new OverrideStore.Effect(null, null);
        assertThat(store.put(first, "ana", new OverrideStore.Effect(before, before), new OverrideStore.Effect(after, after))
                .path("action").asText()).isEqualTo("add");
        assertThat(store.put(second, "bo", none, none).path("action").asText()).isEqualTo("replace");
        assertThat(store.list()).containsExactly(second);
        assertThat(store.current(Thresholds.DEFAULT).all()).containsExactly(second);
        store.remove("15-1252.00", "1", "cy", "wrong", none, none);
        assertThat(store.list()).isEmpty();
        assertThatThrownBy(() -> store.remove("15-1252.00", "1", "cy", "again", none, none))
                .isInstanceOf(BadInputException.class).hasMessageContaining("there is no override of 15-1252.00 task 1");

        List<ObjectNode> log = store.log();
        assertThat(log).extracting(e -> e.path("action").asText()).containsExactly("add", "replace", "remove");
        assertThat(log).extracting(e -> e.path("who").asText()).containsExactly("ana", "bo", "cy");
        assertThat(log.get(0).at("/before/override").isNull()).isTrue();
        assertThat(log.get(0).at("/before/task/score").asDouble()).isEqualTo(0.64);
        assertThat(log.get(0).at("/after/task/quadrant").asText()).isEqualTo("KNOWLEDGE_BOUND");
        assertThat(log.get(0).at("/after/occupation/score").asDouble()).isEqualTo(0.16);
        assertThat(log.get(1).at("/before/override/reason").asText()).isEqualTo("first");
        assertThat(log.get(2).at("/after/override").isNull()).isTrue();
        assertThat(Files.readAllLines(store.logFile())).hasSize(3);
    }
}

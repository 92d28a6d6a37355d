package dev.moravec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.TaskType;
import dev.moravec.model.BadInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label files in every format, and the errors a user gets for a wrong one. */
class LabelReaderTest {

    static final String TSV = """
            O*NET-SOC Code\tTask ID\tTask\tTask Type\tTitle\thuman_exposure
            15-1252.00\t1\tWrite "unit tests" for a payroll module.\tCore\tSoftware Developers\tE1
            15-1252.00\t2\tPlan sprints with the product owner\tSupplemental\tSoftware Developers\tE2
            47-2031.00\t3\tFrame walls with lumber and nails\tCore\tCarpenters\tE0
            47-2031.00\t4\tRead blueprints for a garage\t\tCarpenters\te1
            """;

    @TempDir
    Path dir;

    private final LabelReader reader = new LabelReader(new ObjectMapper());

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void readsAnExposureTsvWithDefaultColumnAndPositiveValues() throws Exception {
        LabelSet labels = reader.read(file("labels.tsv", TSV), LabelReader.DEFAULT_COLUMN, List.of());
        assertThat(labels.scale()).isEqualTo(LabelScale.EXPOSURE);
        assertThat(labels.positiveValues()).containsExactly("E1", "E2");
        assertThat(labels.tasks()).hasSize(4);
        assertThat(labels.positives()).isEqualTo(3);
        assertThat(labels.occupations()).isEqualTo(2);
        LabeledTask first = labels.tasks().get(0);
        assertThat(first).isEqualTo(new LabeledTask(2, "1", "Write \"unit tests\" for a payroll module.", "15-1252.00",
                "Software Developers", TaskType.CORE, "E1", 1.0, true));
        assertThat(labels.tasks()).extracting(LabeledTask::value).containsExactly(1.0, 0.5, 0.0, 1.0);
        assertThat(labels.tasks().get(3).type()).isNull();
        assertThat(labels.tasks().get(3).weight()).isEqualTo(1.0);
        assertThat(first.weight()).isEqualTo(2.0);
    }

    @Test
    void readsCsvWithQuotingJsonLinesAndGzipAndFindsTheColumnIgnoringCase() throws Exception {
        LabelSet csv = reader.read(file("labels.csv", """
                id,statement,Exposed
                a,"Draft contracts, leases and wills",yes
                b,Repair a leaking roof,NO
                """), "exposed", List.of());
        assertThat(csv.scale()).isEqualTo(LabelScale.BINARY);
        assertThat(csv.tasks()).extracting(LabeledTask::statement)
                .containsExactly("Draft contracts, leases and wills", "Repair a leaking roof");
        assertThat(csv.tasks()).extracting(LabeledTask::value).containsExactly(1.0, 0.0);
        assertThat(csv.column()).isEqualTo("Exposed");

        LabelSet jsonl = reader.read(file("labels.jsonl", """
                {"id": "x1", "statement": "Balance ledgers", "occupation": {"code": "43-3031.00"}, "score": 0.7}

                {"id": "x2", "task": "Herd cattle", "taskType": "Core", "score": 0}
                """), "score", List.of());
        assertThat(jsonl.scale()).isEqualTo(LabelScale.NUMERIC);
        assertThat(jsonl.positiveValues()).containsExactly("> 0");
        assertThat(jsonl.tasks()).extracting(LabeledTask::line).containsExactly(1L, 3L);
        assertThat(jsonl.tasks().get(0).occupationCode()).isEqualTo("43-3031.00");
        assertThat(jsonl.tasks()).extracting(LabeledTask::positive).containsExactly(true, false);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(TSV.getBytes(StandardCharsets.UTF_8));
        }
        Path gz = Files.write(dir.resolve("labels.tsv.gz"), bytes.toByteArray());
        assertThat(reader.read(gz, "HUMAN_EXPOSURE", List.of()).tasks()).hasSize(4);
    }

    @Test
    void positiveValuesCanBeNamed() throws Exception {
        LabelSet labels = reader.read(file("labels.tsv", TSV), "human_exposure", List.of("e1"));
        assertThat(labels.positiveValues()).containsExactly("E1");
        assertThat(labels.tasks()).extracting(LabeledTask::positive).containsExactly(true, false, false, true);
        // the ordinal value does not follow the choice of positives
        assertThat(labels.tasks()).extracting(LabeledTask::value).containsExactly(1.0, 0.5, 0.0, 1.0);

        LabelSet numeric = reader.read(file("n.csv", "id,task,grade\n1,Sort mail,1\n2,Fix pipes,2\n3,Teach art,3\n"),
                "grade", List.of("3", "2.0"));
        assertThat(numeric.tasks()).extracting(LabeledTask::positive).containsExactly(false, true, true);
        assertThat(numeric.tasks()).extracting(LabeledTask::value).containsExactly(1.0, 2.0, 3.0);

        assertThatThrownBy(() -> reader.read(file("labels.tsv", TSV), "human_exposure", List.of("E3")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--positive value 'E3' is not a label of labels.tsv, whose labels are E0/E1/E2; known values"
                        + " are E0, E1, E2");
    }

    @Test
    void jsonNestedOrANumberPastTheParsersLimitIsBadInputWithItsLine() {
        String deep = "{\"id\": \"1\", \"label\": \"E1\"}\n{\"id\": \"2\", \"x\": " + "[".repeat(1001)
                + "]".repeat(1001) + "}\n";
        assertThatThrownBy(() -> reader.read(file("deep.jsonl", deep), "label", List.of()))
                .isInstanceOf(BadInputException.class).hasMessage("deep.jsonl:2: not valid JSON: past a limit of the parser:"
                        + " Document nesting depth (1001) exceeds the maximum allowed (1000)");
        String huge = "{\"id\": \"1\", \"label\": " + "1".repeat(1001) + "}\n";
        assertThatThrownBy(() -> reader.read(file("huge.jsonl", huge), "label", List.of()))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("huge.jsonl:1: not valid JSON: past a limit"
                        + " of the parser: Number value length (1001) exceeds the maximum allowed (1000)");
    }

    @Test
    void aMissingLabelColumnIsAClearError() throws Exception {
        assertThatThrownBy(() -> reader.read(file("labels.tsv", TSV), "exposure", List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("labels.tsv:1: no label column 'exposure' among the columns 'O*NET-SOC Code', 'Task ID',"
                        + " 'Task', 'Task Type', 'Title', 'human_exposure': name the label column with --label-column");
        assertThatThrownBy(() -> reader.read(file("l.jsonl", "{\"id\": \"1\", \"label\": \"E1\"}\n{\"id\": \"2\"}\n"),
                "label", List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("l.jsonl:2: no label column 'label' among the keys 'id'");
        assertThatThrownBy(() -> reader.read(file("l.csv", "Title,label\nCooks,E1\n"), "label", List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("l.csv:1: neither a task id column ('Task ID', 'id') nor a task statement column");
    }

    @Test
    void anUnknownLabelValueNamesFileLineValueAndTheKnownValues() throws Exception {
        String bad = TSV.replace("Carpenters\tE0", "Carpenters\tE3");
        assertThatThrownBy(() -> reader.read(file("labels.tsv", bad), "human_exposure", List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("labels.tsv:4: label 'E3' in column 'human_exposure' is not a known value; known values are"
                        + " E0, E1, E2 (line 2 has a E0/E1/E2 label, so the file is read on that scale)");
        assertThatThrownBy(() -> reader.read(file("l.csv", "id,label\n1,high\n"), "label", List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("l.csv:2: label 'high' in column 'label' is not a known value; known values are E0, E1, E2"
                        + " (exposure); yes, no, y, n, true, false (binary); or numbers");
        assertThatThrownBy(() -> reader.read(file("l.csv", "id,label\n1,E1\n2,\n"), "label", List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("l.csv:3: the label in column 'label' is empty: give every task a label, or remove the line");
    }

    @Test
    void otherMistakesAreErrorsWithFileAndLine() throws Exception {
        assertThatThrownBy(() -> reader.read(file("l.csv", "id,label\n1,E1\n1,E0\n"), "label", List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("l.csv:3: task id 1 is labelled twice (first on line 2): keep one label per task");
        assertThatThrownBy(() -> reader.read(file("l.csv", "id,label\n1,E1\n2,E2\n"), "label", List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("l.csv: all of the 2 labels are positive (E1, E2), so agreement cannot be measured: name"
                        + " the positive values with --positive");
        assertThatThrownBy(() -> reader.read(file("l.csv", "id,soc code,label\n1,15-9,E1\n"), "label", List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("l.csv:2: field 'soc code': occupation code '15-9' is not an O*NET-SOC code (##-####.##) or"
                        + " SOC code (##-####)");
        assertThatThrownBy(() -> reader.read(file("l.tsv", "id\tlabel\n1\tE1\textra\n"), "label", List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("l.tsv:2: the record has 3 fields, the header 2 (a stray tab?)");
        assertThatThrownBy(() -> reader.read(file("l.csv", "id,label\n"), "label", List.of()))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("l.csv has no labelled tasks");
        assertThatThrownBy(() -> reader.read(dir.resolve("none.tsv"), "label", List.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("none.tsv does not exist");
    }
}

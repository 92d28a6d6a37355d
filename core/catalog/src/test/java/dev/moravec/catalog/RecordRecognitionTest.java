package dev.moravec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.model.BadInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The recognition of columns and keys, called on one row or line at a time as a reader that splits its
 * input (Spark) calls it: the same records and rejections as {@code classify}'s readers, and a rejection
 * instead of a made-up id where the line is not known.
 */
class RecordRecognitionTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aRowBecomesTheRecordTheTsvReaderMakes() throws Exception {
        TabularLayout layout = TabularLayout.recognise("tasks.tsv",
                List.of("\uFEFFO*NET-SOC Code", "Task ID", "Task", "Task Type", "Date"), CatalogFormat.TSV);
        assertThat(layout.header()).containsExactly("O*NET-SOC Code", "Task ID", "Task", "Task Type", "Date");
        assertThat(layout.hasId()).isTrue();

        CatalogRecord record = (CatalogRecord) layout.entry("tasks.tsv", 0,
                List.of("15-1252.00", "101", " Write unit tests. ", "Core", "08/2023"));
        assertThat(record.task().id()).isEqualTo("101");
        assertThat(record.task().statement()).isEqualTo("Write unit tests.");
        assertThat(record.fields().get("Date").asText()).isEqualTo("08/2023");
        assertThat(record.line()).isZero();
    }

    @Test
    void aMissingValueReadsAsEmpty() throws Exception {
        TabularLayout layout = TabularLayout.recognise("t.csv", List.of("id", "task", "note"), CatalogFormat.CSV);
        CatalogRecord record = (CatalogRecord) layout.entry("t.csv", 3, Arrays.asList("7", "Draft a memo.", null));
        assertThat(record.fields().get("note").asText()).isEmpty();
    }

    @Test
    void aRowOfTheWrongLengthIsRejectedAsTheReaderRejectsIt() throws Exception {
        TabularLayout layout = TabularLayout.recognise("t.tsv", List.of("id", "task"), CatalogFormat.TSV);
        Rejection rejection = (Rejection) layout.entry("t.tsv", 0, List.of("7", "Draft", "extra"));
        assertThat(rejection.reason()).isEqualTo("the record has 3 fields, the header 2 (a stray tab?)");
        assertThat(rejection.raw()).isEqualTo("7\tDraft\textra");
        assertThat(rejection.message()).isEqualTo("t.tsv: the record has 3 fields, the header 2 (a stray tab?)");
    }

    @Test
    void aRowGivenAsTextIsSplitAsTheReaderSplitsIt() throws Exception {
        TabularLayout layout = TabularLayout.recognise("t.csv", List.of("id", "task", "note"), CatalogFormat.CSV);
        CatalogRecord record = (CatalogRecord) layout.entryOfText("t.csv", 0, "7,\"Draft a memo, then \"\"send\"\" it\",x");
        assertThat(record.task().statement()).isEqualTo("Draft a memo, then \"send\" it");
        Rejection rejection = (Rejection) layout.entryOfText("t.csv", 0, "7,Draft,x,y");
        assertThat(rejection.reason()).isEqualTo("the record has 4 fields, the header 3 (an unquoted comma?)");
    }

    @Test
    void withoutAnIdColumnARecordTakesItsLineOrIsRejectedWhenTheLineIsUnknown() throws Exception {
        TabularLayout layout = TabularLayout.recognise("t.csv", List.of("task"), CatalogFormat.CSV);
        assertThat(layout.hasId()).isFalse();
        assertThat(((CatalogRecord) layout.entry("t.csv", 5, List.of("Draft a memo."))).task().id()).isEqualTo("5");
        Rejection rejection = (Rejection) layout.entry("t.csv", 0, List.of("Draft a memo."));
        assertThat(rejection.field()).isEqualTo("id");
        assertThat(rejection.reason()).contains("no id").contains("line is not known");
    }

    @Test
    void aHeaderWithoutStatementOrWithTwoIsRefusedAsTheReaderRefusesIt() {
        assertThatThrownBy(() -> TabularLayout.recognise("t.csv", List.of("id", "text"), CatalogFormat.CSV))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no task statement column");
        assertThatThrownBy(() -> TabularLayout.recognise("t.csv", List.of("Task", "Statement"), CatalogFormat.CSV))
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.csv:1: columns 'Task' and 'Statement' both give the statement; rename or remove one");
    }

    @Test
    void aLineBecomesTheRecordTheJsonLinesReaderMakes() throws Exception {
        String line = "{\"id\": 8, \"task\": \"Audit invoices.\", \"occupation\": {\"code\": \"13-2011.00\"},"
                + " \"score\": 0.4, \"region\": {\"name\": \"north\"}, \"n\": 3}";
        CatalogRecord record = (CatalogRecord) JsonRecords.fromLine("t.jsonl", 0, line, mapper);
        List<CatalogEntry> read = readAll("t.jsonl", line + "\n");
        assertThat(record.task()).isEqualTo(((CatalogRecord) read.get(0)).task());
        assertThat(record.fields()).isEqualTo(((CatalogRecord) read.get(0)).fields());
        assertThat(record.fields().toString()).isEqualTo("{\"region\":{\"name\":\"north\"},\"n\":3}");
    }

    @Test
    void aBrokenLineIsRejectedWithTheReadersReason() throws Exception {
        Rejection rejection = (Rejection) JsonRecords.fromLine("t.jsonl", 0, "{\"id\": 1, \"task\": ", mapper);
        Rejection read = (Rejection) readAll("t.jsonl", "{\"id\": 1, \"task\": \n").get(0);
        assertThat(rejection.reason()).startsWith("not valid JSON").isEqualTo(read.reason());
        assertThat(((Rejection) JsonRecords.fromLine("t.jsonl", 0, "{\"task\": \"Draft.\"}", mapper)).reason())
                .contains("no id");
    }

    @Test
    void theRejectsFileWritesAnUnknownLineAsNull() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RejectsWriter writer = new RejectsWriter(out, mapper)) {
            writer.write(new Rejection("t.jsonl", 0, null, "not valid JSON", "{"));
            writer.write(new Rejection("t.jsonl", 4, "task", "empty", "{}"));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "{\"source\":\"t.jsonl\",\"line\":null,\"field\":null,\"reason\":\"not valid JSON\",\"record\":\"{\"}\n"
                        + "{\"source\":\"t.jsonl\",\"line\":4,\"field\":\"task\",\"reason\":\"empty\",\"record\":\"{}\"}\n");
    }

    private List<CatalogEntry> readAll(String name, String content) throws Exception {
        List<CatalogEntry> entries = new java.util.ArrayList<>();
        try (CatalogReader reader = new CatalogReaders(mapper).open(name,
                new java.io.ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), Optional.empty())) {
            for (CatalogEntry e = reader.next(); e != null; e = reader.next()) {
                entries.add(e);
            }
        }
        return entries;
    }
}

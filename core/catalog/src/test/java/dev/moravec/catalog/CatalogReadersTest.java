package dev.moravec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.TaskType;
import dev.moravec.model.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CatalogReadersTest {

    private final CatalogReaders readers = new CatalogReaders(new ObjectMapper());

    private List<CatalogEntry> readAll(String fixture, Optional<CatalogFormat> format) throws Exception {
        return readAll(fixture, resource(fixture), format);
    }

    private List<CatalogEntry> readAll(String name, InputStream in, Optional<CatalogFormat> format) throws Exception {
        List<CatalogEntry> entries = new ArrayList<>();
        try (CatalogReader reader = readers.open(name, in, format)) {
            for (CatalogEntry e = reader.next(); e != null; e = reader.next()) {
                entries.add(e);
            }
        }
        return entries;
    }

    private static InputStream resource(String name) {
        InputStream in = CatalogReadersTest.class.getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    @Test
    void readsTheOnetTaskStatementsLayout() throws Exception {
        List<CatalogEntry> entries = readAll("onet-tasks.txt", Optional.empty());
        assertThat(entries).hasSize(3).allMatch(e -> e instanceof CatalogRecord);
        CatalogRecord first = (CatalogRecord) entries.get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.task().id()).isEqualTo("101");
        assertThat(first.task().statement()).isEqualTo("Write unit tests for the payroll module.");
        assertThat(first.task().occupationCode()).isEqualTo("15-1252.00");
        assertThat(first.task().type()).isEqualTo(TaskType.CORE);
        assertThat(first.fields().get("Incumbents Responding").asText()).isEqualTo("40");
        assertThat(first.fields().get("Domain Source").asText()).isEqualTo("Incumbent");
        CatalogRecord third = (CatalogRecord) entries.get(2);
        assertThat(third.task().statement()).isEqualTo("Review \"legacy\" code for defects.");
        assertThat(third.task().type()).isNull();
    }

    @Test
    void rejectsBadRowsNamingLineAndFieldAndReadsOn() throws Exception {
        List<CatalogEntry> entries = readAll("bad-rows.tsv", Optional.empty());
        assertThat(entries).hasSize(7);
        List<String> messages = entries.stream().filter(e -> e instanceof Rejection)
                .map(e -> ((Rejection) e).message()).toList();
        assertThat(messages).containsExactly(
                "bad-rows.tsv:3: field 'O*NET-SOC Code': occupation code '15-12' is not an O*NET-SOC code (##-####.##) or SOC code (##-####)",
                "bad-rows.tsv:4: field 'Task': the task statement is empty",
                "bad-rows.tsv:5: the record has 5 fields, the header 4 (a stray tab?)",
                "bad-rows.tsv:6: field 'Task Type': 'Major' is not a task type: use Core, Supplemental or leave it empty",
                "bad-rows.tsv:7: field 'Task ID': the task id is empty; give every task an id");
        assertThat(((Rejection) entries.get(3)).raw()).isEqualTo("15-1252.00\t4\tToo many\tCore\textra");
        assertThat(((CatalogRecord) entries.get(6)).task().type()).isEqualTo(TaskType.SUPPLEMENTAL);
    }

    @Test
    void readsQuotedCsvWithCarriedColumnsAndNumbers() throws Exception {
        List<CatalogEntry> entries = readAll("generic.csv", Optional.empty());
        assertThat(entries).hasSize(3);
        CatalogRecord first = (CatalogRecord) entries.get(0);
        assertThat(first.task().statement()).isEqualTo("Draft contract clauses, including \"force majeure\" terms");
        assertThat(first.occupationTitle()).isEqualTo("Lawyers");
        assertThat(first.task().weights().importance()).hasValue(4.5);
        assertThat(first.task().weights().relevance()).hasValue(88.2);
        assertThat(first.fields().toString()).isEqualTo("{\"region\":\"EU\",\"notes\":\"first\"}");
        CatalogRecord second = (CatalogRecord) entries.get(1);
        assertThat(second.line()).isEqualTo(3);
        assertThat(second.task().statement()).isEqualTo("Sort mail\nby hand");
        assertThat(second.task().occupationCode()).isNull();
        Rejection third = (Rejection) entries.get(2);
        assertThat(third.line()).isEqualTo(5);
        assertThat(third.message()).isEqualTo("generic.csv:5: field 'importance': importance 6.0 is outside its scale [1, 5]");
    }

    @Test
    void readsJsonLinesRejectingBrokenLinesAndGoingOn() throws Exception {
        List<CatalogEntry> entries = readAll("tasks.jsonl", Optional.empty());
        assertThat(entries).hasSize(6);
        CatalogRecord first = (CatalogRecord) entries.get(0);
        assertThat(first.task().occupationCode()).isEqualTo("15-1242.00");
        assertThat(first.occupationTitle()).isEqualTo("Database Administrators");
        assertThat(first.fields().toString()).isEqualTo("{\"source\":{\"batch\":7}}");
        CatalogRecord second = (CatalogRecord) entries.get(1);
        assertThat(second.line()).isEqualTo(3);
        assertThat(second.task().id()).isEqualTo("2");
        assertThat(second.task().occupationCode()).isEqualTo("53-7051.00");
        assertThat(second.fields().toString()).isEqualTo("{\"tags\":[\"warehouse\"],\"kept\":true}");
        assertThat(((Rejection) entries.get(2)).message()).startsWith("tasks.jsonl:4: not valid JSON");
        assertThat(((Rejection) entries.get(3)).message())
                .isEqualTo("tasks.jsonl:5: a task record must be a JSON object, found ARRAY");
        assertThat(((Rejection) entries.get(4)).message())
                .isEqualTo("tasks.jsonl:6: field 'task': the task statement is empty");
        CatalogRecord last = (CatalogRecord) entries.get(5);
        assertThat(last.task().id()).as("without an id, the line number is the id").isEqualTo("7");
    }

    @Test
    void readsJsonArraysWithTheLineOfEachElement() throws Exception {
        List<CatalogEntry> entries = readAll("tasks.json", Optional.empty());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).line()).isEqualTo(3);
        assertThat(((CatalogRecord) entries.get(1)).task().type()).isEqualTo(TaskType.CORE);
    }

    @Test
    void readsGzipAndSniffsTheFormatWithoutAName() throws Exception {
        byte[] csv = "task,id\nWrite code,9\n".getBytes(StandardCharsets.UTF_8);
        List<CatalogEntry> entries = readAll("-", new ByteArrayInputStream(gzip(csv)), Optional.empty());
        assertThat(((CatalogRecord) entries.get(0)).task().id()).isEqualTo("9");
        byte[] jsonl = "\uFEFF{\"id\":\"1\",\"task\":\"Write code\"}\n".getBytes(StandardCharsets.UTF_8);
        assertThat(readAll("-", new ByteArrayInputStream(jsonl), Optional.empty())).hasSize(1);
    }

    @Test
    void refusesACatalogWithoutAStatementColumnOrWithTwoIdColumns() {
        assertThatThrownBy(() -> readAll("x.csv", stream("name,value\na,b\n"), Optional.empty()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("x.csv:1: no task statement column among 'name', 'value'; name the column that holds the task"
                        + " text 'Task' or 'Statement'");
        assertThatThrownBy(() -> readAll("y.csv", stream("id,Task ID,task\n1,2,x\n"), Optional.empty()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("y.csv:1: columns 'id' and 'Task ID' both give the id; rename or remove one");
        assertThatThrownBy(() -> readAll("z.csv", stream(""), Optional.empty()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("z.csv is empty");
    }

    @Test
    void aBrokenQuoteStopsTheFileWithItsLine() {
        assertThatThrownBy(() -> readAll("q.csv", stream("id,task\n1,ok\n2,\"never closed\n3,x\n"), Optional.empty()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("q.csv:");
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        }
        return bytes.toByteArray();
    }
}

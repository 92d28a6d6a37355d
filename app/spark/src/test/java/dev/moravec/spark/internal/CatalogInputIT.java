package dev.moravec.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.catalog.CatalogEntry;
import dev.moravec.catalog.CatalogReader;
import dev.moravec.catalog.CatalogReaders;
import dev.moravec.catalog.CatalogRecord;
import dev.moravec.catalog.JsonRecords;
import dev.moravec.catalog.Rejection;
import dev.moravec.model.BadInputException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalogs read with Spark's readers give the records and rejections {@code classify}'s readers give:
 * quoted CSV with commas, doubled quotes, line breaks and empty values; unquoted TSV; JSON Lines with
 * nested, typed and broken values; rows of the wrong length; and Parquet as the JSON of its columns.
 * Only the line, which Spark does not know, differs.
 */
class CatalogInputIT {

    private static SparkSession spark;
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void csvRowsAreClassifysRecords() throws Exception {
        assertSameEntries(copy("catalog.csv"), Optional.empty());
    }

    @Test
    void tsvRowsAreClassifysRecords() throws Exception {
        assertSameEntries(copy("catalog.tsv"), Optional.empty());
    }

    @Test
    void jsonLinesAreClassifysRecords() throws Exception {
        assertSameEntries(copy("catalog.jsonl"), Optional.empty());
    }

    @Test
    void parquetColumnsAreReadAsTheJsonOfTheRow() throws Exception {
        StructType schema = new StructType().add("Task ID", DataTypes.LongType).add("Task", DataTypes.StringType)
                .add("O*NET-SOC Code", DataTypes.StringType).add("importance", DataTypes.DoubleType)
                .add("count", DataTypes.IntegerType).add("flag", DataTypes.BooleanType);
        Dataset<Row> rows = spark.createDataFrame(List.of(
                RowFactory.create(101L, "Write tests.", "15-1252.00", 4.5, 3, true),
                RowFactory.create(102L, "", "15-1252.00", null, null, false)), schema);
        Path parquet = dir.resolve("catalog.parquet");
        rows.coalesce(1).write().parquet(parquet.toString());

        CatalogInput input = CatalogInput.open(spark, List.of(parquet.toString()), Optional.empty());
        assertThat(input.format()).isEqualTo(InputFormat.PARQUET);
        List<CatalogEntry> read = parse(input);
        List<CatalogEntry> expected = List.of(
                JsonRecords.fromLine("x", 0, "{\"Task ID\":101,\"Task\":\"Write tests.\",\"O*NET-SOC Code\":\"15-1252.00\","
                        + "\"importance\":4.5,\"count\":3,\"flag\":true}", mapper),
                JsonRecords.fromLine("x", 0, "{\"Task ID\":102,\"Task\":\"\",\"O*NET-SOC Code\":\"15-1252.00\","
                        + "\"importance\":null,\"count\":null,\"flag\":false}", mapper));
        assertThat(read).hasSize(2);
        assertThat(view(read.get(0))).isEqualTo(view(expected.get(0)));
        assertThat(view(read.get(1))).isEqualTo(view(expected.get(1)));
        assertThat(read.get(0).source()).endsWith(".parquet");
    }

    @Test
    void aJsonArrayIsRefusedWithWhatToDo() throws Exception {
        Path array = dir.resolve("tasks.json");
        Files.writeString(array, "[{\"id\": 1, \"task\": \"Draft\"}]\n");
        assertThatThrownBy(() -> CatalogInput.open(spark, List.of(array.toString()), Optional.empty()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("jq -c '.[]'");
    }

    @Test
    void aHeaderWithoutStatementIsRefusedAsClassifyRefusesIt() throws Exception {
        Path csv = dir.resolve("no-statement.csv");
        Files.writeString(csv, "id,text\n1,Draft\n");
        assertThatThrownBy(() -> CatalogInput.open(spark, List.of(csv.toString()), Optional.empty()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no task statement column");
        assertThatThrownBy(() -> CatalogInput.open(spark, List.of(dir.resolve("absent.csv").toString()),
                Optional.empty())).isInstanceOf(BadInputException.class).hasMessageContaining("does not exist");
    }

    private void assertSameEntries(Path file, Optional<InputFormat> format) throws Exception {
        List<CatalogEntry> expected = new ArrayList<>();
        try (CatalogReader reader = new CatalogReaders(mapper).open(file.toString(), Optional.empty())) {
            for (CatalogEntry entry = reader.next(); entry != null; entry = reader.next()) {
                expected.add(entry);
            }
        }
        List<CatalogEntry> actual = parse(CatalogInput.open(spark, List.of(file.toString()), format));
        assertThat(actual.stream().map(this::view).sorted().toList())
                .isEqualTo(expected.stream().map(this::view).sorted().toList());
        assertThat(actual).allSatisfy(e -> assertThat(e.source()).isEqualTo(file.toString()));
        assertThat(expected).anyMatch(e -> e instanceof Rejection).anyMatch(e -> e instanceof CatalogRecord);
    }

    private List<CatalogEntry> parse(CatalogInput input) {
        List<CatalogEntry> entries = new ArrayList<>();
        for (Row row : input.rows().collectAsList()) {
            CatalogEntry entry = input.parser().parse(row, mapper);
            if (entry != null) {
                entries.add(entry);
            }
        }
        entries.sort(Comparator.comparing(CatalogEntry::toString));
        return entries;
    }

    // what the two readers must agree on: everything but the line, which Spark does not know
    private String view(CatalogEntry entry) {
        if (entry instanceof Rejection r) {
            return "rejected " + r.field() + ": " + r.reason() + " | " + r.raw();
        }
        CatalogRecord record = (CatalogRecord) entry;
        ObjectNode fields = record.fields();
        return "record " + record.task() + " title=" + record.occupationTitle() + " fields=" + fields;
    }

    private Path copy(String fixture) throws Exception {
        Path file = dir.resolve(fixture);
        try (InputStream in = CatalogInputIT.class.getResourceAsStream(fixture)) {
            Files.copy(in, file);
        }
        return file;
    }
}

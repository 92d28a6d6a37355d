package dev.moravec.spark.internal;

import dev.moravec.catalog.CatalogFormat;
import dev.moravec.catalog.TabularLayout;
import dev.moravec.model.BadInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A catalog read with Spark's own readers: CSV and TSV with a header (the header recognised on the
 * driver as {@code classify} recognises it, so a wrong header stops the job before it starts), JSON
 * Lines as lines of text, Parquet as it is. The rows carry the path of the file they came from, and a
 * {@link RowParser} turns each into the record {@code classify} makes of it. Inputs are files, folders of
 * files or globs, on any file system Spark reads (local, HDFS, S3).
 */
public final class CatalogInput {

    /** The column with the input file's path, added last. */
    static final String SOURCE = "_moravec_source";

    /** The column where Spark's CSV reader puts a row it cannot split. */
    static final String UNSPLIT = "_moravec_unsplit";

    private final InputFormat format;
    private final Dataset<Row> rows;
    private final RowParser parser;

    private CatalogInput(InputFormat format, Dataset<Row> rows, RowParser parser) {
        this.format = format;
        this.rows = rows;
        this.parser = parser;
    }

    /**
     * Opens the inputs.
     *
     * @param spark the session
     * @param inputs paths, folders or globs; all in one layout
     * @param format the layout, or empty to recognise it from the first file's name, else its first line
     * @return the input
     * @throws BadInputException if an input does not exist, its layout is not one the job reads, or its
     *     header has no statement column (the message says what to do)
     * @throws IOException if the file system cannot be listed
     */
    public static CatalogInput open(SparkSession spark, List<String> inputs, Optional<InputFormat> format)
            throws BadInputException, IOException {
        if (inputs.isEmpty()) {
            throw new BadInputException("give the catalog to classify: one or more files, folders or globs");
        }
        Path first = firstFile(spark, inputs);
        InputFormat chosen = format.isPresent() ? format.get() : recognise(spark, first);
        String[] paths = inputs.toArray(String[]::new);
        return switch (chosen) {
            case TSV, CSV -> tabular(spark, paths, first, chosen);
            case JSONL -> new CatalogInput(chosen, withSource(spark.read().text(paths), functions.col("value")),
                    new JsonLineRows());
            case PARQUET -> {
                Dataset<Row> parquet = spark.read().parquet(paths);
                yield new CatalogInput(chosen, withSource(parquet, columns(parquet)), new ParquetRows());
            }
        };
    }

    /** @return the layout read */
    public InputFormat format() {
        return format;
    }

    /** @return the rows, the file's path last */
    public Dataset<Row> rows() {
        return rows;
    }

    /** @return what turns a row into a record */
    public RowParser parser() {
        return parser;
    }

    private static CatalogInput tabular(SparkSession spark, String[] paths, Path first, InputFormat format)
            throws BadInputException {
        CatalogFormat catalogFormat = format == InputFormat.TSV ? CatalogFormat.TSV : CatalogFormat.CSV;
        List<String> header = header(spark, first, format, catalogFormat);
        TabularLayout.recognise(first.toString(), header, catalogFormat);
        Set<String> seen = new HashSet<>();
        StructType schema = new StructType();
        for (String name : header) {
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new BadInputException(first + ":1: the header names the column '" + name + "' twice; Spark needs"
                        + " every column name once: rename one");
            }
            schema = schema.add(name, DataTypes.StringType);
        }
        schema = schema.add(UNSPLIT, DataTypes.StringType);
        // every file's header is checked against the first's, so no file is read with the wrong columns
        Dataset<Row> rows = csvReader(spark, format).option("header", "true").option("enforceSchema", "false")
                .option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", UNSPLIT)
                .schema(schema).csv(paths);
        return new CatalogInput(format, withSource(rows, columns(rows)), new TabularRows(header, catalogFormat));
    }

    private static List<String> header(SparkSession spark, Path first, InputFormat format, CatalogFormat catalogFormat)
            throws BadInputException {
        Row row;
        try {
            row = csvReader(spark, format).option("header", "false").csv(first.toString()).first();
        } catch (NoSuchElementException e) {
            throw new BadInputException(first + " is empty: a " + catalogFormat + " catalog starts with a header line");
        }
        List<String> header = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            header.add(row.isNullAt(i) ? "" : row.getString(i));
        }
        return header;
    }

    // the options that make Spark split a row as classify does: TSV unquoted, CSV quoted as RFC 4180 says
    private static DataFrameReader csvReader(SparkSession spark, InputFormat format) {
        DataFrameReader reader = spark.read().option("encoding", "UTF-8");
        if (format == InputFormat.TSV) {
            return reader.options(Map.of("sep", "\t", "quote", ""));
        }
        return reader.options(Map.of("sep", ",", "quote", "\"", "escape", "\"", "multiLine", "true"));
    }

    private static Column[] columns(Dataset<Row> rows) {
        return java.util.Arrays.stream(rows.columns()).map(c -> functions.col("`" + c.replace("`", "``") + "`"))
                .toArray(Column[]::new);
    }

    private static Dataset<Row> withSource(Dataset<Row> rows, Column... columns) {
        Column[] all = java.util.Arrays.copyOf(columns, columns.length + 1);
        all[columns.length] = functions.col("_metadata.file_path").as(SOURCE);
        return rows.select(all);
    }

    private static InputFormat recognise(SparkSession spark, Path first) throws BadInputException {
        Optional<InputFormat> byName = InputFormat.fromFileName(first.getName());
        if (byName.isPresent()) {
            return byName.get();
        }
        List<Row> lines = spark.read().text(first.toString()).limit(20).collectAsList();
        String line = lines.stream().map(r -> r.getString(0)).filter(l -> l != null && !l.isBlank()).findFirst()
                .orElseThrow(() -> new BadInputException(first + " is empty"));
        CatalogFormat sniffed = CatalogFormat.sniff(line.startsWith("\uFEFF") ? line.substring(1) : line);
        return InputFormat.of(sniffed).orElseThrow(() -> new BadInputException(first + " is a JSON array; the Spark"
                + " job reads JSON Lines, one object per line (jq -c '.[]' " + first.getName() + " turns one into the"
                + " other), CSV, TSV or Parquet"));
    }

    private static Path firstFile(SparkSession spark, List<String> inputs) throws BadInputException, IOException {
        Path firstFound = null;
        for (String input : inputs) {
            Path path = new Path(input);
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                throw new BadInputException(input + " does not exist: check the path");
            }
            if (firstFound == null) {
                firstFound = firstFile(fs, matches[0]);
                if (firstFound == null) {
                    throw new BadInputException(input + " holds no file to read");
                }
            }
        }
        return firstFound;
    }

    private static Path firstFile(FileSystem fs, FileStatus status) throws IOException {
        if (!status.isDirectory()) {
            return status.getPath();
        }
        FileStatus[] children = fs.listStatus(status.getPath());
        java.util.Arrays.sort(children);
        for (FileStatus child : children) {
            String name = child.getPath().getName();
            if (!name.startsWith("_") && !name.startsWith(".")) {
                Path found = firstFile(fs, child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}

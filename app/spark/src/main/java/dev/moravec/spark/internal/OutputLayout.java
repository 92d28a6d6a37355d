package dev.moravec.spark.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.catalog.CatalogRecord;
import dev.moravec.model.Verdict;
import java.io.Serializable;
import java.util.function.BiFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The rows the verdict pass produces for a format: Parquet records ({@link VerdictRows}), or a line of JSON
 * per task, with the column the output is partitioned by beside it (Spark writes a partition column as
 * folder names, not into the text).
 *
 * @param format the output format
 * @param partitionBy {@code quadrant} or {@code taskType} to write one folder per value, or {@code null}
 */
public record OutputLayout(OutputFormat format, String partitionBy) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The columns the output may be partitioned by. */
    public static final java.util.List<String> PARTITION_COLUMNS = java.util.List.of("quadrant", "taskType");

    /** Checks the partition column. */
    public OutputLayout {
        if (partitionBy != null && !PARTITION_COLUMNS.contains(partitionBy)) {
            throw new IllegalArgumentException("--partition-by takes " + String.join(" or ", PARTITION_COLUMNS)
                    + ", not '" + partitionBy + "'");
        }
    }

    /** @return the schema of the rows */
    public StructType schema() {
        if (format == OutputFormat.PARQUET) {
            return VerdictRows.SCHEMA;
        }
        StructType lines = new StructType().add("value", DataTypes.StringType, false);
        return partitionBy == null ? lines : lines.add(partitionBy, DataTypes.StringType);
    }

    /**
     * A renderer for one task: the row of a record and its verdict.
     *
     * @param mapper the mapper the JSON is written with
     * @return the renderer; not thread-safe
     */
    BiFunction<CatalogRecord, Verdict, Row> renderer(ObjectMapper mapper) {
        if (format == OutputFormat.PARQUET) {
            return VerdictRows::of;
        }
        VerdictLines lines = new VerdictLines(mapper);
        if (partitionBy == null) {
            return (record, verdict) -> RowFactory.create(lines.line(record, verdict));
        }
        return (record, verdict) -> RowFactory.create(lines.line(record, verdict), partitionBy.equals("quadrant")
                ? verdict.quadrant().name() : record.task().type() == null ? null : record.task().type().name());
    }
}

package dev.moravec.spark.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.catalog.CatalogEntry;
import java.io.Serializable;
import org.apache.spark.sql.Row;

/**
 * Turns one row of an input, as Spark's reader gives it, into the record or rejection {@code classify}
 * makes of the same input record. Sent to the executors with the job; not thread-safe (each task uses its
 * own copy).
 */
public interface RowParser extends Serializable {

    /**
     * @param row the row, with the input file's path in its last column
     * @param mapper the mapper JSON is read with
     * @return the record or its rejection; {@code null} for a row {@code classify} skips (a blank line)
     */
    CatalogEntry parse(Row row, ObjectMapper mapper);
}

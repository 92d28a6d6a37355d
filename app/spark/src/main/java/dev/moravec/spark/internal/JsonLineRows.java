package dev.moravec.spark.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.catalog.CatalogEntry;
import dev.moravec.catalog.JsonRecords;
import org.apache.spark.sql.Row;

/**
 * Lines of a JSON Lines catalog read by Spark's text reader (the line, then the file), each read as
 * {@code classify} reads it: keys in their order, values with their types, a broken line rejected with
 * the parser's reason, a blank line skipped.
 */
final class JsonLineRows implements RowParser {

    private static final long serialVersionUID = 1L;

    private transient SourceNames sources;

    @Override
    public CatalogEntry parse(Row row, ObjectMapper mapper) {
        String line = row.getString(0);
        if (line == null || line.isBlank()) {
            return null;
        }
        if (sources == null) {
            sources = new SourceNames();
        }
        return JsonRecords.fromLine(sources.name(row.getString(1)), 0, line, mapper);
    }
}

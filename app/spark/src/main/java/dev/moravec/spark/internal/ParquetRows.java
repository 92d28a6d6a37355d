package dev.moravec.spark.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.catalog.CatalogEntry;
import dev.moravec.catalog.JsonRecords;
import org.apache.spark.sql.Row;

/**
 * Rows of a Parquet catalog (then the file), each read as the JSON object of its columns would be: flat
 * columns are recognised by name, and Moravec's own nested record (occupation, weights, fields) reads back
 * as input.
 */
final class ParquetRows implements RowParser {

    private static final long serialVersionUID = 1L;

    private transient SourceNames sources;

    @Override
    public CatalogEntry parse(Row row, ObjectMapper mapper) {
        if (sources == null) {
            sources = new SourceNames();
        }
        int columns = row.size() - 1;
        ObjectNode node = mapper.createObjectNode();
        for (int i = 0; i < columns; i++) {
            node.set(row.schema().fields()[i].name(), RowJson.value(row.get(i), mapper));
        }
        return JsonRecords.fromNode(sources.name(row.getString(columns)), 0, node, node.toString(), mapper);
    }
}

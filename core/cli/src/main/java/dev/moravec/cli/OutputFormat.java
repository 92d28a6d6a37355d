package dev.moravec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalDouble;

/** How query commands print their results: a table for people, JSON or CSV for programs. */
enum OutputFormat {
    table, json, csv;

    /**
     * Prints rows as a JSON array or as CSV with the given columns.
     *
     * @param out where to print
     * @param mapper the JSON mapper
     * @param columns the fields of each row, in order (CSV's header)
     * @param rows the rows
     * @throws IOException if writing fails
     */
    void printRecords(PrintWriter out, ObjectMapper mapper, List<String> columns, List<ObjectNode> rows)
            throws IOException {
        if (this == json) {
            out.println(mapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
        } else {
            CsvSchema.Builder schema = CsvSchema.builder();
            columns.forEach(schema::addColumn);
            CsvMapper csvMapper = new CsvMapper();
            out.print(csvMapper.writer(schema.build().withHeader()).writeValueAsString(
                    rows.stream().map(row -> {
                        ObjectNode flat = mapper.createObjectNode();
                        for (String column : columns) {
                            flat.put(column, row.path(column).isValueNode() ? row.path(column).asText("") : row.path(column).toString());
                        }
                        return flat;
                    }).toList()));
        }
        out.flush();
    }

    /** Puts a value rounded for output, or null. */
    static void put(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, dev.moravec.engine.catalog.VerdictWriter.round(value.getAsDouble()));
        } else {
            node.putNull(field);
        }
    }
}

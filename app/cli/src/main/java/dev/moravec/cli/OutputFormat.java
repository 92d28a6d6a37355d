package dev.moravec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** How query commands print their results: a table for people, JSON or CSV for programs. */
enum OutputFormat {
    table, json, csv;

    /**
     * Prints a view as indented JSON: the same object the HTTP API answers with.
     *
     * @param out where to print
     * @param mapper the JSON mapper
     * @param view the view
     * @throws IOException if writing fails
     */
    static void printJson(PrintWriter out, ObjectMapper mapper, JsonNode view) throws IOException {
        out.println(mapper.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(view));
        out.flush();
    }

    /**
     * Prints flat rows as CSV with a header.
     *
     * @param out where to print
     * @param columns the fields of each row, in order
     * @param rows the rows; a missing or null field is an empty cell
     * @throws IOException if writing fails
     */
    static void printCsv(PrintWriter out, List<String> columns, List<ObjectNode> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        CsvMapper csvMapper = new CsvMapper();
        out.print(csvMapper.writer(schema.build().withHeader()).writeValueAsString(rows.stream().map(row -> {
            ObjectNode flat = JsonNodeFactory.instance.objectNode();
            for (String column : columns) {
                flat.put(column, row.path(column).isValueNode() ? row.path(column).asText("") : row.path(column).toString());
            }
            return flat;
        }).toList()));
        out.flush();
    }
}

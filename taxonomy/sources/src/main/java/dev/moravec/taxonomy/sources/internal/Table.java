package dev.moravec.taxonomy.sources.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Quoted;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tab- or comma-separated file with a header, read row by row with Jackson's CSV parser: columns are
 * found by name (ignoring case), required columns are checked up front, and a row with the wrong
 * number of fields is an error naming the file and line. Tabs are read without quoting, as O*NET
 * writes them; commas with RFC 4180 quoting.
 */
public final class Table implements Closeable {

    private final String name;
    private final CsvParser parser;
    private final Map<String, Integer> columns = new HashMap<>();
    private final int width;
    private long line;

    private Table(String name, CsvParser parser, List<String> header) {
        this.name = name;
        this.parser = parser;
        this.width = header.size();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(key(header.get(i)), i);
        }
    }

    /**
     * Opens a table.
     *
     * @param name the file's name, for messages
     * @param in its bytes (UTF-8); the table closes them
     * @param separator {@code '\t'} or {@code ','}
     * @param required the columns that must be present
     * @return the table, positioned before the first row
     * @throws IOException if reading fails
     * @throws BadInputException if the header lacks a required column
     */
    public static Table open(String name, InputStream in, char separator, List<String> required)
            throws IOException, BadInputException {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        if (separator == '\t') {
            schema = schema.withoutQuoteChar().withoutEscapeChar();
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        CsvParser parser = new CsvMapper().getFactory().createParser(reader);
        parser.setSchema(schema);
        parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        Table table = new Table(name, parser, List.of());
        List<String> header = table.readRow();
        while (header != null && header.stream().allMatch(String::isBlank)) {
            header = table.readRow(); // blank lines above the header, as sheets saved below title rows have
        }
        if (header == null) {
            parser.close();
            throw new BadInputException(name + " is empty: it should start with a header line");
        }
        if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
            header.set(0, header.get(0).substring(1));
        }
        Table opened = new Table(name, parser, header);
        for (String column : required) {
            if (!opened.columns.containsKey(key(column))) {
                parser.close();
                throw new BadInputException(name + ":1: the column '" + column + "' is missing (the header has "
                        + Quoted.list(header) + "); is this the right file?");
            }
        }
        return opened;
    }

    private static String key(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the header has a column.
     *
     * @param column its name
     * @return true if present
     */
    public boolean has(String column) {
        return columns.containsKey(key(column));
    }

    /**
     * The next row.
     *
     * @return the row, or {@code null} at the end
     * @throws IOException if reading fails
     * @throws BadInputException if the row has the wrong number of fields or a quote is broken
     */
    public Row next() throws IOException, BadInputException {
        List<String> values = readRow();
        if (values == null) {
            return null;
        }
        if (values.size() != width) {
            throw new BadInputException(name + ":" + line + ": " + values.size() + " fields where the header has "
                    + width + "; the file is damaged or not in the expected layout");
        }
        return new Row(line, values);
    }

    private List<String> readRow() throws IOException, BadInputException {
        try {
            if (parser.nextToken() == null) {
                return null;
            }
            List<String> values = new ArrayList<>(Math.max(width, 4));
            for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY;
                    token = parser.nextToken()) {
                if (values.isEmpty()) {
                    line = parser.currentTokenLocation().getLineNr();
                }
                values.add(parser.getText());
            }
            return values;
        } catch (JsonProcessingException e) {
            throw new BadInputException(name + (e.getLocation() == null ? ":" + line : ":" + e.getLocation().getLineNr())
                    + ": " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** One row of the table. */
    public final class Row {
        private final long line;
        private final List<String> values;

        Row(long line, List<String> values) {
            this.line = line;
            this.values = values;
        }

        /** @return the row's line in the file */
        public long line() {
            return line;
        }

        /**
         * A value by column name.
         *
         * @param column the column
         * @return the value, stripped; empty when the column is absent
         */
        public String get(String column) {
            Integer index = columns.get(key(column));
            return index == null ? "" : values.get(index).strip();
        }

        /**
         * A number by column name.
         *
         * @param column the column
         * @return its value
         * @throws BadInputException naming the file, line and field, if the value is not a number
         */
        public double number(String column) throws BadInputException {
            String text = get(column);
            try {
                double value = Double.parseDouble(text);
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // said below, as a number too large to hold is
            }
            throw new BadInputException(where(column) + ": " + Quoted.of(text) + " is not a number");
        }

        /**
         * Where this row is, for messages.
         *
         * @param column the field at fault
         * @return {@code file:line: field 'column'}
         */
        public String where(String column) {
            return name + ":" + line + ": field '" + column + "'";
        }
    }
}

package dev.moravec.catalog;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Quoted;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of a CSV or TSV catalog as its header names them, and how each row becomes a task: the
 * recognition {@code classify} applies to a table, for any reader that hands over a header and rows of
 * text (Moravec's own, or Spark's). Immutable and thread-safe.
 */
public final class TabularLayout {

    private final List<String> header;
    private final Column[] columnOf;
    private final char separator;
    private final RecordBuilder builder;

    private TabularLayout(List<String> header, Column[] columnOf, char separator, Map<Column, String> recognised,
            OccupationCodes codes) {
        this.header = List.copyOf(header);
        this.columnOf = columnOf;
        this.separator = separator;
        this.builder = new RecordBuilder(recognised, codes);
    }

    /**
     * Recognises the columns of a header.
     *
     * @param source the input's name, for messages
     * @param header the header's names as read; a byte order mark before the first is dropped, and each is
     *     stripped of surrounding spaces
     * @param format {@link CatalogFormat#CSV} or {@link CatalogFormat#TSV}
     * @return the layout
     * @throws BadInputException if two columns give the same value (two statement columns), or none gives the
     *     statement; the message names the columns and says what to do
     */
    public static TabularLayout recognise(String source, List<String> header, CatalogFormat format)
            throws BadInputException {
        return recognise(source, header, format, null);
    }

    /**
     * Recognises the columns of a header whose occupation codes may come from another classification.
     *
     * @param source the input's name, for messages
     * @param header the header's names as read
     * @param format {@link CatalogFormat#CSV} or {@link CatalogFormat#TSV}
     * @param codes maps the codes of another classification (its column counts as the occupation code column),
     *     or {@code null} for O*NET-SOC codes
     * @return the layout
     * @throws BadInputException as {@link #recognise(String, List, CatalogFormat)}
     */
    public static TabularLayout recognise(String source, List<String> header, CatalogFormat format, OccupationCodes codes)
            throws BadInputException {
        List<String> names = new ArrayList<>(header.size());
        Column[] columnOf = new Column[header.size()];
        Map<Column, String> recognised = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            names.add(name);
            Optional<Column> column = Column.recognise(name);
            if (column.isEmpty() && codes != null && codes.recognises(name)) {
                column = Optional.of(Column.OCCUPATION_CODE);
            }
            if (column.isPresent()) {
                String earlier = recognised.putIfAbsent(column.get(), name);
                if (earlier != null) {
                    throw new BadInputException(source + ":1: columns " + Quoted.of(earlier) + " and " + Quoted.of(name)
                            + " both give the " + column.get().label() + "; rename or remove one");
                }
                columnOf[i] = column.get();
            }
        }
        if (!recognised.containsKey(Column.STATEMENT)) {
            throw new BadInputException(source + ":1: no task statement column among " + Quoted.list(header)
                    + "; name the column that holds the task text 'Task' or 'Statement'"
                    + (format == CatalogFormat.CSV && header.size() == 1 && header.get(0).contains("\t")
                            ? " (the header has tabs: is this a TSV file? use --in-format tsv)" : ""));
        }
        return new TabularLayout(names, columnOf, format == CatalogFormat.TSV ? '\t' : ',', recognised, codes);
    }

    /** @return the header's names, as recognised (stripped, without a byte order mark) */
    public List<String> header() {
        return header;
    }

    /**
     * Whether the header names the task id. Without it, a task's id is its line number.
     *
     * @return true if a column gives the id
     */
    public boolean hasId() {
        for (Column column : columnOf) {
            if (column == Column.ID) {
                return true;
            }
        }
        return false;
    }

    /**
     * Builds the record of one row.
     *
     * @param source the input's name
     * @param line the line where the row starts, from 1; 0 when the reader does not know it
     * @param row the row's values, in header order; {@code null} reads as empty
     * @return the record, or a rejection that names the field at fault (or the field count, when the row
     *     does not have as many values as the header)
     */
    public CatalogEntry entry(String source, long line, List<String> row) {
        String raw = raw(row);
        if (row.size() != header.size()) {
            return new Rejection(source, line, null, "the record has " + row.size() + " fields, the header "
                    + header.size() + (separator == '\t' ? " (a stray tab?)" : " (an unquoted comma?)"), raw);
        }
        EnumMap<Column, String> values = new EnumMap<>(Column.class);
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < row.size(); i++) {
            String value = row.get(i) == null ? "" : row.get(i);
            if (columnOf[i] != null) {
                values.put(columnOf[i], value);
            } else {
                fields.put(header.get(i), value);
            }
        }
        return builder.build(source, line, values, fields, raw);
    }

    /**
     * Builds the record of one row given as its text, split as {@code classify}'s reader splits it: for a
     * row another reader could not split (Spark's CSV parser, when a row's fields do not match the header).
     *
     * @param source the input's name
     * @param line the line where the row starts, from 1; 0 when the reader does not know it
     * @param text the row as read
     * @return the record, or a rejection
     */
    public CatalogEntry entryOfText(String source, long line, String text) {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        if (separator == '\t') {
            schema = schema.withoutQuoteChar().withoutEscapeChar();
        }
        List<String> row = new ArrayList<>();
        try (CsvParser parser = new CsvMapper().getFactory().createParser(text)) {
            parser.setSchema(schema);
            if (parser.nextToken() == JsonToken.START_ARRAY) {
                for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY;
                        token = parser.nextToken()) {
                    row.add(parser.getText());
                }
            }
        } catch (IOException e) {
            return new Rejection(source, line, null, "the record cannot be split into fields: " + e.getMessage(), text);
        }
        return entry(source, line, row);
    }

    private String raw(List<String> row) {
        StringBuilder raw = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                raw.append(separator);
            }
            raw.append(row.get(i) == null ? "" : row.get(i));
        }
        return raw.toString();
    }
}

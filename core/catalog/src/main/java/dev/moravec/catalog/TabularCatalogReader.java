package dev.moravec.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.moravec.catalog.internal.CountingInputStream;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Quoted;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads CSV and TSV catalogs with a header line, with Jackson's CSV parser. TSV is read without
 * quoting, as the O*NET text release writes it; CSV follows RFC 4180 quoting, so a statement may hold
 * commas, quotes and line breaks.
 */
final class TabularCatalogReader implements CatalogReader {

    private final String source;
    private final CountingInputStream counter;
    private final CsvParser parser;
    private final char separator;
    private final Column[] columnOf;
    private final String[] headerNames;
    private final RecordBuilder builder;
    private long firstValueLine;

    TabularCatalogReader(String source, Reader reader, CountingInputStream counter, CatalogFormat format,
            OccupationCodes codes) throws IOException, BadInputException {
        this.source = source;
        this.counter = counter;
        this.separator = format == CatalogFormat.TSV ? '\t' : ',';
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        if (format == CatalogFormat.TSV) {
            schema = schema.withoutQuoteChar().withoutEscapeChar();
        }
        CsvMapper mapper = new CsvMapper();
        this.parser = mapper.getFactory().createParser(reader);
        parser.setSchema(schema);
        parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        List<String> header = readRow();
        if (header == null) {
            throw new BadInputException(source + " is empty: a " + format + " catalog starts with a header line");
        }
        this.headerNames = header.toArray(String[]::new);
        this.columnOf = new Column[headerNames.length];
        Map<Column, String> recognised = new LinkedHashMap<>();
        for (int i = 0; i < headerNames.length; i++) {
            String name = headerNames[i].strip();
            if (i == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1);
            }
            headerNames[i] = name;
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
        this.builder = new RecordBuilder(source, recognised, codes);
    }

    @Override
    public CatalogEntry next() throws IOException, BadInputException {
        long line;
        List<String> row;
        try {
            if (parser.nextToken() == null) {
                return null;
            }
            row = rest();
            line = firstValueLine;
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + ":" + JsonErrors.line(e, firstValueLine) + ": " + JsonErrors.message(e)
                    + "; the file cannot be read past this point: fix the quoting", e);
        }
        String raw = String.join(String.valueOf(separator), row);
        if (row.size() != headerNames.length) {
            return new Rejection(source, line, null, "the record has " + row.size() + " fields, the header "
                    + headerNames.length + (separator == '\t' ? " (a stray tab?)" : " (an unquoted comma?)"), raw);
        }
        EnumMap<Column, String> values = new EnumMap<>(Column.class);
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < row.size(); i++) {
            if (columnOf[i] != null) {
                values.put(columnOf[i], row.get(i));
            } else {
                fields.put(headerNames[i], row.get(i));
            }
        }
        return builder.build(line, values, fields, raw);
    }

    private List<String> readRow() throws IOException, BadInputException {
        try {
            if (parser.nextToken() == null) {
                return null;
            }
            return rest();
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + ":1: cannot read the header: " + JsonErrors.message(e), e);
        }
    }

    // the parser stands on the row's START_ARRAY, whose location is still the previous line's end;
    // reads the values up to END_ARRAY and notes where the first one starts
    private List<String> rest() throws IOException {
        List<String> row = new ArrayList<>();
        for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY;
                token = parser.nextToken()) {
            if (row.isEmpty()) {
                firstValueLine = parser.currentTokenLocation().getLineNr();
            }
            row.add(parser.getText());
        }
        return row;
    }

    @Override
    public long bytesRead() {
        return counter.count();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}

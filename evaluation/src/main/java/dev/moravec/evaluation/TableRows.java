package dev.moravec.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.moravec.catalog.CatalogFormat;
import dev.moravec.catalog.JsonErrors;
import dev.moravec.model.BadInputException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a TSV or CSV file with a header line, each with the line it starts on, for the files the
 * evaluation reads (labels, occupation measures). TSV is read without quoting, as O*NET writes it; a
 * row with another number of fields than the header, or a CSV quote left open, is an error naming the
 * file and line.
 */
public final class TableRows implements AutoCloseable {

    private final String name;
    private final char separator;
    private final CsvParser parser;
    private final List<String> header;
    private long line;

    private TableRows(String name, char separator, CsvParser parser) throws IOException, BadInputException {
        this.name = name;
        this.separator = separator;
        this.parser = parser;
        List<String> first = read();
        if (first == null) {
            throw new BadInputException(name + " is empty: it starts with a header line");
        }
        List<String> names = new ArrayList<>();
        for (String h : first) {
            names.add(h.strip().replace("\uFEFF", ""));
        }
        this.header = List.copyOf(names);
    }

    /**
     * Opens a table and reads its header.
     *
     * @param name the file's name, for messages
     * @param reader its text; the caller closes it
     * @param format TSV or CSV
     * @return the table, positioned after the header
     * @throws IOException if the text cannot be read
     * @throws BadInputException if the file is empty or cannot be parsed
     */
    public static TableRows open(String name, Reader reader, CatalogFormat format) throws IOException, BadInputException {
        char separator = format == CatalogFormat.TSV ? '\t' : ',';
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        if (format == CatalogFormat.TSV) {
            schema = schema.withoutQuoteChar().withoutEscapeChar(); // O*NET's TSV has quotes inside statements
        }
        CsvParser parser = new CsvMapper().getFactory().createParser(reader);
        parser.setSchema(schema);
        parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        return new TableRows(name, separator, parser);
    }

    /** @return the header's column names, trimmed */
    public List<String> header() {
        return header;
    }

    /** @return the line the last row read starts on */
    public long line() {
        return line;
    }

    /**
     * The next row.
     *
     * @return its values, as many as the header has; {@code null} at the end
     * @throws IOException if the text cannot be read
     * @throws BadInputException if the row has another number of fields, or the file cannot be parsed
     */
    public List<String> next() throws IOException, BadInputException {
        List<String> row = read();
        if (row != null && row.size() != header.size()) {
            throw new BadInputException(name + ":" + line + ": the record has " + row.size() + " fields, the header "
                    + header.size() + (separator == '\t' ? " (a stray tab?)" : " (an unquoted comma?)"));
        }
        return row;
    }

    // one row's values, noting the line its first value starts on
    private List<String> read() throws IOException, BadInputException {
        try {
            if (parser.nextToken() == null) {
                return null;
            }
            List<String> row = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != null && token != JsonToken.END_ARRAY;
                    token = parser.nextToken()) {
                if (row.isEmpty()) {
                    line = parser.currentTokenLocation().getLineNr();
                }
                row.add(parser.getText());
            }
            return row;
        } catch (JsonProcessingException e) {
            throw new BadInputException(name + ":" + JsonErrors.line(e, line) + ": " + JsonErrors.message(e)
                    + "; the file cannot be read past this point: fix the quoting", e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}

package dev.moravec.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.moravec.catalog.internal.CountingInputStream;
import dev.moravec.model.BadInputException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV and TSV catalogs with a header line, with Jackson's CSV parser. TSV is read without
 * quoting, as the O*NET text release writes it; CSV follows RFC 4180 quoting, so a statement may hold
 * commas, quotes and line breaks.
 */
final class TabularCatalogReader implements CatalogReader {

    private final String source;
    private final CountingInputStream counter;
    private final CsvParser parser;
    private final TabularLayout layout;
    private long firstValueLine;

    TabularCatalogReader(String source, Reader reader, CountingInputStream counter, CatalogFormat format,
            OccupationCodes codes) throws IOException, BadInputException {
        this.source = source;
        this.counter = counter;
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(format == CatalogFormat.TSV ? '\t' : ',');
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
        this.layout = TabularLayout.recognise(source, header, format, codes);
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
        return layout.entry(source, line, row);
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

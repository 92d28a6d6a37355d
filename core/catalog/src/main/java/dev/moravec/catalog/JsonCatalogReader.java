package dev.moravec.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.catalog.internal.CountingInputStream;
import dev.moravec.model.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads JSON Lines (one object per line; a broken line is rejected and reading goes on) and JSON
 * arrays of objects (streamed element by element; a syntax error ends the file). Each object becomes a
 * task as {@link JsonRecords} says.
 */
final class JsonCatalogReader implements CatalogReader {

    private final String source;
    private final ObjectMapper mapper;
    private final CountingInputStream counter;
    private final BufferedReader lines;
    private final JsonParser array;
    private long lineNumber;

    private final OccupationCodes codes;

    private JsonCatalogReader(String source, ObjectMapper mapper, CountingInputStream counter, BufferedReader lines,
            JsonParser array, OccupationCodes codes) {
        this.codes = codes;
        this.source = source;
        this.mapper = mapper;
        this.counter = counter;
        this.lines = lines;
        this.array = array;
    }

    static JsonCatalogReader jsonLines(String source, ObjectMapper mapper, CountingInputStream counter,
            BufferedReader reader, OccupationCodes codes) {
        return new JsonCatalogReader(source, mapper, counter, reader, null, codes);
    }

    static JsonCatalogReader jsonArray(String source, ObjectMapper mapper, CountingInputStream counter,
            BufferedReader reader, OccupationCodes codes) throws IOException, BadInputException {
        JsonParser parser = mapper.createParser(reader);
        JsonToken first;
        try {
            first = parser.nextToken();
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + ":" + JsonErrors.line(e, 1) + ": " + JsonErrors.message(e), e);
        }
        if (first != JsonToken.START_ARRAY) {
            throw new BadInputException(source + ":1: a JSON catalog is an array of task objects: [{...}, {...}]");
        }
        return new JsonCatalogReader(source, mapper, counter, null, parser, codes);
    }

    @Override
    public CatalogEntry next() throws IOException, BadInputException {
        return array != null ? nextElement() : nextLine();
    }

    private CatalogEntry nextLine() throws IOException {
        String line;
        do {
            line = lines.readLine();
            lineNumber++;
            if (line == null) {
                return null;
            }
        } while (line.isBlank());
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        return JsonRecords.fromLine(source, lineNumber, line, mapper, codes);
    }

    private CatalogEntry nextElement() throws IOException, BadInputException {
        try {
            JsonToken token = array.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                return null;
            }
            long line = array.currentTokenLocation().getLineNr();
            JsonNode node = mapper.readTree(array);
            return JsonRecords.fromNode(source, line, node, node.toString(), mapper, codes);
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + ":" + JsonErrors.line(e, array.currentTokenLocation().getLineNr()) + ": "
                    + JsonErrors.message(e) + "; the array cannot be read past this point", e);
        }
    }

    @Override
    public long bytesRead() {
        return counter.count();
    }

    @Override
    public void close() throws IOException {
        if (array != null) {
            array.close();
        } else {
            lines.close();
        }
    }
}

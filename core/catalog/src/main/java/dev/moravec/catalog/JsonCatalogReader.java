package dev.moravec.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.catalog.internal.CountingInputStream;
import dev.moravec.model.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads JSON Lines (one object per line; a broken line is rejected and reading goes on) and JSON
 * arrays of objects (streamed element by element; a syntax error ends the file). Keys are recognised
 * as {@link Column} names. Moravec's own output reads back as input: {@code occupation} may be an
 * object with {@code code} and {@code title}, {@code weights} one with the task weights, a
 * {@code fields} object is carried through as it is, and a previous verdict is dropped.
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
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            return new Rejection(source, lineNumber, null, "not valid JSON: " + JsonErrors.message(e), line);
        }
        return build(lineNumber, node, line);
    }

    private CatalogEntry nextElement() throws IOException, BadInputException {
        try {
            JsonToken token = array.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                return null;
            }
            long line = array.currentTokenLocation().getLineNr();
            JsonNode node = mapper.readTree(array);
            return build(line, node, node.toString());
        } catch (JsonProcessingException e) {
            throw new BadInputException(source + ":" + JsonErrors.line(e, array.currentTokenLocation().getLineNr()) + ": "
                    + JsonErrors.message(e) + "; the array cannot be read past this point", e);
        }
    }

    private CatalogEntry build(long line, JsonNode node, String raw) {
        if (!(node instanceof ObjectNode object)) {
            return new Rejection(source, line, null, "a task record must be a JSON object, found " + node.getNodeType(),
                    raw);
        }
        EnumMap<Column, String> values = new EnumMap<>(Column.class);
        Map<Column, String> names = new LinkedHashMap<>();
        ObjectNode fields = mapper.createObjectNode();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals("fields") && value.isObject()) {
                fields.setAll((ObjectNode) value);
                continue;
            }
            if (VerdictJson.VERDICT_KEYS.contains(key)) {
                continue; // a previous Moravec verdict: this run replaces it
            }
            if (key.equals("weights") && value.isObject()) {
                putText(values, names, Column.IMPORTANCE, "weights.importance", value.get("importance"));
                putText(values, names, Column.RELEVANCE, "weights.relevance", value.get("relevance"));
                putText(values, names, Column.FREQUENCY, "weights.frequency", value.get("frequency"));
                continue;
            }
            if (key.equals("occupation") && value.isObject()) {
                putText(values, names, Column.OCCUPATION_CODE, "occupation.code", value.get("code"));
                putText(values, names, Column.OCCUPATION_TITLE, "occupation.title", value.get("title"));
                continue;
            }
            Optional<Column> column = Column.recognise(key);
            if (column.isEmpty() && codes != null && codes.recognises(key)) {
                column = Optional.of(Column.OCCUPATION_CODE);
            }
            if (column.isPresent() && (value.isValueNode())) {
                putText(values, names, column.get(), key, value);
            } else {
                fields.set(key, value);
            }
        }
        if (!values.containsKey(Column.STATEMENT)) {
            return new Rejection(source, line, "task", "the record has no task statement: give it a \"task\" or"
                    + " \"statement\" key", raw);
        }
        return new RecordBuilder(source, names, codes).build(line, values, fields, raw);
    }

    private static void putText(EnumMap<Column, String> values, Map<Column, String> names, Column column, String key,
            JsonNode value) {
        if (value != null && !value.isNull()) {
            values.put(column, value.asText());
            names.put(column, key);
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

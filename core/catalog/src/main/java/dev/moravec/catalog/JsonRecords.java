package dev.moravec.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a JSON object becomes a task: the recognition {@code classify} applies to JSON Lines and JSON
 * catalogs, for any reader that hands over a line of text or an object (Moravec's own, or Spark's). Keys
 * are recognised as {@link Column} names. Moravec's own output reads back as input: {@code occupation}
 * may be an object with {@code code} and {@code title}, {@code weights} one with the task weights, a
 * {@code fields} object is carried through as it is, and a previous verdict is dropped. Thread-safe.
 */
public final class JsonRecords {

    private JsonRecords() {}

    /**
     * Builds the record of one line of JSON Lines.
     *
     * @param source the input's name
     * @param line the line's number, from 1; 0 when the reader does not know it
     * @param text the line, without its line break (and without the byte order mark that may open a file)
     * @param mapper the mapper to parse it with
     * @return the record, or a rejection: the line is not valid JSON, not an object, or has a bad field
     */
    public static CatalogEntry fromLine(String source, long line, String text, ObjectMapper mapper) {
        return fromLine(source, line, text, mapper, null);
    }

    /**
     * Builds the record of one line of JSON Lines whose occupation codes may come from another classification.
     *
     * @param source the input's name
     * @param line the line's number, from 1; 0 when the reader does not know it
     * @param text the line
     * @param mapper the mapper to parse it with
     * @param codes maps the codes of another classification, or {@code null} for O*NET-SOC codes
     * @return the record, or a rejection
     */
    public static CatalogEntry fromLine(String source, long line, String text, ObjectMapper mapper, OccupationCodes codes) {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return new Rejection(source, line, null, "not valid JSON: " + JsonErrors.message(e), text);
        }
        return fromNode(source, line, node, text, mapper, codes);
    }

    /**
     * Builds the record of one JSON value.
     *
     * @param source the input's name
     * @param line the line where it starts, from 1; 0 when the reader does not know it
     * @param node the value
     * @param raw the record as read, for a rejection
     * @param mapper the mapper whose nodes hold the fields carried through
     * @return the record, or a rejection: the value is not an object, has no statement, or has a bad field
     */
    public static CatalogEntry fromNode(String source, long line, JsonNode node, String raw, ObjectMapper mapper) {
        return fromNode(source, line, node, raw, mapper, null);
    }

    /**
     * Builds the record of one JSON value whose occupation codes may come from another classification.
     *
     * @param source the input's name
     * @param line the line where it starts, from 1; 0 when the reader does not know it
     * @param node the value
     * @param raw the record as read, for a rejection
     * @param mapper the mapper whose nodes hold the fields carried through
     * @param codes maps the codes of another classification, or {@code null} for O*NET-SOC codes
     * @return the record, or a rejection
     */
    public static CatalogEntry fromNode(String source, long line, JsonNode node, String raw, ObjectMapper mapper,
            OccupationCodes codes) {
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
        return new RecordBuilder(names, codes).build(source, line, values, fields, raw);
    }

    private static void putText(EnumMap<Column, String> values, Map<Column, String> names, Column column, String key,
            JsonNode value) {
        if (value != null && !value.isNull()) {
            values.put(column, value.asText());
            names.put(column, key);
        }
    }
}

package dev.moravec.server.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.catalog.CatalogEntry;
import dev.moravec.catalog.CatalogFormat;
import dev.moravec.catalog.CatalogReader;
import dev.moravec.catalog.CatalogReaders;
import dev.moravec.catalog.CatalogRecord;
import dev.moravec.catalog.Column;
import dev.moravec.catalog.JsonErrors;
import dev.moravec.catalog.Rejection;
import dev.moravec.model.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the body of {@code POST /api/classify}: one task object, or {@code {"tasks": [...]}}. Each
 * task is read by the engine's JSON catalog reader, so the API accepts exactly the keys a JSON catalog
 * may have ({@code id}, {@code statement} or {@code task}, {@code occupation}, {@code taskType},
 * weights, other keys carried through under {@code fields}); {@code occupation} may also be a plain code.
 */
public final class ClassifyRequests {

    /**
     * A read request.
     *
     * @param batch whether it was a {@code {"tasks": [...]}} batch (answered as {@code {"results": [...]}})
     * @param records the tasks, in request order
     */
    public record Parsed(boolean batch, List<CatalogRecord> records) {}

    private final ObjectMapper mapper;
    private final CatalogReaders readers;
    private final int maxBatch;
    private final Function<String, Optional<String>> titles;

    /**
     * @param mapper the project's mapper
     * @param maxBatch the most tasks in one request
     * @param titles an occupation's title by code, for tasks that give only the code
     */
    public ClassifyRequests(ObjectMapper mapper, int maxBatch, Function<String, Optional<String>> titles) {
        this.mapper = mapper;
        this.readers = new CatalogReaders(mapper, InputStream.nullInputStream());
        this.maxBatch = maxBatch;
        this.titles = titles;
    }

    /**
     * Reads a body.
     *
     * @param body the request body
     * @return the tasks
     * @throws ApiException 400 for a body that is not JSON or not tasks, 422 for a batch over the limit
     */
    public Parsed parse(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "the body is not valid JSON: " + JsonErrors.message(e) + " (line "
                    + JsonErrors.line(e, 1) + (e.getLocation() == null ? "" : ", column " + e.getLocation().getColumnNr())
                    + ")");
        } catch (IOException e) {
            throw new ApiException(400, "the body cannot be read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) { // an empty or blank body
            throw new ApiException(400, "send a JSON body: one task {\"statement\": \"...\"} or"
                    + " {\"tasks\": [{\"id\": \"1\", \"statement\": \"...\", \"occupation\": \"15-1252.00\"}, ...]}");
        }
        if (!(root instanceof ObjectNode object)) {
            throw new ApiException(400, "the body must be a JSON object: one task, or {\"tasks\": [...]}");
        }
        boolean batch = object.has("tasks");
        ArrayNode tasks = mapper.createArrayNode();
        if (batch) {
            JsonNode list = object.get("tasks");
            if (!list.isArray()) {
                throw new ApiException(400, "\"tasks\" must be an array of task objects");
            }
            if (list.isEmpty()) {
                throw new ApiException(400, "\"tasks\" is empty: send at least one task");
            }
            if (list.size() > maxBatch) {
                throw new ApiException(422, "the batch holds " + list.size() + " tasks; at most " + maxBatch
                        + " are classified in one request: split it");
            }
            list.forEach(tasks::add);
        } else {
            tasks.add(object);
        }
        // the tasks up to the first that is not an object are read; errors come in the order of the tasks
        ArrayNode objects = mapper.createArrayNode();
        while (objects.size() < tasks.size() && tasks.get(objects.size()) instanceof ObjectNode task) {
            objects.add(normalise(task, objects.size()));
        }
        List<CatalogRecord> records = read(objects, batch);
        if (objects.size() < tasks.size()) {
            throw new ApiException(400, where(batch, objects.size()) + "is not a JSON object");
        }
        return new Parsed(batch, records);
    }

    // an id where none is given (its position, from 1) and a bare occupation code as {"code": ...}
    private ObjectNode normalise(ObjectNode task, int position) {
        ObjectNode copy = task.deepCopy();
        boolean hasId = copy.properties().stream()
                .anyMatch(e -> !e.getValue().isNull() && Column.recognise(e.getKey()).orElse(null) == Column.ID);
        if (!hasId) {
            copy.put("id", String.valueOf(position + 1));
        }
        JsonNode occupation = copy.get("occupation");
        if (occupation != null && occupation.isTextual()) {
            copy.set("occupation", mapper.createObjectNode().put("code", occupation.asText()));
        }
        return copy;
    }

    // one reader for the request's tasks, each read as a catalog record of a JSON array
    private List<CatalogRecord> read(ArrayNode tasks, boolean batch) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(tasks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree is always writable", e);
        }
        List<CatalogRecord> records = new ArrayList<>(tasks.size());
        try (CatalogReader reader = readers.open("request", new ByteArrayInputStream(json), Optional.of(CatalogFormat.JSON))) {
            while (records.size() < tasks.size()) {
                CatalogEntry entry = reader.next();
                if (entry instanceof Rejection rejection) {
                    throw new ApiException(400, where(batch, records.size()) + (rejection.field() == null ? ""
                            : "field '" + rejection.field() + "': ") + rejection.reason());
                }
                CatalogRecord record = (CatalogRecord) entry;
                String code = record.task().occupationCode();
                if (record.occupationTitle() == null && code != null) {
                    Optional<String> title = titles.apply(code);
                    if (title.isPresent()) {
                        record = new CatalogRecord(record.source(), record.line(), record.task(), title.get(),
                                record.fields());
                    }
                }
                records.add(record);
            }
        } catch (IOException | BadInputException e) {
            throw new ApiException(400, where(batch, records.size()) + e.getMessage());
        }
        return records;
    }

    private static String where(boolean batch, int position) {
        return batch ? "tasks[" + position + "]: " : "the task: ";
    }
}

package dev.moravec.taxonomy.index.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.api.Task;
import dev.moravec.api.TaskType;
import dev.moravec.api.TaskWeights;
import dev.moravec.api.WorkActivity;
import dev.moravec.taxonomy.sources.Occupation;
import dev.moravec.taxonomy.sources.TaxonomyTask;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** The JSON the index stores for each task and occupation, from which every document can be rebuilt. */
public final class Codec {

    private final ObjectMapper mapper;

    /**
     * @param mapper the mapper
     */
    public Codec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @return the mapper */
    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * A task as JSON.
     *
     * @param task the task
     * @return its JSON text
     */
    public String task(TaxonomyTask task) {
        Task t = task.task();
        ObjectNode node = mapper.createObjectNode();
        node.put("id", t.id());
        node.put("statement", t.statement());
        node.put("occupation", t.occupationCode());
        node.put("type", t.type() == null ? null : t.type().name());
        t.weights().importance().ifPresent(v -> node.put("importance", v));
        t.weights().relevance().ifPresent(v -> node.put("relevance", v));
        t.weights().frequency().ifPresent(v -> node.put("frequency", v));
        node.set("activities", mapper.valueToTree(task.activities()));
        return write(node);
    }

    /**
     * Reads a task written by {@link #task(TaxonomyTask)}.
     *
     * @param json the JSON text
     * @return the task
     */
    public TaxonomyTask task(String json) {
        JsonNode node = read(json);
        Task task = new Task(node.get("id").asText(), node.get("statement").asText(),
                node.path("occupation").isNull() ? null : node.path("occupation").asText(null),
                node.path("type").isNull() || node.path("type").isMissingNode() ? null
                        : TaskType.valueOf(node.get("type").asText()),
                new TaskWeights(optional(node, "importance"), optional(node, "relevance"), optional(node, "frequency")));
        List<WorkActivity> activities = new ArrayList<>();
        for (JsonNode activity : (ArrayNode) node.path("activities")) {
            activities.add(mapper.convertValue(activity, WorkActivity.class));
        }
        return new TaxonomyTask(task, activities);
    }

    /**
     * An occupation as JSON.
     *
     * @param occupation the occupation
     * @return its JSON text
     */
    public String occupation(Occupation occupation) {
        return write(mapper.valueToTree(occupation));
    }

    /**
     * Reads an occupation written by {@link #occupation(Occupation)}.
     *
     * @param json the JSON text
     * @return the occupation
     */
    public Occupation occupation(String json) {
        return mapper.convertValue(read(json), Occupation.class);
    }

    /**
     * Parses stored JSON.
     *
     * @param json the text
     * @return the tree
     */
    public JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the index holds damaged JSON: re-import the taxonomy", e);
        }
    }

    /**
     * Writes JSON.
     *
     * @param node the tree
     * @return the text
     */
    public String write(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OptionalDouble optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? OptionalDouble.empty() : OptionalDouble.of(value.asDouble());
    }
}

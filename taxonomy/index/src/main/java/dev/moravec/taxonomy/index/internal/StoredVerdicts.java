package dev.moravec.taxonomy.index.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.Task;
import dev.moravec.catalog.VerdictJson;
import dev.moravec.catalog.VerdictJson.Precision;
import dev.moravec.model.BottleneckProfile;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Quadrant;
import dev.moravec.model.ScorerShare;
import dev.moravec.model.Scores;
import dev.moravec.model.TaskWeighting;
import dev.moravec.model.Verdict;
import dev.moravec.taxonomy.index.StoredVerdict;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The stored JSON of a task's verdict and of an occupation's score, in the field names of the output
 * record ({@link VerdictJson}) with values kept exactly, so that what is read back equals what was
 * stored. A task's verdict also keeps the keys that decide whether it can be reused.
 */
public final class StoredVerdicts {

    private final ObjectMapper mapper;

    /**
     * @param mapper the project's mapper
     */
    public StoredVerdicts(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param stored a task's verdict with its keys
     * @return its stored JSON
     */
    public String write(StoredVerdict stored) {
        return json(json -> {
            json.writeStartObject();
            VerdictJson.writeScores(json, stored.verdict().scores(), Precision.EXACT);
            VerdictJson.writeVerification(json, stored.verdict().verification());
            VerdictJson.writeBottlenecks(json, stored.verdict().bottlenecks().factors(), true, Precision.EXACT);
            json.writeStringField("contentKey", stored.contentKey());
            json.writeStringField("ratingKey", stored.ratingKey());
            json.writeStringField("configKey", stored.configKey());
            json.writeObjectFieldStart("shares");
            for (ScorerShare share : stored.shares()) {
                json.writeArrayFieldStart(share.scorer());
                json.writeNumber(share.transferability());
                json.writeNumber(share.verificationCost());
                json.writeEndArray();
            }
            json.writeEndObject();
            VerdictJson.writeOutcomes(json, stored.verdict().outcomes());
            json.writeEndObject();
        });
    }

    /**
     * Reads a task's stored verdict.
     *
     * @param task the task
     * @param json what {@link #write(StoredVerdict)} stored
     * @return the verdict with its keys
     */
    public StoredVerdict read(Task task, String json) {
        JsonNode node = read(json);
        List<Bottleneck> bottlenecks = VerdictJson.readBottlenecks(node);
        Verdict verdict = new Verdict(task, VerdictJson.readScores(node), VerdictJson.readOutcomes(node),
                bottlenecks.isEmpty() ? BottleneckProfile.NONE : new BottleneckProfile(bottlenecks),
                VerdictJson.readVerification(node));
        List<ScorerShare> shares = new ArrayList<>();
        node.path("shares").properties().forEach(e -> shares.add(
                new ScorerShare(e.getKey(), e.getValue().path(0).asDouble(), e.getValue().path(1).asDouble())));
        // a verdict stored without its shares is combined again by the next classification, which adds them
        String configKey = node.has("shares") ? node.path("configKey").asText() : "";
        return new StoredVerdict(verdict, shares, node.path("contentKey").asText(), node.path("ratingKey").asText(),
                configKey);
    }

    /**
     * The scores of a stored verdict, for listings that need no ratings.
     *
     * @param json a task's stored verdict, or {@code null} before it is classified
     * @return T, V, S and the quadrant; {@link Scores#NONE} when there is no verdict yet
     */
    public Scores scores(String json) {
        return json == null ? Scores.NONE : VerdictJson.readScores(read(json));
    }

    /**
     * The dominant bottleneck of a stored verdict, for listings that need no ratings.
     *
     * @param json a task's stored verdict, or {@code null} before it is classified
     * @return its strongest factor, when that reaches the floor of what is shown
     */
    public java.util.Optional<BottleneckFactor> dominant(String json) {
        if (json == null) {
            return java.util.Optional.empty();
        }
        List<Bottleneck> bottlenecks = VerdictJson.readBottlenecks(read(json));
        return bottlenecks.isEmpty() ? java.util.Optional.empty() : new BottleneckProfile(bottlenecks).dominant();
    }

    /**
     * @param score an occupation's score
     * @return its stored JSON
     */
    public String write(OccupationScore score) {
        return json(json -> {
            json.writeStartObject();
            json.writeNumberField("tasks", score.tasks());
            json.writeNumberField("rated", score.rated());
            VerdictJson.writeScores(json, score.means(), Precision.EXACT);
            json.writeObjectFieldStart("shares");
            for (Map.Entry<Quadrant, Double> share : score.shares().entrySet()) {
                json.writeNumberField(share.getKey().name(), share.getValue());
            }
            json.writeEndObject();
            json.writeStringField("weighting", score.weighting().name());
            writeFactors(json, "factors", score.factors());
            writeFactors(json, "laggingBy", score.laggingBy());
            json.writeEndObject();
        });
    }

    private static void writeFactors(JsonGenerator json, String name, Map<BottleneckFactor, Double> values)
            throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<BottleneckFactor, Double> e : values.entrySet()) {
            json.writeNumberField(e.getKey().name(), e.getValue());
        }
        json.writeEndObject();
    }

    private static Map<BottleneckFactor, Double> readFactors(JsonNode node) {
        Map<BottleneckFactor, Double> values = new EnumMap<>(BottleneckFactor.class);
        node.properties().forEach(e -> values.put(BottleneckFactor.valueOf(e.getKey()), e.getValue().asDouble()));
        return values;
    }

    /**
     * Reads an occupation's stored score.
     *
     * @param json what {@link #write(OccupationScore)} stored
     * @return the score
     */
    public OccupationScore occupationScore(String json) {
        JsonNode node = read(json);
        Map<Quadrant, Double> shares = new EnumMap<>(Quadrant.class);
        node.path("shares").properties().forEach(e -> shares.put(Quadrant.valueOf(e.getKey()), e.getValue().asDouble()));
        Scores means = VerdictJson.readScores(node);
        return new OccupationScore(node.get("tasks").asInt(), node.get("rated").asInt(), means.transferability(),
                means.verificationCost(), means.score(), shares, TaskWeighting.valueOf(node.get("weighting").asText()),
                readFactors(node.path("factors")), readFactors(node.path("laggingBy")));
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the index holds a stored verdict that is not JSON: import again", e);
        }
    }

    private interface Writing {
        void write(JsonGenerator json) throws IOException;
    }

    private String json(Writing writing) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = mapper.getFactory().createGenerator(text)) {
            writing.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}

package dev.moravec.engine.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.moravec.api.Rating;
import dev.moravec.engine.RatingStatus;
import dev.moravec.engine.ScorerOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One scorer's outcome as JSON, the {@code ratings[]} element of the output record:
 * {@code scorer, version, status}, then {@code transferability, verificationCost, confidence,
 * evidence} for a rating or {@code reason} for a failure. Written by the output writers and read back
 * wherever stored or written verdicts are used again.
 */
public final class OutcomeJson {

    private OutcomeJson() {}

    /**
     * Writes an outcome as a JSON object.
     *
     * @param json where to write
     * @param outcome the outcome
     * @throws IOException if writing fails
     */
    public static void write(JsonGenerator json, ScorerOutcome outcome) throws IOException {
        json.writeStartObject();
        json.writeStringField("scorer", outcome.scorer());
        json.writeStringField("version", outcome.version());
        json.writeStringField("status", outcome.status().name());
        Rating rating = outcome.rating();
        if (rating != null) {
            number(json, "transferability", rating.transferability());
            number(json, "verificationCost", rating.verificationCost());
            json.writeNumberField("confidence", VerdictWriter.round(rating.confidence()));
            json.writeArrayFieldStart("evidence");
            for (String reason : rating.evidence()) {
                json.writeString(reason);
            }
            json.writeEndArray();
        } else {
            json.writeStringField("reason", outcome.reason());
        }
        json.writeEndObject();
    }

    /**
     * Writes a value rounded for output, or {@code null} when it is empty.
     *
     * @param json where to write
     * @param name the field's name
     * @param value the value
     * @throws IOException if writing fails
     */
    public static void number(JsonGenerator json, String name, OptionalDouble value) throws IOException {
        if (value.isPresent()) {
            json.writeNumberField(name, VerdictWriter.round(value.getAsDouble()));
        } else {
            json.writeNullField(name);
        }
    }

    /**
     * Reads an outcome written by {@link #write}.
     *
     * @param node the JSON object
     * @return the outcome
     * @throws IllegalArgumentException if the object is not an outcome; the message names the field
     */
    public static ScorerOutcome read(JsonNode node) {
        String scorer = text(node, "scorer");
        String version = text(node, "version");
        RatingStatus status;
        try {
            status = RatingStatus.valueOf(text(node, "status"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status '" + node.path("status").asText() + "' is not one of "
                    + java.util.Arrays.toString(RatingStatus.values()), e);
        }
        if (status != RatingStatus.OK && status != RatingStatus.ABSTAINED) {
            return ScorerOutcome.unrated(scorer, version, status, text(node, "reason"));
        }
        List<String> evidence = new ArrayList<>();
        node.path("evidence").forEach(e -> evidence.add(e.asText()));
        Rating rating = new Rating(optional(node.get("transferability")), optional(node.get("verificationCost")),
                node.path("confidence").asDouble(), evidence);
        return ScorerOutcome.rated(scorer, version, rating);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw new IllegalArgumentException("a rating has no '" + field + "'");
        }
        return value.asText();
    }

    private static OptionalDouble optional(JsonNode value) {
        return value == null || value.isNull() ? OptionalDouble.empty() : OptionalDouble.of(value.asDouble());
    }
}

package dev.moravec.descriptors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/**
 * The mapping from O*NET descriptors to the two axes, read from JSON: generalized and intermediate
 * work activities, skills, knowledge and job zones, each with a transferability {@code t} and/or a
 * verification cost {@code v}, and the weights of task-level and occupation-level evidence.
 *
 * @param weights how much each kind of evidence counts
 * @param generalizedActivities GWA element id to its position
 * @param intermediateActivities IWA id to its position; overrides the GWA above it
 * @param skills skill element id to its position
 * @param knowledge knowledge element id to its position
 * @param toolsAndTechnology the two poles, {@code tools} and {@code technology}, between which an
 *     occupation's share of technology skills among its tools and technology skills places it
 * @param jobZones job zone (1-5) to its position
 */
record DescriptorMapping(
        @JsonProperty("weights") Weights weights,
        @JsonProperty("generalizedActivities") Map<String, Position> generalizedActivities,
        @JsonProperty("intermediateActivities") Map<String, Position> intermediateActivities,
        @JsonProperty("skills") Map<String, Position> skills,
        @JsonProperty("knowledge") Map<String, Position> knowledge,
        @JsonProperty("toolsAndTechnology") Map<String, Position> toolsAndTechnology,
        @JsonProperty("jobZones") Map<String, Position> jobZones) {

    /**
     * Where a descriptor puts a task; either axis may be absent.
     *
     * @param name the descriptor's name, for evidence
     * @param t transferability, or {@code null}
     * @param v verification cost, or {@code null}
     */
    record Position(@JsonProperty("name") String name, @JsonProperty("t") Double t, @JsonProperty("v") Double v) {}

    /**
     * @param activity the weight of each of a task's work activities
     * @param occupation the weight of the occupation's skills and knowledge, taken together
     * @param jobZone the weight of the occupation's job zone
     * @param toolsAndTechnology the weight of the occupation's tools and technology skills (0 when absent)
     * @param minimumImportance skills and knowledge rated less important than this are left out
     */
    record Weights(@JsonProperty("activity") double activity, @JsonProperty("occupation") double occupation,
            @JsonProperty("jobZone") double jobZone, @JsonProperty("toolsAndTechnology") double toolsAndTechnology,
            @JsonProperty("minimumImportance") double minimumImportance) {}

    /**
     * Reads and checks a mapping.
     *
     * @param json the file's bytes
     * @param source its name, for messages
     * @return the mapping
     * @throws IOException if the JSON is malformed or a value lies outside [0, 1]
     */
    static DescriptorMapping read(byte[] json, String source) throws IOException {
        DescriptorMapping mapping;
        try {
            mapping = new ObjectMapper().readerFor(DescriptorMapping.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IOException(source + ":" + line + ": " + e.getOriginalMessage(), e);
        }
        if (mapping == null || mapping.weights() == null || mapping.generalizedActivities() == null) {
            throw new IOException(source + ": a descriptor mapping needs 'weights' and 'generalizedActivities'");
        }
        for (Map.Entry<String, Map<String, Position>> section : Map.of(
                "generalizedActivities", mapping.generalizedActivities(),
                "intermediateActivities", orEmpty(mapping.intermediateActivities()), "skills", orEmpty(mapping.skills()),
                "knowledge", orEmpty(mapping.knowledge()), "toolsAndTechnology", orEmpty(mapping.toolsAndTechnology()),
                "jobZones", orEmpty(mapping.jobZones())).entrySet()) {
            for (Map.Entry<String, Position> entry : section.getValue().entrySet()) {
                check(source, section.getKey(), entry.getKey(), "t", entry.getValue().t());
                check(source, section.getKey(), entry.getKey(), "v", entry.getValue().v());
            }
        }
        Map<String, Position> poles = orEmpty(mapping.toolsAndTechnology());
        if (!poles.isEmpty() && !(poles.containsKey("tools") && poles.containsKey("technology") && poles.size() == 2)) {
            throw new IOException(source + ": toolsAndTechnology needs exactly two entries, 'tools' and 'technology',"
                    + " not " + poles.keySet());
        }
        return mapping;
    }

    private static Map<String, Position> orEmpty(Map<String, Position> map) {
        return map == null ? Map.of() : map;
    }

    private static void check(String source, String section, String id, String axis, Double value) throws IOException {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new IOException(source + ": " + section + "." + id + "." + axis + " = " + value + " is outside [0, 1]");
        }
    }

    Position intermediate(String id) {
        return intermediateActivities == null ? null : intermediateActivities.get(id);
    }

    Position skill(String id) {
        return skills == null ? null : skills.get(id);
    }

    Position knowledgeArea(String id) {
        return knowledge == null ? null : knowledge.get(id);
    }

    /** @return the pole of all physical equipment, or {@code null} when the mapping leaves tools out */
    Position toolsPole() {
        return toolsAndTechnology == null ? null : toolsAndTechnology.get("tools");
    }

    /** @return the pole of all software */
    Position technologyPole() {
        return toolsAndTechnology == null ? null : toolsAndTechnology.get("technology");
    }

    Position jobZone(int zone) {
        return jobZones == null ? null : jobZones.get(Integer.toString(zone));
    }
}

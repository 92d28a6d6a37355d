package dev.moravec.descriptors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.VerificationMode;
import java.io.IOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mapping from O*NET descriptors to the two axes, the verification modes and the bottleneck
 * factors, read from JSON: generalized and intermediate work activities, skills, knowledge, abilities,
 * work context and job zones, each with a transferability {@code t} and/or a verification cost
 * {@code v}, a verification {@code mode} and the {@code factors} it raises, and the weights of
 * task-level and occupation-level evidence.
 *
 * @param weights how much each kind of evidence counts
 * @param generalizedActivities GWA element id to its position
 * @param intermediateActivities IWA id to its position; overrides the GWA above it
 * @param skills skill element id to its position
 * @param knowledge knowledge element id to its position
 * @param toolsAndTechnology the two poles, {@code tools} and {@code technology}, between which an
 *     occupation's share of technology skills among its tools and technology skills places it
 * @param jobZones job zone (1-5) to its position
 * @param abilities ability element id to its position, where the imported release rates abilities
 * @param workContext work context element id to its position, where the imported release has work context
 */
record DescriptorMapping(
        @JsonProperty("weights") Weights weights,
        @JsonProperty("generalizedActivities") Map<String, Position> generalizedActivities,
        @JsonProperty("intermediateActivities") Map<String, Position> intermediateActivities,
        @JsonProperty("skills") Map<String, Position> skills,
        @JsonProperty("knowledge") Map<String, Position> knowledge,
        @JsonProperty("toolsAndTechnology") Map<String, Position> toolsAndTechnology,
        @JsonProperty("jobZones") Map<String, Position> jobZones,
        @JsonProperty("abilities") Map<String, Position> abilities,
        @JsonProperty("workContext") Map<String, Position> workContext) {

    /**
     * Where a descriptor puts a task; either axis, the mode and the factors may be absent.
     *
     * @param name the descriptor's name, for evidence
     * @param t transferability, or {@code null}
     * @param v verification cost, or {@code null}; without one, a mode's {@link VerificationMode#typicalCost()}
     * @param mode how an attempt at such work is checked, or {@code null}
     * @param factors the bottleneck factors it raises, with their strengths; empty when none
     */
    record Position(@JsonProperty("name") String name, @JsonProperty("t") Double t, @JsonProperty("v") Double v,
            @JsonProperty("mode") VerificationMode mode, @JsonProperty("factors") Map<BottleneckFactor, Double> factors) {

        /** Gives a mode without a cost its typical cost, and copies the factors. */
        Position {
            if (v == null && mode != null) {
                v = mode.typicalCost();
            }
            Map<BottleneckFactor, Double> copy = new EnumMap<>(BottleneckFactor.class);
            if (factors != null) {
                copy.putAll(factors);
            }
            factors = Collections.unmodifiableMap(copy);
        }

        /**
         * A position on the axes alone.
         *
         * @param name the name
         * @param t transferability, or {@code null}
         * @param v verification cost, or {@code null}
         */
        Position(String name, Double t, Double v) {
            this(name, t, v, null, null);
        }
    }

    /**
     * @param activity the weight of each of a task's work activities
     * @param occupation the weight of the occupation's skills and knowledge, taken together
     * @param jobZone the weight of the occupation's job zone
     * @param toolsAndTechnology the weight of the occupation's tools and technology skills (0 when absent)
     * @param abilities the weight of the occupation's abilities, taken together (0 when absent)
     * @param workContext the weight of the occupation's work context, taken together (0 when absent)
     * @param minimumImportance skills, knowledge and abilities rated less important than this are left out
     */
    record Weights(@JsonProperty("activity") double activity, @JsonProperty("occupation") double occupation,
            @JsonProperty("jobZone") double jobZone, @JsonProperty("toolsAndTechnology") double toolsAndTechnology,
            @JsonProperty("abilities") double abilities, @JsonProperty("workContext") double workContext,
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
        Map<String, Map<String, Position>> sections = new LinkedHashMap<>();
        sections.put("generalizedActivities", mapping.generalizedActivities());
        sections.put("intermediateActivities", orEmpty(mapping.intermediateActivities()));
        sections.put("skills", orEmpty(mapping.skills()));
        sections.put("knowledge", orEmpty(mapping.knowledge()));
        sections.put("abilities", orEmpty(mapping.abilities()));
        sections.put("workContext", orEmpty(mapping.workContext()));
        sections.put("toolsAndTechnology", orEmpty(mapping.toolsAndTechnology()));
        sections.put("jobZones", orEmpty(mapping.jobZones()));
        for (Map.Entry<String, Map<String, Position>> section : sections.entrySet()) {
            for (Map.Entry<String, Position> entry : section.getValue().entrySet()) {
                if (entry.getValue() == null) {
                    throw new IOException(source + ": " + section.getKey() + "." + entry.getKey() + " is null");
                }
                check(source, section.getKey(), entry.getKey(), "t", entry.getValue().t());
                check(source, section.getKey(), entry.getKey(), "v", entry.getValue().v());
                for (Map.Entry<BottleneckFactor, Double> factor : entry.getValue().factors().entrySet()) {
                    check(source, section.getKey(), entry.getKey(), "factors." + factor.getKey(), factor.getValue());
                    if (factor.getValue() == null) {
                        throw new IOException(source + ": " + section.getKey() + "." + entry.getKey() + ".factors."
                                + factor.getKey() + " is null");
                    }
                }
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

    Position ability(String id) {
        return abilities == null ? null : abilities.get(id);
    }

    Position context(String id) {
        return workContext == null ? null : workContext.get(id);
    }

    Position jobZone(int zone) {
        return jobZones == null ? null : jobZones.get(Integer.toString(zone));
    }
}

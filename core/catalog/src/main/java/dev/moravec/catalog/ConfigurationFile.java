package dev.moravec.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.model.BadInputException;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Scenario;
import dev.moravec.model.ScorerSettings;
import dev.moravec.model.Thresholds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration file ({@code conf/moravec.json}, {@code --config}): reads it into an
 * {@link EngineConfig} with errors that name the file, line and key, and writes one, as
 * {@code moravec calibrate} does.
 */
public final class ConfigurationFile {

    private ConfigurationFile() {}

    /**
     * Reads a configuration file.
     *
     * @param file the JSON file
     * @param mapper the mapper to read it with
     * @return the configuration, defaults filled in
     * @throws BadInputException if the file is missing, is not valid JSON, has an unknown key or a value
     *     out of range; the message names the file, line and key
     */
    public static EngineConfig read(Path file, ObjectMapper mapper) throws BadInputException {
        ConfigFile raw;
        try (InputStream in = Files.newInputStream(file)) {
            raw = mapper.readerFor(ConfigFile.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .readValue(in);
        } catch (NoSuchFileException e) {
            throw new BadInputException("configuration file " + file + " does not exist: check the --config path");
        } catch (UnrecognizedPropertyException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() == null ? String.valueOf(r.getIndex()) : r.getFieldName())
                    .collect(java.util.stream.Collectors.joining("."));
            throw new BadInputException(file + ":" + lineOfKey(file, e.getPropertyName(), e.getLocation())
                    + ": unknown key '" + path + "'; known keys there are " + e.getKnownPropertyIds(), e);
        } catch (JsonProcessingException e) {
            throw new BadInputException(where(file, e.getLocation()) + ": " + e.getOriginalMessage()
                    + ". Fix the JSON; see docs/configuration.md for the format", e);
        } catch (IOException e) {
            throw new BadInputException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
        if (raw == null) {
            throw new BadInputException(file + " is empty: write a JSON object, for example {}");
        }
        try {
            return raw.toConfig();
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes this configuration as a file {@link #read} reads back to an equal configuration: every
     * key, defaults included, so the file shows what it decides.
     *
     * @param config the configuration
     * @param file the file to write; its folder is created when missing
     * @param mapper the mapper to write it with
     * @throws IOException if the file cannot be written
     */
    public static void write(EngineConfig config, Path file, ObjectMapper mapper) throws IOException {
        Thresholds thresholds = config.thresholds();
        Map<String, ScorerSettings> scorers = config.scorers();
        Duration taskTimeLimit = config.taskTimeLimit();
        int quarantineAfter = config.quarantineAfter();
        ObjectNode root = mapper.createObjectNode();
        ObjectNode t = root.putObject("thresholds");
        t.put("transferability", thresholds.transferability());
        t.put("verificationCost", thresholds.verificationCost());
        ObjectNode s = root.putObject("scorers");
        scorers.forEach((id, settings) -> {
            ObjectNode scorer = s.putObject(id);
            scorer.put("weight", settings.weight());
            if (settings.transferabilityWeight() != null) {
                scorer.put("transferabilityWeight", settings.transferabilityWeight());
            }
            if (settings.verificationCostWeight() != null) {
                scorer.put("verificationCostWeight", settings.verificationCostWeight());
            }
            scorer.put("enabled", settings.enabled());
            if (!settings.settings().isEmpty()) {
                ObjectNode own = scorer.putObject("settings");
                new TreeMap<>(settings.settings()).forEach(own::put);
            }
        });
        root.put("taskTimeLimitMillis", taskTimeLimit.toMillis());
        root.put("quarantineAfter", quarantineAfter);
        ObjectNode scenarios = root.putObject("scenarios");
        config.scenarios().forEach((name, scenario) -> {
            ObjectNode entry = scenarios.putObject(name);
            entry.put("description", scenario.description());
            ObjectNode relief = entry.putObject("relief");
            scenario.relief().forEach((factor, amount) -> relief.put(factor.name(), amount));
        });
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    // Jackson reports where it stopped reading, which may be past the key; find the key itself
    private static long lineOfKey(Path file, String key, JsonLocation fallback) {
        try {
            List<String> lines = Files.readAllLines(file);
            java.util.regex.Pattern quoted =
                    java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(key) + "\"\\s*:");
            for (int i = 0; i < lines.size(); i++) {
                if (quoted.matcher(lines.get(i)).find()) {
                    return i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall back to Jackson's position
        }
        return fallback == null ? 0 : fallback.getLineNr();
    }

    private static String where(Path file, JsonLocation location) {
        return location == null ? file.toString() : file + ":" + location.getLineNr();
    }

    /** The file's layout: every key optional. */
    private record ConfigFile(
            @JsonProperty("thresholds") ThresholdsFile thresholds,
            @JsonProperty("scorers") Map<String, ScorerFile> scorers,
            @JsonProperty("taskTimeLimitMillis") Long taskTimeLimitMillis,
            @JsonProperty("quarantineAfter") Integer quarantineAfter,
            @JsonProperty("scenarios") Map<String, ScenarioFile> scenarios) {

        EngineConfig toConfig() {
            Thresholds t = Thresholds.DEFAULT;
            if (thresholds != null) {
                t = new Thresholds(
                        thresholds.transferability == null ? t.transferability() : thresholds.transferability,
                        thresholds.verificationCost == null ? t.verificationCost() : thresholds.verificationCost);
            }
            Map<String, ScorerSettings> settings = new TreeMap<>();
            if (scorers != null) {
                for (Map.Entry<String, ScorerFile> e : scorers.entrySet()) {
                    ScorerFile s = e.getValue() == null ? new ScorerFile(null, null, null, null, null) : e.getValue();
                    try {
                        settings.put(e.getKey(), new ScorerSettings(
                                s.weight == null ? 1.0 : s.weight,
                                s.enabled == null || s.enabled,
                                s.settings == null ? Map.of() : s.settings,
                                s.transferabilityWeight, s.verificationCostWeight));
                    } catch (IllegalArgumentException ex) {
                        throw new IllegalArgumentException("scorers." + e.getKey() + ": " + ex.getMessage(), ex);
                    }
                }
            }
            return new EngineConfig(
                    t,
                    settings,
                    taskTimeLimitMillis == null ? EngineConfig.DEFAULT_TASK_TIME_LIMIT : Duration.ofMillis(taskTimeLimitMillis),
                    quarantineAfter == null ? EngineConfig.DEFAULT_QUARANTINE_AFTER : quarantineAfter,
                    allScenarios());
        }

        private Map<String, Scenario> allScenarios() {
            Map<String, Scenario> all = new LinkedHashMap<>(Scenario.DEFAULTS);
            if (scenarios != null) {
                scenarios.forEach((name, file) -> {
                    if (file == null || file.relief == null || file.relief.isEmpty()) {
                        throw new IllegalArgumentException("scenarios." + name + ": give the factors it relieves, for"
                                + " example {\"relief\": {\"TASTE\": 0.5}}");
                    }
                    Map<BottleneckFactor, Double> relief = new EnumMap<>(BottleneckFactor.class);
                    file.relief.forEach((factor, amount) -> {
                        try {
                            relief.put(BottleneckFactor.valueOf(factor), amount);
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("scenarios." + name + ".relief: '" + factor
                                    + "' is not a bottleneck factor; the factors are "
                                    + java.util.Arrays.toString(BottleneckFactor.values()), e);
                        }
                    });
                    try {
                        all.put(name, new Scenario(name, file.description, relief));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("scenarios." + name + ": " + e.getMessage(), e);
                    }
                });
            }
            return all;
        }
    }

    private record ScenarioFile(
            @JsonProperty("description") String description,
            @JsonProperty("relief") Map<String, Double> relief) {}

    private record ThresholdsFile(
            @JsonProperty("transferability") Double transferability,
            @JsonProperty("verificationCost") Double verificationCost) {}

    private record ScorerFile(
            @JsonProperty("weight") Double weight,
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("settings") Map<String, String> settings,
            @JsonProperty("transferabilityWeight") Double transferabilityWeight,
            @JsonProperty("verificationCostWeight") Double verificationCostWeight) {}
}

package dev.moravec.engine;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the engine scores and combines: thresholds, per-scorer weights and settings, the per-task time
 * limit and the quarantine rule. Read from a JSON file with {@link #read(Path, ObjectMapper)}:
 *
 * <pre>{@code
 * {
 *   "thresholds": {"transferability": 0.5, "verificationCost": 0.5},
 *   "scorers": {"lexicon": {"weight": 1.0, "enabled": true, "settings": {"file": "my-lexicon.json"}},
 *               "semantic": {"weight": 1.0, "transferabilityWeight": 4.0}},
 *   "taskTimeLimitMillis": 5000,
 *   "quarantineAfter": 20
 * }
 * }</pre>
 * Every key is optional; a missing key keeps its default.
 *
 * @param thresholds where the axes are split into quadrants
 * @param scorers settings per scorer id; a scorer not listed gets {@link ScorerSettings#DEFAULT}
 * @param taskTimeLimit how long one scorer may take on one task before its rating counts as timed out
 * @param quarantineAfter after this many consecutive failures a scorer is quarantined for the rest of
 *     the run
 */
public record EngineConfig(
        Thresholds thresholds, Map<String, ScorerSettings> scorers, Duration taskTimeLimit, int quarantineAfter) {

    /** The default per-task time limit. */
    public static final Duration DEFAULT_TASK_TIME_LIMIT = Duration.ofSeconds(5);

    /** The default number of consecutive failures before quarantine. */
    public static final int DEFAULT_QUARANTINE_AFTER = 20;

    /**
     * Checks the limits and copies the scorer map (sorted by id).
     *
     * @throws IllegalArgumentException if the time limit or the quarantine count is not positive
     */
    public EngineConfig {
        if (taskTimeLimit.isNegative() || taskTimeLimit.isZero()) {
            throw new IllegalArgumentException("taskTimeLimitMillis must be positive, was " + taskTimeLimit.toMillis());
        }
        if (quarantineAfter < 1) {
            throw new IllegalArgumentException("quarantineAfter must be at least 1, was " + quarantineAfter);
        }
        scorers = Map.copyOf(new TreeMap<>(scorers));
    }

    /**
     * The configuration used when no file is given.
     *
     * @return thresholds 0.5/0.5, every scorer weight 1, a 5 s time limit, quarantine after 20 failures
     */
    public static EngineConfig defaults() {
        return new EngineConfig(Thresholds.DEFAULT, Map.of(), DEFAULT_TASK_TIME_LIMIT, DEFAULT_QUARANTINE_AFTER);
    }

    /**
     * The settings of one scorer.
     *
     * @param scorerId the scorer's id
     * @return its settings, or the defaults when the configuration does not mention it
     */
    public ScorerSettings scorer(String scorerId) {
        return scorers.getOrDefault(scorerId, ScorerSettings.DEFAULT);
    }

    /**
     * The scorers' own settings, which the host hands to each scorer as its configuration and checks
     * against the settings the scorer declares.
     *
     * @return each scorer's settings by scorer id, for the scorers that have any
     */
    public Map<String, Map<String, String>> scorerSettings() {
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        scorers.forEach((id, scorer) -> {
            if (!scorer.settings().isEmpty()) {
                settings.put(id, scorer.settings());
            }
        });
        return settings;
    }

    /**
     * This configuration with some scorers switched off.
     *
     * @param scorerIds the scorers not to ask
     * @return the new configuration
     */
    public EngineConfig disabling(java.util.Collection<String> scorerIds) {
        Map<String, ScorerSettings> changed = new TreeMap<>(scorers);
        for (String id : scorerIds) {
            ScorerSettings s = scorer(id);
            changed.put(id, new ScorerSettings(s.weight(), false, s.settings(), s.transferabilityWeight(),
                    s.verificationCostWeight()));
        }
        return new EngineConfig(thresholds, changed, taskTimeLimit, quarantineAfter);
    }

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
                    + ". Fix the JSON; see the README's 'Configuration' section for the format", e);
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
     * @param file the file to write; its folder is created when missing
     * @param mapper the mapper to write it with
     * @throws IOException if the file cannot be written
     */
    public void write(Path file, ObjectMapper mapper) throws IOException {
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
            @JsonProperty("quarantineAfter") Integer quarantineAfter) {

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
                    taskTimeLimitMillis == null ? DEFAULT_TASK_TIME_LIMIT : Duration.ofMillis(taskTimeLimitMillis),
                    quarantineAfter == null ? DEFAULT_QUARANTINE_AFTER : quarantineAfter);
        }
    }

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

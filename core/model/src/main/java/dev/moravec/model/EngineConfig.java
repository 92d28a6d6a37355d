package dev.moravec.model;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the engine scores and combines: thresholds, per-scorer weights and settings, the per-task time
 * limit and the quarantine rule. Read from a JSON file by the catalog module's {@code ConfigurationFile}:
 *
 * <pre>{@code
 * {
 *   "thresholds": {"transferability": 0.5, "verificationCost": 0.5},
 *   "scorers": {"lexicon": {"weight": 1.0, "enabled": true, "settings": {"file": "my-lexicon.json"}},
 *               "semantic": {"weight": 1.0, "transferabilityWeight": 4.0}},
 *   "taskTimeLimitMillis": 5000,
 *   "quarantineAfter": 20,
 *   "scenarios": {"judges": {"description": "panels that agree on taste", "relief": {"TASTE": 0.5}}}
 * }
 * }</pre>
 * Every key is optional; a missing key keeps its default. The scenarios of the file are added to the
 * built-in ones ({@link Scenario#DEFAULTS}), and replace a built-in one of the same name.
 *
 * @param thresholds where the axes are split into quadrants
 * @param scorers settings per scorer id, kept in the order of their ids; a scorer not listed gets
 *     {@link ScorerSettings#DEFAULT}
 * @param taskTimeLimit how long one scorer may take on one task before its rating counts as timed out
 * @param quarantineAfter after this many consecutive failures a scorer is quarantined for the rest of
 *     the run
 * @param scenarios the breakthrough scenarios by name, the built-in ones among them
 */
public record EngineConfig(Thresholds thresholds, Map<String, ScorerSettings> scorers, Duration taskTimeLimit,
        int quarantineAfter, Map<String, Scenario> scenarios) {

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
        scorers = java.util.Collections.unmodifiableMap(new TreeMap<>(scorers)); // by id, so files written from it are stable
        scenarios = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scenarios));
    }

    /**
     * A configuration with the built-in scenarios.
     *
     * @param thresholds where the axes are split into quadrants
     * @param scorers settings per scorer id
     * @param taskTimeLimit the per-task time limit
     * @param quarantineAfter consecutive failures before quarantine
     */
    public EngineConfig(Thresholds thresholds, Map<String, ScorerSettings> scorers, Duration taskTimeLimit,
            int quarantineAfter) {
        this(thresholds, scorers, taskTimeLimit, quarantineAfter, Scenario.DEFAULTS);
    }

    /**
     * The scenario a name gives: one scenario, or several joined by {@code +} that happen together. Spaces
     * join them too, since a {@code +} in a URL's query reads as a space and no scenario name has one.
     *
     * @param names such as {@code robotics}, {@code robotics+memory} or {@code robotics memory}
     * @return the scenario
     * @throws BadInputException if a name is not a scenario of this configuration; the message lists them
     */
    public Scenario scenario(String names) throws BadInputException {
        java.util.List<Scenario> parts = new java.util.ArrayList<>();
        for (String name : names.strip().split("[+\\s]+")) {
            Scenario scenario = scenarios.get(name.strip());
            if (scenario == null) {
                throw new BadInputException("no scenario '" + name.strip() + "': the configuration has "
                        + String.join(", ", scenarios.keySet()) + " (add your own under \"scenarios\" in the"
                        + " configuration file; see docs/configuration.md)");
            }
            parts.add(scenario);
        }
        return Scenario.combine(parts);
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
        return new EngineConfig(thresholds, changed, taskTimeLimit, quarantineAfter, scenarios);
    }

}

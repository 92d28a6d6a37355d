package dev.moravec.model;

import dev.moravec.api.BottleneckFactor;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A breakthrough (DESIGN section 1): how much it relieves each bottleneck factor. A relief of 1 removes
 * a factor, 0.5 halves its strength, 0 leaves it.
 *
 * @param name the scenario's name, such as {@code robotics} or {@code robotics+memory}
 * @param description what the breakthrough is, in a few words
 * @param relief the relief of each factor it touches, each in [0, 1]
 */
public record Scenario(String name, String description, Map<BottleneckFactor, Double> relief) {

    /** The breakthroughs the thesis names, relieving the factors DESIGN section 1 gives. */
    public static final Map<String, Scenario> DEFAULTS = defaults();

    /**
     * Checks the name and the reliefs.
     *
     * @throws IllegalArgumentException if the name is blank or a relief is outside [0, 1]
     */
    public Scenario {
        if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9_.-]+(\\+[A-Za-z0-9_.-]+)*")) {
            throw new IllegalArgumentException("scenario name '" + name + "' must be letters, digits, '_', '.' or '-'");
        }
        description = Objects.requireNonNullElse(description, "");
        EnumMap<BottleneckFactor, Double> copy = new EnumMap<>(BottleneckFactor.class);
        relief.forEach((factor, amount) -> {
            if (amount == null || !(amount >= 0 && amount <= 1)) {
                throw new IllegalArgumentException("scenario " + name + ": the relief of " + factor + " " + amount
                        + " is outside [0, 1]");
            }
            copy.put(factor, amount);
        });
        relief = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * @param factor a factor
     * @return how much this scenario relieves it, 0 when not at all
     */
    public double relief(BottleneckFactor factor) {
        return relief.getOrDefault(factor, 0.0);
    }

    /**
     * Several breakthroughs at once: each factor keeps what no one of them relieves, so reliefs r1, r2
     * combine to {@code 1 - (1 - r1)(1 - r2)}.
     *
     * @param scenarios the scenarios, at least one
     * @return their combination, named {@code a+b}
     */
    public static Scenario combine(List<Scenario> scenarios) {
        if (scenarios.size() == 1) {
            return scenarios.get(0);
        }
        Map<BottleneckFactor, Double> kept = new EnumMap<>(BottleneckFactor.class);
        for (Scenario scenario : scenarios) {
            scenario.relief().forEach((factor, amount) -> kept.merge(factor, 1 - amount, (a, b) -> a * b));
        }
        Map<BottleneckFactor, Double> relief = new EnumMap<>(BottleneckFactor.class);
        kept.forEach((factor, rest) -> relief.put(factor, 1 - rest));
        return new Scenario(String.join("+", scenarios.stream().map(Scenario::name).toList()),
                String.join("; ", scenarios.stream().map(Scenario::description).toList()), relief);
    }

    private static Map<String, Scenario> defaults() {
        Map<String, Scenario> defaults = new LinkedHashMap<>();
        for (Scenario scenario : List.of(
                new Scenario("robotics", "robots that handle the physical world", Map.of(
                        BottleneckFactor.EMBODIMENT, 1.0, BottleneckFactor.PERCEPTION, 0.5)),
                new Scenario("multimodality", "models that perceive images, sound and video as well as text", Map.of(
                        BottleneckFactor.PERCEPTION, 1.0)),
                new Scenario("autonomy", "agents that operate software reliably and carry long projects", Map.of(
                        BottleneckFactor.COMPUTER_USE, 1.0, BottleneckFactor.LONG_HORIZON, 1.0)),
                new Scenario("memory", "models that learn and keep local, tacit know-how", Map.of(
                        BottleneckFactor.TACIT_KNOWLEDGE, 1.0, BottleneckFactor.LONG_HORIZON, 0.5)))) {
            defaults.put(scenario.name(), scenario);
        }
        return java.util.Collections.unmodifiableMap(defaults);
    }
}

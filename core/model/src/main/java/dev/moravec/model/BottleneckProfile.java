package dev.moravec.model;

import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Why a task lags: the bottleneck factors its scorers named, combined, strongest first, each once, with
 * the evidence that raised it. Factors weaker than {@link #FLOOR} are kept (a scenario may still move
 * them) but not shown as the task's bottlenecks.
 *
 * @param factors the combined bottlenecks, strongest first (ties in the factors' order)
 */
public record BottleneckProfile(List<Bottleneck> factors) {

    /** Factors at least this strong are the task's bottlenecks: shown in records, the dominant one named. */
    public static final double FLOOR = 0.2;

    /** No factor named. */
    public static final BottleneckProfile NONE = new BottleneckProfile(List.of());

    private static final Comparator<Bottleneck> STRONGEST_FIRST =
            Comparator.comparingDouble(Bottleneck::strength).reversed().thenComparing(Bottleneck::factor);

    /**
     * Sorts the factors strongest first and checks each is named once.
     *
     * @throws IllegalArgumentException if a factor is named twice
     */
    public BottleneckProfile {
        List<Bottleneck> sorted = new ArrayList<>(factors);
        sorted.sort(STRONGEST_FIRST);
        Set<BottleneckFactor> seen = EnumSet.noneOf(BottleneckFactor.class);
        for (Bottleneck bottleneck : sorted) {
            if (!seen.add(bottleneck.factor())) {
                throw new IllegalArgumentException("the factor " + bottleneck.factor() + " is in the profile twice");
            }
        }
        factors = List.copyOf(sorted);
    }

    /**
     * @param factor a factor
     * @return its strength, 0 when no scorer named it
     */
    public double strength(BottleneckFactor factor) {
        for (Bottleneck bottleneck : factors) {
            if (bottleneck.factor() == factor) {
                return bottleneck.strength();
            }
        }
        return 0;
    }

    /** @return the factors at least {@link #FLOOR} strong, strongest first */
    public List<Bottleneck> shown() {
        return factors.stream().filter(b -> b.strength() >= FLOOR).toList();
    }

    /** @return the strongest factor, when it is at least {@link #FLOOR} strong */
    public Optional<BottleneckFactor> dominant() {
        return factors.isEmpty() || factors.get(0).strength() < FLOOR ? Optional.empty()
                : Optional.of(factors.get(0).factor());
    }

    /** @return whether no factor was named */
    public boolean isEmpty() {
        return factors.isEmpty();
    }
}

package dev.moravec.engine.catalog;

import dev.moravec.engine.Quadrant;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a classification run did. It always reconciles: {@code read == classified + rejected}.
 *
 * @param read the records read
 * @param classified the records classified and written
 * @param rejected the records rejected
 * @param quadrants the number of classified tasks per quadrant
 * @param elapsed the run's wall-clock time
 */
public record RunSummary(long read, long classified, long rejected, Map<Quadrant, Long> quadrants, Duration elapsed) {

    /** Copies the counts, with every quadrant present. */
    public RunSummary {
        EnumMap<Quadrant, Long> all = new EnumMap<>(Quadrant.class);
        for (Quadrant q : Quadrant.values()) {
            all.put(q, quadrants.getOrDefault(q, 0L));
        }
        quadrants = Map.copyOf(all);
        if (read != classified + rejected) {
            throw new IllegalStateException("run does not reconcile: read " + read + " != classified " + classified
                    + " + rejected " + rejected);
        }
    }

    /** @return classified tasks per second of wall-clock time */
    public double tasksPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? classified / seconds : 0;
    }
}

package dev.moravec.catalog;

import dev.moravec.model.Quadrant;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a classification run did. It always reconciles: {@code read == skipped + classified + rejected}.
 *
 * @param read the records read
 * @param skipped the records a resumed run found already written or rejected, and skipped
 * @param classified the records classified and written
 * @param rejected the records rejected
 * @param quadrants the number of tasks classified in this run per quadrant
 * @param elapsed the run's wall-clock time
 * @param stopped whether the run was asked to stop before the end of its inputs; the output then ends
 *     with the last whole batch, and a resumed run continues after it
 */
public record RunSummary(long read, long skipped, long classified, long rejected, Map<Quadrant, Long> quadrants,
        Duration elapsed, boolean stopped) {

    /** Copies the counts, with every quadrant present. */
    public RunSummary {
        EnumMap<Quadrant, Long> all = new EnumMap<>(Quadrant.class);
        for (Quadrant q : Quadrant.values()) {
            all.put(q, quadrants.getOrDefault(q, 0L));
        }
        quadrants = Map.copyOf(all);
        if (read != skipped + classified + rejected) {
            throw new IllegalStateException("run does not reconcile: read " + read + " != skipped " + skipped
                    + " + classified " + classified + " + rejected " + rejected);
        }
    }

    /** @return classified tasks per second of wall-clock time */
    public double tasksPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? classified / seconds : 0;
    }
}

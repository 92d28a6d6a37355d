package dev.moravec.spark.internal;

import dev.moravec.model.Quadrant;
import java.time.Duration;
import java.util.Map;

/**
 * What a run did, reconciled: every record read is in the verdicts or in the rejects, exactly once. The
 * same figures are written as JSON beside the output ({@code summary.json}).
 *
 * @param read the input records read
 * @param classified the verdict records written
 * @param rejected the rejected records written
 * @param quadrants the verdicts per quadrant
 * @param elapsed the run's time, from the Spark session's start to the summary
 */
public record JobSummary(long read, long classified, long rejected, Map<Quadrant, Long> quadrants, Duration elapsed) {

    /** @return whether {@code read == classified + rejected} */
    public boolean reconciles() {
        return read == classified + rejected;
    }

    /** @return verdicts per second of the run */
    public double tasksPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? classified / seconds : 0;
    }
}

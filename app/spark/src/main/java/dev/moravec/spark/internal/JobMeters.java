package dev.moravec.spark.internal;

import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * What the tasks measure and count, added up on the driver: the records read and rejected, each scorer's
 * outcomes, and the time the verdict pass spends parsing rows, rating them and turning verdicts into
 * rows, so that the run can say where its time went. Spark counts an accumulator once per successful task
 * of an action.
 *
 * @param read the input records read (records and rejections; blank lines are not records)
 * @param rejected the input records rejected
 * @param outcomes each scorer's outcomes
 * @param parseNanos time spent turning rows into records, summed over tasks
 * @param rateNanos time spent rating, summed over tasks
 * @param renderNanos time spent turning verdicts into output rows, summed over tasks
 * @param hostStartNanos time spent starting plugin hosts, summed over executor JVMs
 */
public record JobMeters(LongAccumulator read, LongAccumulator rejected, OutcomeCounts outcomes,
        LongAccumulator parseNanos, LongAccumulator rateNanos, LongAccumulator renderNanos,
        LongAccumulator hostStartNanos) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * @param context the job's context, where the accumulators are registered
     * @return new meters at zero
     */
    public static JobMeters register(SparkContext context) {
        OutcomeCounts outcomes = new OutcomeCounts();
        context.register(outcomes, "moravec.outcomes");
        return new JobMeters(context.longAccumulator("moravec.read"), context.longAccumulator("moravec.rejected"),
                outcomes, context.longAccumulator("moravec.parseNanos"), context.longAccumulator("moravec.rateNanos"),
                context.longAccumulator("moravec.renderNanos"), context.longAccumulator("moravec.hostStartNanos"));
    }
}

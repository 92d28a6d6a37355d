package dev.moravec.spark.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Adds up what Spark measures of every finished task, per pass of the job (named by the job description
 * the driver sets before each pass), for the run's summary: the time tasks ran, the time executors spent
 * deserialising tasks and serialising results, and garbage collection. Spark reports tasks to listeners a
 * little after they end, so read it once the job's work is done.
 */
public final class TaskClock extends SparkListener {

    /**
     * Milliseconds summed over the tasks of a pass.
     *
     * @param tasks the tasks that ended, failed ones included
     * @param run the tasks' run time
     * @param deserialize the executors' time deserialising tasks
     * @param serializeResults the executors' time serialising results
     * @param gc garbage collection during tasks
     */
    public record Times(long tasks, long run, long deserialize, long serializeResults, long gc) {

        static final Times NONE = new Times(0, 0, 0, 0, 0);

        Times plus(TaskMetrics metrics) {
            return new Times(tasks + 1, run + metrics.executorRunTime(), deserialize + metrics.executorDeserializeTime(),
                    serializeResults + metrics.resultSerializationTime(), gc + metrics.jvmGCTime());
        }
    }

    private final Map<Integer, String> passOfStage = new ConcurrentHashMap<>();
    private final Map<String, Times> byPass = new ConcurrentHashMap<>();

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        String pass = submitted.properties() == null ? null
                : submitted.properties().getProperty("spark.job.description");
        if (pass != null) {
            passOfStage.put(submitted.stageInfo().stageId(), pass);
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics metrics = end.taskMetrics();
        String pass = passOfStage.get(end.stageId());
        if (metrics != null && pass != null) {
            byPass.merge(pass, Times.NONE.plus(metrics), (a, b) -> new Times(a.tasks() + b.tasks(), a.run() + b.run(),
                    a.deserialize() + b.deserialize(), a.serializeResults() + b.serializeResults(), a.gc() + b.gc()));
        }
    }

    /**
     * @param pass a job description the driver set
     * @return the sums of its tasks so far
     */
    public Times of(String pass) {
        return byPass.getOrDefault(pass, Times.NONE);
    }
}

package dev.moravec.api;

import java.util.ArrayList;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Rates tasks on transferability and verification cost: the service every scoring plugin registers.
 *
 * <p>The host calls a scorer from several threads at once, so implementations must be thread-safe,
 * and for the same task and configuration they must return the same rating. A scorer that cannot rate
 * a task throws {@link ScoringException}; one that has nothing to say returns
 * {@link Rating#abstain(String)}. The host isolates every call: an exception, a value outside [0, 1]
 * or a call past the per-task time limit fails that one rating only, and a scorer that keeps failing
 * is quarantined.
 *
 * <p>Register it as an OSGi service, for example as a Declarative Services component:
 * <pre>{@code
 * @Component
 * public class MyScorer implements TaskScorer { ... }
 * }</pre>
 *
 * <p><b>Settings.</b> A scorer with settings declares them as a Declarative Services configuration
 * with a metatype, under the configuration PID {@link #SETTINGS_PID_PREFIX moravec.scorer.}{@code <id>},
 * and reads them in its activator; users set them in the configuration file under
 * {@code scorers.<id>.settings}. The host checks each value against the metatype (type, range,
 * options) before the plugin starts, and {@code moravec plugins info} lists them with their defaults:
 * <pre>{@code
 * @ObjectClassDefinition(name = "Commute scorer")
 * @interface Settings {
 *     @AttributeDefinition(description = "the word that means travel")
 *     String word() default "travel";
 * }
 *
 * @Component(configurationPid = TaskScorer.SETTINGS_PID_PREFIX + "commute")
 * @Designate(ocd = Settings.class)
 * public class CommuteScorer implements TaskScorer {
 *     @Activate
 *     public CommuteScorer(Settings settings) { ... }
 * }
 * }</pre>
 *
 * @since 1.0.0
 */
@ConsumerType
public interface TaskScorer {

    /**
     * The prefix of a scorer's configuration PID: the settings of the scorer with id {@code <id>} are
     * the configuration {@code moravec.scorer.<id>}.
     *
     * @since 1.2.0
     */
    String SETTINGS_PID_PREFIX = "moravec.scorer.";

    /**
     * Who this scorer is. Called once when the host finds the service; must not change while the
     * service is registered.
     *
     * @return the scorer's identity
     */
    ScorerInfo info();

    /**
     * Rates one task.
     *
     * @param task the task to rate
     * @param context services offered by the host; check {@link ScoringContext#isCancelled()} during
     *     long work
     * @return the rating; never {@code null}
     * @throws ScoringException if the task cannot be rated, with a reason a user can read
     */
    Rating rate(Task task, ScoringContext context) throws ScoringException;

    /**
     * Rates several tasks at once. The host prefers this method and falls back to {@link #rate} task
     * by task when it throws, so a scorer that gains from batching (one model call for many texts)
     * overrides it; the default calls {@link #rate} for each task in turn.
     *
     * @param tasks the tasks to rate; the list is not modified
     * @param context services offered by the host
     * @return one rating per task, in the order of {@code tasks}
     * @throws ScoringException if a task cannot be rated
     */
    default List<Rating> rateAll(List<Task> tasks, ScoringContext context) throws ScoringException {
        List<Rating> ratings = new ArrayList<>(tasks.size());
        for (Task task : tasks) {
            ratings.add(rate(task, context));
        }
        return ratings;
    }
}

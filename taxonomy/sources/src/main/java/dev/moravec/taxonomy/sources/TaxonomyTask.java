package dev.moravec.taxonomy.sources;

import dev.moravec.api.WorkActivity;
import dev.moravec.api.Task;
import java.util.List;

/**
 * A task of the taxonomy: the task as scorers see it, with the work activities O*NET links it to.
 *
 * @param task the task, its occupation code and weights set
 * @param activities its detailed work activities, with the intermediate and generalized ones above
 */
public record TaxonomyTask(Task task, List<WorkActivity> activities) {

    /** Copies the list. */
    public TaxonomyTask {
        activities = List.copyOf(activities);
    }
}

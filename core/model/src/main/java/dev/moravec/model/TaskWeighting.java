package dev.moravec.model;

import dev.moravec.api.Task;
import dev.moravec.api.TaskType;
import java.util.Collection;

/**
 * How much each task counts in its occupation's score (DESIGN section 2): importance times relevance
 * where O*NET task ratings are known for every task of the occupation, else core 2 and supplemental 1
 * (a task of unknown type counts 1). The scheme is chosen per occupation, so that the two scales are
 * never mixed within one mean.
 */
public enum TaskWeighting {
    /** Importance (1-5) times relevance (0-100), from O*NET task ratings. */
    IMPORTANCE_RELEVANCE("importance x relevance"),
    /** Core tasks 2, supplemental and unknown 1. */
    TASK_TYPE("core 2 / supplemental 1");

    private final String label;

    TaskWeighting(String label) {
        this.label = label;
    }

    /** @return how reports name the scheme */
    public String label() {
        return label;
    }

    /**
     * The scheme for one occupation's tasks.
     *
     * @param tasksOfOneOccupation the occupation's tasks
     * @return {@link #IMPORTANCE_RELEVANCE} when every task has both, else {@link #TASK_TYPE}
     */
    public static TaskWeighting of(Collection<Task> tasksOfOneOccupation) {
        if (tasksOfOneOccupation.isEmpty()) {
            return TASK_TYPE;
        }
        for (Task task : tasksOfOneOccupation) {
            if (task.weights().importance().isEmpty() || task.weights().relevance().isEmpty()) {
                return TASK_TYPE;
            }
        }
        return IMPORTANCE_RELEVANCE;
    }

    /**
     * One task's weight under this scheme.
     *
     * @param task the task
     * @return its weight, at least 0
     */
    public double weight(Task task) {
        if (this == IMPORTANCE_RELEVANCE && task.weights().importance().isPresent()
                && task.weights().relevance().isPresent()) {
            return task.weights().importance().getAsDouble() * task.weights().relevance().getAsDouble();
        }
        return task.type() == TaskType.CORE ? 2.0 : 1.0;
    }
}

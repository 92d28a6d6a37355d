package dev.moravec.cli;

import dev.moravec.app.OverrideStore;
import dev.moravec.model.AnalystOverride;
import java.io.PrintWriter;

/** How the override commands print a change's effect on its task and occupation. */
final class OverrideLines {

    private OverrideLines() {}

    /**
     * Prints the target's scores before and after a change.
     *
     * @param out where to print
     * @param override the override added or removed
     * @param before the scores before
     * @param after the scores after
     */
    static void effect(PrintWriter out, AnalystOverride override, OverrideStore.Effect before, OverrideStore.Effect after) {
        if (before.task() != null && after.task() != null) {
            out.println("  task " + override.taskId() + ": score " + Format.unit(before.task().score()) + " ("
                    + before.task().quadrant() + ") -> " + Format.unit(after.task().score()) + " ("
                    + after.task().quadrant() + ")");
        }
        if (before.occupation() != null && after.occupation() != null) {
            out.println("  occupation " + override.occupation() + ": score " + Format.unit(before.occupation().score())
                    + " -> " + Format.unit(after.occupation().score()));
        }
    }
}

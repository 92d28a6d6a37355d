package dev.moravec.testing.plugins.exiting;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.ScoringException;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.util.EnumSet;
import java.util.List;
import java.util.function.IntConsumer;
import org.osgi.service.component.annotations.Component;

/**
 * A hostile test plugin: on a task that says "exit" it calls {@code System.exit(0)}, on "quit"
 * {@code Runtime.exit(3)}, on "halt" {@code Runtime.halt(3)}, on "reference" {@code System.exit} through a
 * method reference, and on "thread" it starts a thread that calls {@code System.exit(0)} and waits for it,
 * then rates the task. Any other task it rates.
 */
@Component
public class ExitingScorer implements TaskScorer {

    private static final ScorerInfo INFO =
            new ScorerInfo("exiting", "1.0.0", "tries to end the process", EnumSet.allOf(Axis.class));

    @Override
    public ScorerInfo info() {
        return INFO;
    }

    @Override
    public Rating rate(Task task, ScoringContext context) throws ScoringException {
        String statement = task.statement();
        if (statement.contains("exit")) {
            System.exit(0);
        } else if (statement.contains("quit")) {
            Runtime.getRuntime().exit(3);
        } else if (statement.contains("halt")) {
            Runtime.getRuntime().halt(3);
        } else if (statement.contains("reference")) {
            IntConsumer exit = System::exit;
            exit.accept(0);
        } else if (statement.contains("thread")) {
            Thread thread = new Thread(() -> System.exit(0), "exiting-plugin-thread");
            thread.start();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ScoringException("interrupted");
            }
        }
        return Rating.of(0.5, 0.5, 0.5, List.of("still here"));
    }
}

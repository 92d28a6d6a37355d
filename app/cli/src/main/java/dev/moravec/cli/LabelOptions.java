package dev.moravec.cli;

import dev.moravec.evaluation.LabelReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of the commands that read reference labels and rate the labelled tasks. */
final class LabelOptions {

    @Option(names = "--labels", required = true, paramLabel = "FILE",
            description = "Reference labels: TSV, CSV or JSON Lines with a header, a task id and/or statement"
                    + " column, optionally the occupation code and task type, and the label column.")
    Path labels;

    @Option(names = "--label-column", paramLabel = "NAME", defaultValue = LabelReader.DEFAULT_COLUMN,
            description = "The label column, matched ignoring case (default: ${DEFAULT-VALUE}).")
    String column;

    @Option(names = "--positive", paramLabel = "VALUES", split = ",",
            description = "The labels that count as positive (default: E1,E2 for E0/E1/E2 labels; yes for yes/no"
                    + " labels; any number above 0 for numeric labels).")
    List<String> positive = new ArrayList<>();

    @Option(names = "--scores", paramLabel = "FILE",
            description = "Read the verdicts from a 'moravec classify' JSON Lines output instead of rating the"
                    + " labelled tasks; joined by task id, else by statement.")
    Path scores;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    /** The most bootstrap resamples: more would only take longer to give the same intervals. */
    static final int MAX_RESAMPLES = 100_000;

    /** @throws ParameterException for option values no run can use */
    void check(CommandSpec spec) {
        if (threads != null && (threads < 1 || threads > ClassifyCommand.MAX_THREADS)) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1 to " + ClassifyCommand.MAX_THREADS
                    + ", not " + threads);
        }
    }

    /**
     * Checks a command's {@code --resamples}.
     *
     * @param spec the command
     * @param resamples the value given
     * @throws ParameterException if it is out of range
     */
    static void checkResamples(CommandSpec spec, int resamples) {
        if (resamples < 1 || resamples > MAX_RESAMPLES) {
            throw new ParameterException(spec.commandLine(), "--resamples must be 1 to " + MAX_RESAMPLES + ", not "
                    + resamples);
        }
    }

    int workers() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }
}

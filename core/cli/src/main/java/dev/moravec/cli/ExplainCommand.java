package dev.moravec.cli;

import dev.moravec.api.Rating;
import dev.moravec.api.Task;
import dev.moravec.api.TaskWeights;
import dev.moravec.engine.ScorerOutcome;
import dev.moravec.engine.Verdict;
import dev.moravec.engine.BadInputException;
import dev.moravec.taxonomy.OccupationDetails;
import dev.moravec.taxonomy.StarterCatalog;
import dev.moravec.taxonomy.TaxonomyIndex;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code moravec explain "TASK"}: each scorer's ratings and evidence for one task, then the verdict. A
 * task of the taxonomy (named by {@code --occupation} and {@code --task}, or by its exact statement) is
 * rated with what the taxonomy records about it, as {@code classify --taxonomy} rates it.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Rate one task and show each scorer's T, V, confidence and evidence, then the verdict.",
            "A task of the taxonomy, named by --occupation and --task (or by --occupation and its exact statement),"
                    + " is rated with its O*NET work activities, as classify --taxonomy rates it."})
final class ExplainCommand implements Callable<Integer> {

    @ParentCommand
    Moravec moravec;

    @Mixin
    HostMixin options;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TASK",
            description = "The task statement, in quotes (not needed with --task).")
    String statement;

    @Option(names = "--occupation", paramLabel = "CODE", description = "The O*NET-SOC code of the task's occupation.")
    String occupation;

    @Option(names = "--task", paramLabel = "ID",
            description = "The id of a task of the taxonomy, in the occupation --occupation names.")
    String taskId;

    @Override
    public Integer call() throws Exception {
        if (statement == null && taskId == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give the task statement in quotes, or --occupation CODE --task ID for a task of the taxonomy");
        }
        if (taskId != null && occupation == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--task needs --occupation: task ids are unique only within an occupation");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (TaxonomyIndex index = Taxonomies.openIfPresent(moravec.environment, options.data, moravec.mapper);
                HostSession session = HostSession.start(moravec.environment, options, moravec.mapper, index)) {
            Task task = task(index);
            session.warnAboutBrokenPlugins(spec.commandLine().getErr());
            Verdict verdict = session.engine(1).classify(task);
            out.println("Task:       " + task.statement() + (task.id().equals(STATEMENT_ONLY) ? ""
                    : "  (task " + task.id() + " of the taxonomy)"));
            if (task.occupationCode() != null) {
                out.println("Occupation: " + task.occupationCode() + (occupationTitle == null ? "" : " " + occupationTitle));
            }
            out.println();
            Table table = new Table("SCORER", "VERSION", "STATUS", "T", "V", "CONF", "EVIDENCE");
            for (ScorerOutcome outcome : verdict.outcomes()) {
                Rating rating = outcome.rating();
                if (rating == null) {
                    table.row(outcome.scorer(), outcome.version(), outcome.status(), "-", "-", "-", outcome.reason());
                    continue;
                }
                List<String> evidence = rating.evidence();
                table.row(outcome.scorer(), outcome.version(), outcome.status(), Format.unit(rating.transferability()),
                        Format.unit(rating.verificationCost()), Format.unit(rating.confidence()),
                        evidence.isEmpty() ? "" : evidence.get(0));
                for (String reason : evidence.subList(Math.min(1, evidence.size()), evidence.size())) {
                    table.row("", "", "", "", "", "", reason);
                }
            }
            table.print(out);
            out.println();
            out.println("Verdict:    " + verdict.quadrant() + "  T " + Format.unit(verdict.transferability())
                    + "  V " + Format.unit(verdict.verificationCost()) + "  score " + Format.unit(verdict.score()));
            out.println("            " + verdict.quadrant().meaning());
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static final String STATEMENT_ONLY = "explain";

    private String occupationTitle;

    // the task as the taxonomy knows it when it names one of its tasks, else the statement alone
    private Task task(TaxonomyIndex index) throws BadInputException, java.io.IOException {
        OccupationDetails.Detail detail = null;
        if (occupation != null && index != null) {
            try {
                detail = new OccupationDetails(index).show(occupation);
            } catch (BadInputException e) {
                if (taskId != null) {
                    throw e;
                }
                // a statement with an occupation the taxonomy lacks is rated as given
            }
        }
        if (detail != null) {
            occupationTitle = detail.occupation().title();
            for (OccupationDetails.TaskLine line : detail.tasks()) {
                if (line.taskId().equals(taskId) || (taskId == null && line.statement().strip().equalsIgnoreCase(statement.strip()))) {
                    return new Task(line.taskId(), line.statement(), detail.occupation().code(),
                            line.type() == null ? null : dev.moravec.api.TaskType.parse(line.type()).orElse(null),
                            TaskWeights.NONE);
                }
            }
        } else if (occupation != null) {
            occupationTitle = StarterCatalog.title(occupation).orElse(null);
        }
        if (taskId != null) {
            throw new BadInputException(index == null
                    ? "no taxonomy is imported, so task " + taskId + " cannot be looked up: import one with 'moravec taxonomy"
                            + " import SOURCE', or give the task statement in quotes"
                    : "occupation " + occupation + " has no task " + taskId + " (see its tasks with 'moravec show "
                            + occupation + "')");
        }
        try {
            return new Task(STATEMENT_ONLY, statement, detail != null ? detail.occupation().code() : occupation, null,
                    TaskWeights.NONE);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}

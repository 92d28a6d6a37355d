package dev.moravec.cli;

import dev.moravec.api.Rating;
import dev.moravec.api.Task;
import dev.moravec.api.TaskWeights;
import dev.moravec.engine.ScorerOutcome;
import dev.moravec.engine.Verdict;
import dev.moravec.taxonomy.StarterCatalog;
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

/** {@code moravec explain "TASK"}: each scorer's ratings and evidence for one task, then the verdict. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Rate one task statement and show each scorer's T, V, confidence and evidence, then the verdict.")
final class ExplainCommand implements Callable<Integer> {

    @ParentCommand
    Moravec moravec;

    @Mixin
    HostMixin options;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "The task statement, in quotes.")
    String statement;

    @Option(names = "--occupation", paramLabel = "CODE", description = "The O*NET-SOC code of the task's occupation.")
    String occupation;

    @Override
    public Integer call() throws Exception {
        Task task;
        try {
            task = new Task("explain", statement, occupation, null, TaskWeights.NONE);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (HostSession session = HostSession.start(moravec.environment, options, moravec.mapper)) {
            session.warnAboutBrokenPlugins(spec.commandLine().getErr());
            Verdict verdict = session.engine(1).classify(task);
            out.println("Task:       " + task.statement());
            if (occupation != null) {
                out.println("Occupation: " + occupation + StarterCatalog.title(occupation).map(t -> " " + t).orElse(""));
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
}

package dev.moravec.cli;

import dev.moravec.api.Axis;
import dev.moravec.api.Bottleneck;
import dev.moravec.api.Rating;
import dev.moravec.api.Task;
import dev.moravec.app.Session;
import dev.moravec.app.Taxonomies;
import dev.moravec.app.TaxonomyService;
import dev.moravec.model.AnalystOverride;
import dev.moravec.model.AppliedOverride;
import dev.moravec.model.BottleneckProfile;
import dev.moravec.model.Scores;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.Verdict;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

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

    @Mixin
    OverridesMixin overrides;

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
        try (TaxonomyIndex index = Taxonomies.openIfPresent(options.data.dir(moravec.environment), moravec.mapper);
                Session session = Session.start(moravec.environment, options.session(), moravec.mapper, index)) {
            TaxonomyService.NamedTask named;
            try {
                named = TaxonomyService.namedTask(index, statement, occupation, taskId, STATEMENT_ONLY);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Task task = named.task();
            String occupationTitle = named.occupationTitle();
            Moravec.warn(spec.commandLine().getErr(), session.pluginWarnings());
            Verdict verdict = overrides.overrides(moravec, options.data.dir(moravec.environment),
                    session.config().thresholds()).apply(session.engine(1).classify(task),
                    named.ofTheTaxonomy() ? task.id() : null);
            out.println("Task:       " + task.statement() + (task.id().equals(STATEMENT_ONLY) ? ""
                    : "  (task " + task.id() + " of the taxonomy)"));
            if (task.occupationCode() != null) {
                out.println("Occupation: " + task.occupationCode() + (occupationTitle == null ? "" : " " + occupationTitle));
            }
            out.println();
            Table table = new Table("SCORER", "VERSION", "STATUS", "T", "V", "CONF", "MODE", "EVIDENCE");
            for (ScorerOutcome outcome : verdict.outcomes()) {
                Rating rating = outcome.rating();
                if (rating == null) {
                    table.row(outcome.scorer(), outcome.version(), outcome.status(), "-", "-", "-", "-", outcome.reason());
                    continue;
                }
                List<String> evidence = rating.evidence();
                table.row(outcome.scorer(), outcome.version(), outcome.status(), Format.unit(rating.transferability()),
                        Format.unit(rating.verificationCost()), Format.unit(rating.confidence()),
                        Format.factor(rating.verification().orElse(null)), evidence.isEmpty() ? "" : evidence.get(0));
                for (String reason : evidence.subList(Math.min(1, evidence.size()), evidence.size())) {
                    table.row("", "", "", "", "", "", "", reason);
                }
            }
            AppliedOverride applied = verdict.override();
            if (applied != null) {
                AnalystOverride override = applied.override();
                table.row("override", override.date(), "OVERRIDDEN", Format.unit(applied.scores().transferability()),
                        Format.unit(applied.scores().verificationCost()), "-", "-", "by " + override.author() + ": "
                                + override.reason() + " (" + (override.isForTask() ? "this task" : "every task of "
                                + override.occupation()) + ", from " + overrides.source(options.data.dir(moravec.environment))
                                + ")");
            }
            table.print(out);
            out.println();
            Scores scores = verdict.effectiveScores();
            out.println("Verdict:    " + scores.quadrant() + "  T " + Format.unit(scores.transferability())
                    + "  V " + Format.unit(scores.verificationCost()) + "  score " + Format.unit(scores.score())
                    + (applied == null ? "" : "  (OVERRIDDEN)"));
            out.println("            " + scores.quadrant().meaning());
            if (applied != null) {
                out.println("Scorers:    " + verdict.quadrant() + "  T " + Format.unit(verdict.transferability())
                        + "  V " + Format.unit(verdict.verificationCost()) + "  score " + Format.unit(verdict.score())
                        + "  (the scorers' verdict, before the override; --no-overrides shows it alone)");
            }
            if (verdict.verification() != null) {
                out.println("Checked by: " + verdict.verification() + ": " + verdict.verification().meaning());
            }
            if (!verdict.bottlenecks().isEmpty()) {
                out.println();
                Table factors = new Table("BOTTLENECK", "STRENGTH", "AXIS", "EVIDENCE");
                for (Bottleneck bottleneck : verdict.bottlenecks().factors()) {
                    List<String> evidence = bottleneck.evidence();
                    factors.row(bottleneck.factor() + (bottleneck.strength() < BottleneckProfile.FLOOR ? " (weak)" : ""),
                            Format.unit(bottleneck.strength()), bottleneck.factor().axis() == Axis.TRANSFERABILITY ? "T" : "V",
                            evidence.get(0));
                    for (String reason : evidence.subList(1, evidence.size())) {
                        factors.row("", "", "", reason);
                    }
                }
                factors.print(out);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static final String STATEMENT_ONLY = "explain";

}

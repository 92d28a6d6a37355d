package dev.moravec.cli;

import dev.moravec.app.JsonViews;
import dev.moravec.app.TaxonomyService;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scores;
import dev.moravec.scoring.Relief;
import dev.moravec.taxonomy.index.Ranking;
import dev.moravec.taxonomy.index.Rankings;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code moravec rank}: tasks, occupations or SOC families ordered by their reasoning score. */
@Command(name = "rank", mixinStandardHelpOptions = true,
        description = {"Rank tasks, occupations or SOC families by their reasoning score S = T * (1 - V), lagging"
                + " (lowest first) or leading. Run 'moravec classify --taxonomy' first.",
            "Occupation scores weigh their tasks by importance x relevance where task ratings were imported, else"
                + " core 2 / supplemental 1; families weigh their occupations by employment where it was imported."})
final class RankCommand implements Callable<Integer> {

    /** Which end comes first. */
    enum Order { lagging, leading }

    @ParentCommand
    Moravec moravec;

    @Mixin
    DataMixin data;

    @Spec
    CommandSpec spec;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "occupation",
            description = "task, occupation (default), detailed, broad, minor or major.")
    String level;

    @Option(names = "--order", paramLabel = "ORDER", defaultValue = "lagging",
            description = "lagging (lowest score first, the default) or leading.")
    Order order;

    @Option(names = "--family", paramLabel = "CODE", description = "Only within this SOC group or occupation.")
    String family;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "25", description = "The most rows (default: 25).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, json or csv.")
    OutputFormat format;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "Rank under a breakthrough scenario (robotics, multimodality, autonomy, memory, or one of the"
                    + " configuration's; several joined by +): every task moved by it, occupations and families"
                    + " scored again (see docs/scenarios.md).")
    String scenario;

    @Mixin
    ConfigMixin configuration;

    @Mixin
    ViewMixin view;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (TaxonomyIndex index = data.openTaxonomy(moravec, spec.commandLine().getErr())) {
            EngineConfig config = configuration.read(moravec);
            Relief relief = TaxonomyService.relief(config, scenario);
            java.nio.file.Path dataDir = data.dir(moravec.environment);
            Ranking ranking = new TaxonomyService(index).rank(new Rankings.Request(level, order == Order.lagging, family, limit),
                    relief, view.view(moravec, dataDir, config.thresholds()));
            view.overrides.warnUnknown(spec.commandLine().getErr(), ranking.overrides(), dataDir);
            if (ranking.rows().isEmpty() && ranking.unscored() > 0) {
                spec.commandLine().getErr().println("moravec: nothing is scored yet: run moravec classify --taxonomy"
                        + data.hint());
            }
            JsonViews views = new JsonViews(moravec.mapper);
            switch (format) {
                case table -> printTable(out, ranking, view.overrides.summary(ranking.overrides(), dataDir));
                case json -> OutputFormat.printJson(out, moravec.mapper, views.ranking(ranking, family));
                case csv -> OutputFormat.printCsv(out, JsonViews.RANKING_CSV, views.rankingCsv(ranking));
            }
        }
        return ExitCodes.OK;
    }

    private void printTable(PrintWriter out, Ranking ranking, String overrides) {
        boolean tasks = ranking.level().equals("task");
        out.println("Ranking " + ranking.level() + " level, " + (ranking.lagging() ? "lagging first" : "leading first")
                + (family == null ? "" : ", within " + family)
                + (ranking.scenario() == null ? "" : ", under the scenario " + ranking.scenario())
                + ". Weighting: " + ranking.weighting() + ".");
        if (ranking.intervals() != null) {
            out.println(Format.intervals(ranking.intervals()));
        }
        if (overrides != null) {
            out.println(overrides);
        }
        Table table = tasks
                ? new Table("#", "SCORE", "90% INTERVAL", "RANK RANGE", "T", "V", "QUADRANT", "BOTTLENECK", "CODE", "TASK",
                        "STATEMENT")
                : new Table("#", "SCORE", "90% INTERVAL", "RANK RANGE", "T", "V", "CODE", "TITLE", "TASKS", "OCCUP.", "PURE",
                        "VERIF", "KNOWL", "LAG", "BOTTLENECK");
        int rank = 0;
        for (Ranking.Row row : ranking.rows()) {
            rank++;
            Scores scores = row.scores();
            String score = Format.unit(scores.score()) + (row.overridden() > 0 ? "*" : "");
            if (tasks) {
                table.row(rank, score, Format.interval(row.interval()), Format.range(row.rankRange()),
                        Format.unit(scores.transferability()), Format.unit(scores.verificationCost()), scores.quadrant(),
                        Format.factor(row.bottleneck()), row.code(), row.taskId(), row.statement());
            } else {
                table.row(rank, score, Format.interval(row.interval()), Format.range(row.rankRange()),
                        Format.unit(scores.transferability()),
                        Format.unit(scores.verificationCost()), row.code(), row.title() == null ? "" : row.title(),
                        Format.count(row.tasks()), row.occupations(), percent(row, Quadrant.PURE_REASONING),
                        percent(row, Quadrant.VERIFICATION_BOUND), percent(row, Quadrant.KNOWLEDGE_BOUND),
                        percent(row, Quadrant.LAGGING), Format.factor(row.bottleneck()));
            }
        }
        table.print(out);
        if (ranking.unscored() > 0) {
            out.println("(" + Format.count(ranking.unscored()) + " without a score left out)");
        }
        out.flush();
    }

    private static String percent(Ranking.Row row, Quadrant quadrant) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * row.shares().getOrDefault(quadrant, 0.0));
    }
}

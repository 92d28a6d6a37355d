package dev.moravec.cli;

import dev.moravec.app.JsonViews;
import dev.moravec.app.TaxonomyService;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scores;
import dev.moravec.scoring.Relief;
import dev.moravec.taxonomy.index.Ranking;
import dev.moravec.taxonomy.index.Rankings;
import dev.moravec.taxonomy.index.ViewOptions;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import dev.moravec.taxonomy.index.WeightBasis;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
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
                + " core 2 / supplemental 1; families weigh their occupations by employment where it was imported"
                + " (or by wage bill with --weight wages).",
            "Other classifications (--classification isco08|esco|soc2010) rank their groups through the imported"
                + " crosswalks; --by industry ranks NAICS sectors."})
final class RankCommand implements Callable<Integer> {

    /** Which end comes first. */
    enum Order { lagging, leading }

    @ParentCommand
    Moravec moravec;

    @Mixin
    DataMixin data;

    @Spec
    CommandSpec spec;

    @Option(names = "--level", paramLabel = "LEVEL",
            description = "task, occupation (default), detailed, broad, minor or major; with --classification isco08"
                    + " 1 to 4 (major, sub-major, minor, unit: the default), esco occupation (default) or 1 to 4, soc2010"
                    + " detailed (default) or major.")
    String level;

    @Option(names = "--classification", paramLabel = "NAME",
            description = "soc2018 (default), soc2010, isco08 or esco: rank the groups of another classification,"
                    + " reached through the imported crosswalks, with their coverage (docs/classifications.md).")
    String classification;

    @Option(names = "--weight", paramLabel = "BASIS", defaultValue = "employment",
            description = "employment (default) or wages: weigh occupations within a family by employment or by wage"
                    + " bill (employment x mean annual wage); the quadrant columns then show the wage bill in each.")
    String weight;

    @Option(names = "--by", paramLabel = "WHAT", defaultValue = "occupation",
            description = "occupation (default: tasks, occupations or families, by --level) or industry: the NAICS"
                    + " sectors of the imported industry file, with the wage bill in each quadrant.")
    String by;

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
        Classification classified = Classification.parse(classification);
        WeightBasis basis = WeightBasis.parse(weight);
        try (TaxonomyIndex index = data.openTaxonomy(moravec, spec.commandLine().getErr())) {
            EngineConfig config = configuration.read(moravec);
            Relief relief = TaxonomyService.relief(config, scenario);
            java.nio.file.Path dataDir = data.dir(moravec.environment);
            ViewOptions options = view.view(moravec, dataDir, config.thresholds());
            if (by.equalsIgnoreCase("industry")) {
                return new IndustryTable(moravec.mapper).run(out, spec.commandLine().getErr(), new TaxonomyService(index),
                        new IndustryTable.Request(order == Order.lagging, limit, basis, relief, options), format,
                        classification != null || level != null || family != null, view.overrides, dataDir);
            }
            if (!by.equalsIgnoreCase("occupation")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--by must be occupation or industry, not '" + by + "'");
            }
            Ranking ranking = new TaxonomyService(index).rank(new Rankings.Request(level, order == Order.lagging, family,
                    limit, classified, basis), relief, options);
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
        boolean other = !ranking.classification().equals("soc2018");
        boolean wageColumn = ranking.rows().stream().anyMatch(r -> r.wageBill() != null);
        boolean wages = ranking.weight().equals("wages") && wageColumn;
        out.println("Ranking " + (other ? Classification.ofLabel(ranking.classification()).title() + " " : "")
                + ranking.level() + " level, " + (ranking.lagging() ? "lagging first" : "leading first")
                + (family == null ? "" : ", within " + family)
                + (ranking.scenario() == null ? "" : ", under the scenario " + ranking.scenario())
                + ". Weighting: " + ranking.weighting() + ".");
        if (ranking.intervals() != null) {
            out.println(Format.intervals(ranking.intervals()));
        }
        if (overrides != null) {
            out.println(overrides);
        }
        java.util.List<String> header = new java.util.ArrayList<>(java.util.List.of("#", "SCORE", "90% INTERVAL",
                "RANK RANGE", "T", "V", "CODE", "TITLE", "TASKS", "OCCUP."));
        header.addAll(wages ? java.util.List.of("PURE $", "VERIF $", "KNOWL $", "LAG $")
                : java.util.List.of("PURE", "VERIF", "KNOWL", "LAG"));
        header.add("BOTTLENECK");
        if (wageColumn) {
            header.add("WAGE BILL");
        }
        if (other) {
            header.add("COVERAGE");
        }
        Table table = tasks
                ? new Table("#", "SCORE", "90% INTERVAL", "RANK RANGE", "T", "V", "QUADRANT", "BOTTLENECK", "CODE", "TASK",
                        "STATEMENT")
                : new Table(header.toArray(String[]::new));
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
                java.util.List<Object> cells = new java.util.ArrayList<>(java.util.List.of(rank, score,
                        Format.interval(row.interval()), Format.range(row.rankRange()),
                        Format.unit(scores.transferability()), Format.unit(scores.verificationCost()), row.code(),
                        row.title() == null ? "" : row.title(), Format.count(row.tasks()), row.occupations()));
                for (Quadrant q : java.util.List.of(Quadrant.PURE_REASONING, Quadrant.VERIFICATION_BOUND,
                        Quadrant.KNOWLEDGE_BOUND, Quadrant.LAGGING)) {
                    cells.add(wages ? Format.money(row.wageBillByQuadrant().get(q)) : percent(row, q));
                }
                cells.add(Format.factor(row.bottleneck()));
                if (wageColumn) {
                    cells.add(Format.money(row.wageBill()));
                }
                if (other) {
                    cells.add(ClassificationNotes.coverage(row.coverage()));
                }
                table.row(cells.toArray());
            }
        }
        table.print(out);
        if (other) {
            ClassificationNotes.unscored(out, ranking.withoutScore());
        } else if (ranking.unscored() > 0) {
            out.println("(" + Format.count(ranking.unscored()) + " without a score left out)");
        }
        ClassificationNotes.footer(out, ranking.classification(), ranking.sources());
        out.flush();
    }

    private static String percent(Ranking.Row row, Quadrant quadrant) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * row.shares().getOrDefault(quadrant, 0.0));
    }
}

package dev.moravec.cli;

import dev.moravec.app.JsonViews;
import dev.moravec.app.TaxonomyService;
import dev.moravec.model.OccupationScore;
import dev.moravec.model.Scores;
import dev.moravec.taxonomy.index.GroupDetails;
import dev.moravec.taxonomy.index.OccupationDetails;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import dev.moravec.taxonomy.index.ViewOptions;
import dev.moravec.taxonomy.sources.SocHierarchy;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code moravec show CODE}: an occupation's drill-down. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show an occupation: its SOC family path, description, job zone, score, quadrant shares and its"
                + " tasks by score with their quadrant and top evidence.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    Moravec moravec;

    @Mixin
    DataMixin data;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CODE", description = "The O*NET-SOC code, such as 15-1252.00 (or the SOC code 15-1252);"
            + " with --classification, a code of that classification (for esco also the occupation's concept URI).")
    String code;

    @Option(names = "--classification", paramLabel = "NAME",
            description = "soc2018 (default), soc2010, isco08 or esco: show a code of another classification, its score"
                    + " built from the O*NET-SOC occupations its crosswalks reach, its coverage and those occupations.")
    String classification;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json.")
    ReportFormat format;

    @Mixin
    ConfigMixin configuration;

    @Mixin
    ViewMixin view;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Classification classified = Classification.parse(classification);
        try (TaxonomyIndex index = data.openTaxonomy(moravec, spec.commandLine().getErr())) {
            java.nio.file.Path dataDir = data.dir(moravec.environment);
            ViewOptions options = view.view(moravec, dataDir, configuration.read(moravec).thresholds());
            if (classified != Classification.SOC_2018) {
                GroupDetails.Detail group = new TaxonomyService(index).group(classified, code, options);
                view.overrides.warnUnknown(spec.commandLine().getErr(), group.overrides(), dataDir);
                if (format == ReportFormat.table) {
                    GroupTable.print(out, group, view.overrides.summary(group.overrides(), dataDir));
                } else {
                    OutputFormat.printJson(out, moravec.mapper, new JsonViews(moravec.mapper).group(group));
                }
                out.flush();
                return ExitCodes.OK;
            }
            OccupationDetails.Detail detail = new TaxonomyService(index).occupation(code, options);
            view.overrides.warnUnknown(spec.commandLine().getErr(), detail.overrides(), dataDir);
            if (format == ReportFormat.table) {
                printTable(out, detail, view.overrides.summary(detail.overrides(), dataDir));
            } else {
                OutputFormat.printJson(out, moravec.mapper, new JsonViews(moravec.mapper).occupation(detail));
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    private void printTable(PrintWriter out, OccupationDetails.Detail detail, String overrides) {
        var occupation = detail.occupation();
        out.println(occupation.code() + "  " + occupation.title());
        for (SocHierarchy.Node node : detail.path()) {
            if (node.level() != dev.moravec.taxonomy.sources.SocLevel.OCCUPATION) {
                out.printf("  %-9s %s  %s%n", node.level().label(), node.code(), node.title() == null ? "" : node.title());
            }
        }
        if (occupation.description() != null) {
            out.println();
            out.println(wrap(occupation.description(), 100));
        }
        out.println();
        out.println("Job zone:   " + (occupation.jobZone() == null ? "-" : occupation.jobZone())
                + (occupation.employment() == null ? "" : "    Employment: " + Format.count(Math.round(occupation.employment())))
                + (occupation.annualWage() == null ? "" : "    Mean annual wage: "
                        + Format.money(occupation.annualWage())));
        OccupationScore score = detail.score();
        if (score == null) {
            out.println("Score:      not classified yet (run moravec classify --taxonomy)");
        } else {
            OccupationDetails.Standing standing = detail.standing();
            out.println("Score:      " + Format.unit(score.score()) + (standing == null ? ""
                    : " (90% interval " + Format.interval(standing.interval()) + ")") + "  T "
                    + Format.unit(score.transferability()) + "  V " + Format.unit(score.verificationCost()) + "  ("
                    + score.tasks() + " tasks, weighted " + score.weighting().label() + ")");
            if (standing != null) {
                out.println("Rank:       " + standing.rank() + " of " + Format.count(standing.of())
                        + " occupations, lagging first (90% range " + Format.range(standing.range()) + "); "
                        + Format.intervals(standing.intervals()).replace("Intervals: ", ""));
            }
            if (overrides != null) {
                out.println(overrides);
            }
            out.println(Format.quadrants(score.shares()));
            if (!score.factors().isEmpty()) {
                StringBuilder factors = new StringBuilder("Held back:  ");
                score.dominantBottleneck().ifPresent(f -> factors.append("mostly ").append(f).append(" (")
                        .append(f.meaning()).append("); "));
                factors.append("factor strengths");
                score.factors().entrySet().stream()
                        .sorted(java.util.Map.Entry.<dev.moravec.api.BottleneckFactor, Double>comparingByValue().reversed())
                        .forEach(e -> factors.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), e.getValue())));
                out.println(factors);
                if (!score.laggingBy().isEmpty()) {
                    StringBuilder lagging = new StringBuilder("Lagging by: ");
                    score.laggingBy().forEach((f, share) -> lagging.append(String.format(Locale.ROOT, " %s %.0f%%", f, 100 * share)));
                    out.println(lagging + " of its tasks");
                }
            }
        }
        out.println();
        Table table = new Table("SCORE", "T", "V", "QUADRANT", "BOTTLENECK", "TYPE", "TASK", "STATEMENT / TOP EVIDENCE");
        for (OccupationDetails.TaskLine task : detail.tasks()) {
            Scores scores = task.effectiveScores();
            table.row(Format.unit(scores.score()) + (task.override() == null ? "" : "*"), Format.unit(scores.transferability()),
                    Format.unit(scores.verificationCost()), scores.quadrant() == null ? "-" : scores.quadrant(),
                    Format.factor(task.bottleneck()), task.type() == null ? "" : task.type().toLowerCase(Locale.ROOT),
                    task.taskId(), task.statement());
            if (task.override() != null) {
                var override = task.override().override();
                table.row("", "", "", "", "", "", "", "  * OVERRIDDEN by " + override.author() + " on " + override.date()
                        + ": " + override.reason() + " (scorers: score " + Format.unit(task.scores().score()) + ", T "
                        + Format.unit(task.scores().transferability()) + ", V " + Format.unit(task.scores().verificationCost())
                        + ", " + task.scores().quadrant() + ")");
            }
            for (String evidence : task.evidence()) {
                table.row("", "", "", "", "", "", "", "  " + evidence);
            }
        }
        table.print(out);
        if (!occupation.emergingTasks().isEmpty()) {
            out.println();
            out.println("Emerging tasks (not yet rated by O*NET):");
            occupation.emergingTasks().forEach(t -> out.println("  - " + t));
        }
    }

    private static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (String word : text.split("\\s+")) {
            if (column > 0 && column + word.length() + 1 > width) {
                out.append('\n');
                column = 0;
            } else if (column > 0) {
                out.append(' ');
                column++;
            }
            out.append(word);
            column += word.length();
        }
        return out.toString();
    }
}

package dev.moravec.cli;

import dev.moravec.api.BottleneckFactor;
import dev.moravec.app.JsonViews;
import dev.moravec.app.TaxonomyService;
import dev.moravec.model.EngineConfig;
import dev.moravec.scoring.Relief;
import dev.moravec.taxonomy.index.ScenarioImpact;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moravec scenarios}: what each breakthrough would change. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = {"What each breakthrough scenario would change: the tasks and occupations that change quadrant"
                + " and the factors that moved them, the families whose score rises most, and the employment that stops"
                + " lagging. Scenarios come from the configuration (robotics, multimodality, autonomy, memory, and your"
                + " own). Run 'moravec classify --taxonomy' first; see docs/scenarios.md for the arithmetic."})
final class ScenariosCommand implements Callable<Integer> {

    @ParentCommand
    Moravec moravec;

    @Mixin
    DataMixin data;

    @Mixin
    ConfigMixin configuration;

    @Spec
    CommandSpec spec;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "major",
            description = "The level of the families ranked by their rise: occupation, detailed, broad, minor or major"
                    + " (default).")
    String level;

    @Option(names = "--family", paramLabel = "CODE",
            description = "Only the tasks and occupations within this SOC group or occupation.")
    String family;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "5",
            description = "The most families listed per scenario (default: 5).")
    int limit;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "Only this scenario (several joined by + happen together); default: every configured one.")
    String scenario;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json.")
    ReportFormat format;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        EngineConfig config = configuration.read(moravec);
        List<Relief> reliefs = scenario == null ? TaxonomyService.reliefs(config)
                : List.of(TaxonomyService.relief(config, scenario));
        try (TaxonomyIndex index = data.openTaxonomy(moravec, spec.commandLine().getErr())) {
            List<ScenarioImpact.Result> impacts = new TaxonomyService(index).scenarios(reliefs, config.thresholds(),
                    level, family, limit);
            if (format == ReportFormat.json) {
                OutputFormat.printJson(out, moravec.mapper, new JsonViews(moravec.mapper).scenarios(impacts));
            } else {
                impacts.forEach(impact -> print(out, impact));
                out.flush();
            }
        }
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, ScenarioImpact.Result impact) {
        List<String> relief = new ArrayList<>();
        impact.relief().forEach((factor, amount) -> relief.add(factor.name() + " " + Format.unit(amount)));
        out.println("Scenario " + impact.scenario() + ": " + impact.description() + " (relieves "
                + String.join(", ", relief) + ")");
        out.printf(Locale.ROOT, "  tasks:       %s of %s moved; %s change quadrant%s%n", Format.count(impact.moved()),
                Format.count(impact.tasks()), Format.count(impact.changedQuadrant()), transitions(impact.transitions()));
        if (!impact.movedBy().isEmpty()) {
            List<String> by = new ArrayList<>();
            impact.movedBy().forEach((factor, n) -> by.add(factor.name() + " " + Format.count(n)));
            out.println("               moved by " + String.join(", ", by));
        }
        out.printf(Locale.ROOT, "  occupations: %s of %s have their mean T and V in another quadrant%n",
                Format.count(impact.occupationsChanged()), Format.count(impact.occupations()));
        out.println("  employment:  " + (impact.employmentLeavingLagging() == null ? "- (no employment file imported)"
                : Format.count(Math.round(impact.employmentLeavingLagging())) + " workers' work stops lagging"));
        if (!impact.rises().isEmpty()) {
            out.println("  rising most (" + impact.level() + "):");
            Table table = new Table("    CODE", "TITLE", "SCORE", "UNDER IT", "RISE");
            for (ScenarioImpact.Rise rise : impact.rises()) {
                table.row("    " + rise.code(), rise.title() == null ? "" : rise.title(), Format.unit(rise.before()),
                        Format.unit(rise.after()), String.format(Locale.ROOT, "+%.2f", rise.delta()));
            }
            table.print(out);
        }
        for (ScenarioImpact.MovedTask task : impact.examples()) {
            out.println("  e.g. " + task.code() + " task " + task.taskId() + ": " + task.from() + " -> " + task.to()
                    + " (moved by " + String.join(", ", task.movedBy().stream().map(BottleneckFactor::name).toList())
                    + "): " + task.statement());
        }
        out.println();
    }

    private static String transitions(Map<String, Integer> transitions) {
        if (transitions.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        transitions.forEach((move, n) -> parts.add(move + " " + Format.count(n)));
        return " (" + String.join(", ", parts) + ")";
    }
}

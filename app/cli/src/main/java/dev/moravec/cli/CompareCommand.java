package dev.moravec.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.app.JsonViews;
import dev.moravec.app.MeasureComparison;
import dev.moravec.evaluation.Estimate;
import dev.moravec.evaluation.OccupationMeasure;
import dev.moravec.evaluation.OccupationMeasureReader;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import dev.moravec.taxonomy.index.IntervalSettings;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code moravec compare --measure FILE}: Moravec's scores side by side with a published occupation measure. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare Moravec's scores with a published occupation-level measure (TSV or CSV keyed by O*NET-SOC"
                + " or SOC codes): how many codes match and which do not, Spearman and Pearson with 90% bootstrap"
                + " intervals, and the occupations where the two disagree most, both ways, with what holds each back here.",
            "A 6-digit SOC code stands for every O*NET-SOC occupation under it; rows that share a code are averaged."
                + " Run 'moravec classify --taxonomy' first."})
final class CompareCommand implements Callable<Integer> {

    /** The columns of the CSV: one row per compared unit. */
    static final List<String> CSV = List.of("code", "title", "moravec", "measure", "moravecRank", "measureRank",
            "bottleneck", "overridden");

    @ParentCommand
    Moravec moravec;

    @Mixin
    DataMixin data;

    @Mixin
    ConfigMixin configuration;

    @Mixin
    OverridesMixin overrides;

    @Spec
    CommandSpec spec;

    @Option(names = "--measure", paramLabel = "FILE", required = true,
            description = "The measure: TSV or CSV with a header, a column of occupation codes and one of values.")
    Path measure;

    @Option(names = "--code-column", paramLabel = "NAME",
            description = "The column of codes (default: the one named O*NET-SOC Code, SOC Code, code or occupation).")
    String codeColumn;

    @Option(names = "--value-column", paramLabel = "NAME",
            description = "The column of values: numbers, or E0/E1/E2 or yes/no labels as evaluate reads them (default:"
                    + " the one column of such values).")
    String valueColumn;

    @Option(names = "--name", paramLabel = "LABEL", description = "What to call the measure (default: its column's name).")
    String name;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "occupation",
            description = "occupation (default), detailed, broad, minor or major.")
    String level;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "The most disagreements listed each way (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json (the API's document) or csv (one row per compared unit).")
    OutputFormat format;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + IntervalSettings.DEFAULT_SEED,
            description = "Seed of the bootstrap behind the correlations' intervals (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "" + IntervalSettings.DEFAULT_RESAMPLES,
            description = "Bootstrap resamples (default: ${DEFAULT-VALUE}, at least 100).")
    int resamples;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        IntervalSettings settings;
        try {
            settings = new IntervalSettings(resamples, seed);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--resamples: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        OccupationMeasure read = new OccupationMeasureReader().read(measure, codeColumn, valueColumn, name);
        EngineConfig config = configuration.read(moravec);
        Path dataDir = data.dir(moravec.environment);
        try (TaxonomyIndex index = data.openTaxonomy(moravec, spec.commandLine().getErr())) {
            MeasureComparison.Result result = new MeasureComparison(index).compare(read, level,
                    overrides.overrides(moravec, dataDir, config.thresholds()), limit, settings);
            overrides.warnUnknown(spec.commandLine().getErr(), result.overrides(), dataDir);
            ObjectNode view = new JsonViews(moravec.mapper).comparison(result);
            switch (format) {
                case table -> printTable(out, result, overrides.summary(result.overrides(), dataDir));
                case json -> OutputFormat.printJson(out, moravec.mapper, view);
                case csv -> {
                    List<ObjectNode> rows = new ArrayList<>();
                    view.path("points").forEach(p -> rows.add((ObjectNode) p));
                    OutputFormat.printCsv(out, CSV, rows);
                }
            }
        }
        return ExitCodes.OK;
    }

    private void printTable(PrintWriter out, MeasureComparison.Result result, String overrideLine) {
        OccupationMeasure m = result.measure();
        String unit = result.level().equals("occupation") ? "occupations" : result.level() + " groups";
        out.println("Moravec's scores and '" + m.name() + "' (" + m.source() + ", column '" + m.valueColumn() + "', "
                + m.scale() + ") at the " + result.level() + " level.");
        out.println("Read:       " + Format.count(m.rows()) + " rows, " + Format.count(m.values().size()) + " codes in column '"
                + m.codeColumn() + "'" + (m.values().size() < m.rows() - m.badRows().size() ? " (rows that share a code averaged)"
                        : "") + "; " + m.badRows().size() + " bad row" + (m.badRows().size() == 1 ? "" : "s")
                + (m.badRows().isEmpty() ? "." : ":"));
        m.badRows().forEach(bad -> out.println("  " + bad.where() + ": " + bad.reason()));
        out.println("Matched:    " + Format.count(result.matchedCodes()) + " of " + Format.count(m.values().size())
                + " codes (a 6-digit SOC code stands for all its O*NET-SOC occupations); " + result.unmatched().size()
                + " unmatched" + (result.unmatched().isEmpty() ? "." : ":"));
        result.unmatched().forEach(u -> out.println("  " + u.code() + " (" + m.source() + ":" + u.line() + "): " + u.reason()));
        out.println("Compared:   " + Format.count(result.correlations().pairs()) + " " + unit + " with both values; "
                + Format.count(result.withoutValue()) + " scored " + unit + " have no value in the measure.");
        if (overrideLine != null) {
            out.println(overrideLine);
        }
        out.println("Spearman:   " + estimate(result.correlations().spearman()) + "   Pearson: "
                + estimate(result.correlations().pearson()) + "   (90% bootstrap intervals over the " + unit + ", "
                + Format.count(result.correlations().resamples()) + " resamples, seed " + result.correlations().seed()
                + ")");
        disagreements(out, "Ranked higher by '" + m.name() + "' than by Moravec (exposed there, lagging here):",
                result.higherElsewhere(), m.name(), true);
        disagreements(out, "Ranked higher by Moravec than by '" + m.name() + "':", result.higherHere(), m.name(), false);
        out.flush();
    }

    private static void disagreements(PrintWriter out, String title, List<MeasureComparison.Unit> units, String name,
            boolean elsewhere) {
        out.println();
        out.println(title);
        if (units.isEmpty()) {
            out.println("  (none)");
            return;
        }
        Table table = new Table("CODE", "TITLE", "MORAVEC", "RANK", name.toUpperCase(Locale.ROOT), "RANK", "WHY");
        for (MeasureComparison.Unit u : units) {
            String why = elsewhere
                    ? (u.bottleneck() == null ? "lags here" : "lagging here because of " + u.bottleneck())
                    : (u.bottleneck() == null ? "leads here" : "leads here despite " + u.bottleneck());
            table.row(u.code(), u.title() == null ? "" : u.title(), Format.unit(u.moravec()) + (u.overridden() > 0 ? "*" : ""),
                    rank(u.moravecRank()), String.format(Locale.ROOT, "%.3f", u.measure()), rank(u.measureRank()), why);
        }
        table.print(out);
    }

    private static String rank(double rank) {
        return rank == Math.rint(rank) ? String.valueOf((long) rank) : String.format(Locale.ROOT, "%.1f", rank);
    }

    private static String estimate(Estimate estimate) {
        if (!estimate.isDefined()) {
            return "- (too few units)";
        }
        String value = String.format(Locale.ROOT, "%.3f", estimate.value());
        return Double.isNaN(estimate.low()) ? value
                : value + String.format(Locale.ROOT, " (90%% interval %.3f to %.3f)", estimate.low(), estimate.high());
    }
}

package dev.moravec.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.app.JsonViews;
import dev.moravec.app.TaxonomyService;
import dev.moravec.taxonomy.index.BottleneckShares;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import dev.moravec.taxonomy.index.WeightBasis;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moravec bottlenecks}: why families lag, factor by factor. */
@Command(name = "bottlenecks", mixinStandardHelpOptions = true,
        description = {"Why families lag: for each family, the share of its lagging work held back mainly by each"
                + " bottleneck factor (a lagging task counts for its dominant factor), and of its workers where"
                + " employment was imported; its dominant factor and its T, V and S. Run 'moravec classify --taxonomy'"
                + " first.",
            "Factors: EMBODIMENT, PERCEPTION, PRESENCE, TACIT_KNOWLEDGE, COMPUTER_USE (transferability);"
                + " LONG_HORIZON, SLOW_FEEDBACK, TASTE (verification cost)."})
final class BottlenecksCommand implements Callable<Integer> {

    @ParentCommand
    Moravec moravec;

    @Mixin
    DataMixin data;

    @Spec
    CommandSpec spec;

    @Option(names = "--level", paramLabel = "LEVEL",
            description = "occupation, detailed, broad, minor or major (default); with --classification, a level of"
                    + " that classification (isco08 1 to 4, esco occupation or 1 to 4, soc2010 detailed or major; default"
                    + " the major groups).")
    String level;

    @Option(names = "--classification", paramLabel = "NAME",
            description = "soc2018 (default), soc2010, isco08 or esco: the groups of another classification, reached"
                    + " through the imported crosswalks.")
    String classification;

    @Option(names = "--weight", paramLabel = "BASIS", defaultValue = "employment",
            description = "employment (default) or wages: weigh occupations within a group by employment or by wage bill.")
    String weight;

    @Option(names = "--family", paramLabel = "CODE", description = "Only within this SOC group.")
    String family;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table, json or csv.")
    OutputFormat format;

    @Mixin
    ConfigMixin configuration;

    @Mixin
    ViewMixin view;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (TaxonomyIndex index = data.openTaxonomy(moravec, spec.commandLine().getErr())) {
            Classification classified = Classification.parse(classification);
            java.nio.file.Path dataDir = data.dir(moravec.environment);
            BottleneckShares.Result result = new TaxonomyService(index).bottlenecks(level == null ? "major" : level,
                    family, classified, WeightBasis.parse(weight),
                    view.view(moravec, dataDir, configuration.read(moravec).thresholds()));
            view.overrides.warnUnknown(spec.commandLine().getErr(), result.overrides(), dataDir);
            ObjectNode json = new JsonViews(moravec.mapper).bottlenecks(result, family);
            switch (format) {
                case table -> printTable(out, result, view.overrides.summary(result.overrides(), dataDir));
                case json -> OutputFormat.printJson(out, moravec.mapper, json);
                case csv -> OutputFormat.printCsv(out, csvColumns(), csvRows(json));
            }
        }
        return ExitCodes.OK;
    }

    private void printTable(PrintWriter out, BottleneckShares.Result result, String overrides) {
        out.println("Bottlenecks by " + (result.classification().equals("soc2018") ? ""
                : dev.moravec.taxonomy.sources.crosswalk.Classification.ofLabel(result.classification()).title() + " ")
                + result.level() + (family == null ? "" : " within " + family)
                + ": the share of each family's lagging work held back mainly by each factor.");
        if (result.intervals() != null) {
            out.println(Format.intervals(result.intervals()));
        }
        if (overrides != null) {
            out.println(overrides);
        }
        List<String> header = new ArrayList<>(List.of("CODE", "TITLE", "SCORE", "90% INTERVAL", "LAGGING", "DOMINANT"));
        for (BottleneckFactor factor : BottleneckFactor.values()) {
            header.add(abbreviation(factor));
        }
        header.add("WORKERS LAGGING");
        boolean wages = result.rows().stream().anyMatch(r -> r.wageBill() != null);
        boolean other = !result.classification().equals("soc2018");
        if (wages) {
            header.add("WAGES LAGGING");
        }
        if (other) {
            header.add("COVERAGE");
        }
        Table table = new Table(header.toArray(String[]::new));
        for (BottleneckShares.Row row : result.rows()) {
            List<Object> cells = new ArrayList<>(List.of(row.code(), row.title() == null ? "" : row.title(),
                    Format.unit(row.scores().score()), Format.interval(row.interval()), percent(row.laggingShare()),
                    Format.factor(row.dominant())));
            for (BottleneckFactor factor : BottleneckFactor.values()) {
                Double share = row.ofLagging().get(factor);
                cells.add(share == null ? "-" : percent(share));
            }
            cells.add(row.employment() == null ? "-"
                    : Format.count(Math.round(row.employment() * row.laggingShare())));
            if (wages) {
                cells.add(Format.money(row.laggingWageBill()));
            }
            if (other) {
                cells.add(ClassificationNotes.coverage(row.coverage()));
            }
            table.row(cells.toArray());
        }
        table.print(out);
        if (wages) {
            out.println("WAGES LAGGING: the wage bill of its lagging work (employment x mean annual wage x lagging share);"
                    + " its split by factor is in --format json or csv, under wages.");
        }
        out.println("Factors: " + String.join(", ", java.util.Arrays.stream(BottleneckFactor.values())
                .map(f -> abbreviation(f) + " " + f.name()).toList()) + ".");
        if (result.unscored() > 0) {
            out.println("(" + Format.count(result.unscored()) + " without a score left out)");
        }
        if (other) {
            out.println("COVERAGE: the share of a group's crosswalk weight that reaches scored O*NET-SOC occupations;"
                    + " marked * below " + Format.percent(dev.moravec.taxonomy.index.Classifications.THIN_COVERAGE) + ".");
        }
        ClassificationNotes.attribution(out, result.classification());
        out.flush();
    }

    private static String abbreviation(BottleneckFactor factor) {
        return factor.name().substring(0, Math.min(4, factor.name().length()));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    private static List<String> csvColumns() {
        List<String> columns = new ArrayList<>(List.of("code", "title", "transferability", "verificationCost", "score",
                "interval.low", "interval.high", "laggingShare", "dominant", "employment", "occupations", "wageBill",
                "laggingWageBill", "coverage"));
        for (BottleneckFactor factor : BottleneckFactor.values()) {
            columns.add("ofLagging." + factor.name());
        }
        for (BottleneckFactor factor : BottleneckFactor.values()) {
            columns.add("workers." + factor.name());
        }
        for (BottleneckFactor factor : BottleneckFactor.values()) {
            columns.add("wages." + factor.name());
        }
        return columns;
    }

    /** The view's rows, their factor objects flattened to {@code ofLagging.X} and {@code workers.X}. */
    private static List<ObjectNode> csvRows(ObjectNode view) {
        List<ObjectNode> rows = new ArrayList<>();
        view.path("rows").forEach(row -> {
            ObjectNode flat = ((ObjectNode) row).deepCopy();
            for (String group : List.of("ofLagging", "workers", "wages", "interval")) {
                row.path(group).properties().forEach(e -> flat.set(group + "." + e.getKey(), e.getValue()));
                flat.remove(group);
            }
            rows.add(flat);
        });
        return rows;
    }
}

package dev.moravec.cli;

import dev.moravec.app.Session;
import dev.moravec.model.EngineConfig;
import dev.moravec.app.MeasureComparison;
import dev.moravec.evaluation.OccupationMeasureReader;
import dev.moravec.server.HtmlReport;
import dev.moravec.taxonomy.index.IntervalSettings;
import dev.moravec.taxonomy.index.ViewOptions;
import dev.moravec.taxonomy.index.TaxonomyClassifier;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code moravec report --out FILE}: one self-contained HTML file with the page's charts and tables; the
 * configuration's thresholds and scenarios go into it.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write one self-contained HTML file with the quadrant scatter, the ranking bar chart, why"
                + " families lag (their bottleneck factors), the breakthrough scenarios' impact and their tables, to"
                + " send to a colleague: it opens offline in any browser.",
            "A taxonomy that was never classified is classified first, as 'moravec classify --taxonomy' does."})
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    Moravec moravec;

    @Mixin
    HostMixin options;

    @Mixin
    ViewMixin view;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The HTML file to write.")
    Path out;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "major",
            description = "The ranking's level: major (default), minor, broad, detailed or occupation.")
    String level;

    @Option(names = "--family", paramLabel = "CODE",
            description = "Only this SOC group or occupation (any level: 15-0000, 15-1200, 15-1250, 15-1252, 15-1252.00).")
    String family;

    @Option(names = "--measure", paramLabel = "FILE",
            description = "Also set a published occupation measure beside the scores, as compare does, drawn as a"
                    + " scatter with the largest disagreements (TSV or CSV keyed by O*NET-SOC or SOC codes).")
    Path measure;

    @Option(names = "--code-column", paramLabel = "NAME", description = "With --measure: its column of codes.")
    String codeColumn;

    @Option(names = "--value-column", paramLabel = "NAME", description = "With --measure: its column of values.")
    String valueColumn;

    @Option(names = "--name", paramLabel = "LABEL", description = "With --measure: what to call it.")
    String name;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EngineConfig config = options.config(moravec.environment, moravec.mapper);
        try (TaxonomyIndex index = options.data.openTaxonomy(moravec, err)) {
            if (index.commitData().get(TaxonomyIndex.CLASSIFIED_KEY) == null) {
                err.println("moravec: the taxonomy is not classified yet: classifying it first");
                err.flush();
                try (Session session = Session.start(moravec.environment, options.session(), moravec.mapper, index)) {
                    Moravec.warn(err, session.pluginWarnings());
                    new TaxonomyClassifier(session.engine(Runtime.getRuntime().availableProcessors()), session.embedder())
                            .classify(index, line -> { });
                }
            }
            ViewOptions shown = view.view(moravec, options.data.dir(moravec.environment), config.thresholds());
            MeasureComparison.Result comparison = measure == null ? null : new MeasureComparison(index).compare(
                    new OccupationMeasureReader().read(measure, codeColumn, valueColumn, name), level, shown.overrides(),
                    10, shown.intervals() == null ? IntervalSettings.DEFAULT : shown.intervals());
            HtmlReport.Written written = new HtmlReport(moravec.mapper, index)
                    .write(out, new HtmlReport.Options(level, family, config, shown, comparison));
            stdout.printf(Locale.ROOT, "Wrote %s (%,d KB): %s tasks on the scatter, %s rows in the %s ranking. It opens"
                            + " offline in any browser.%n", out, Math.max(1, written.bytes() / 1024),
                    Format.count(written.tasks()), Format.count(written.rows()), level.toLowerCase(Locale.ROOT));
            stdout.flush();
        }
        return ExitCodes.OK;
    }
}

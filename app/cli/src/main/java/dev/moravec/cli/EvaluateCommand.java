package dev.moravec.cli;

import dev.moravec.catalog.ConfigurationFile;
import dev.moravec.evaluation.Bootstrap;
import dev.moravec.evaluation.Comparison;
import dev.moravec.evaluation.EvaluationReport;
import dev.moravec.evaluation.Evaluator;
import dev.moravec.model.EngineConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code moravec evaluate}: how the verdicts agree with reference labels, every figure with its interval. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Measure how Moravec's verdicts agree with reference labels: ROC AUC of S, T and 1-V, balanced"
                + " accuracy and Cohen's kappa of the PURE_REASONING decision, occupation-level Spearman and Pearson,"
                + " per scorer and per SOC major group, each with a seeded 95% bootstrap interval.",
            "The labelled tasks are rated by the plugins (or read from --scores) once; --compare evaluates two"
                + " configurations on the same ratings and resamples."})
final class EvaluateCommand implements Callable<Integer> {

    @ParentCommand
    Moravec moravec;

    @Mixin
    HostMixin host;

    @Mixin
    LabelOptions labelOptions;

    @Spec
    CommandSpec spec;

    @Option(names = "--compare", arity = "2", paramLabel = "CONFIG",
            description = "Compare two configurations (their weights and thresholds) side by side, with B - A and"
                    + " its paired interval. --config then only sets the scorer settings the ratings are made with.")
    List<Path> compare;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json.")
    ReportFormat format;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the bootstrap (default: 1).")
    long seed;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples (default: 1000).")
    int resamples;

    @Override
    public Integer call() throws Exception {
        LabelOptions.checkResamples(spec, resamples);
        labelOptions.check(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LabelledRatings data = LabelledRatings.load(moravec, host, labelOptions, err);
        long start = System.nanoTime();
        Evaluator evaluator = new Evaluator(new Bootstrap(resamples, seed));
        if (compare != null) {
            EngineConfig a = ConfigurationFile.read(compare.get(0), moravec.mapper);
            EngineConfig b = ConfigurationFile.read(compare.get(1), moravec.mapper);
            warnAboutSettings(err, compare.get(0), a, data.config());
            warnAboutSettings(err, compare.get(1), b, data.config());
            Comparison comparison = evaluator.compare(data.labels(), data.joined(), a, b);
            if (format == ReportFormat.json) {
                out.println(moravec.mapper.writerWithDefaultPrettyPrinter().writeValueAsString(
                        new ReportJson(moravec.mapper).comparison(comparison, compare.get(0).toString(),
                                compare.get(1).toString())));
            } else {
                new ReportTable(out).comparison(comparison, compare.get(0).toString(), compare.get(1).toString());
            }
        } else {
            EvaluationReport report = evaluator.evaluate(data.labels(), data.joined(), data.config());
            if (format == ReportFormat.json) {
                out.println(moravec.mapper.writerWithDefaultPrettyPrinter().writeValueAsString(new ReportJson(
                        moravec.mapper).evaluation(report, java.util.Objects.toString(host.configFile(moravec.environment), null))));
            } else {
                new ReportTable(out).evaluation(report);
            }
        }
        out.flush();
        err.printf(Locale.ROOT, "Evaluated in %.1f s (%s bootstrap resamples).%n", (System.nanoTime() - start) / 1e9,
                Format.count(resamples));
        err.flush();
        return ExitCodes.OK;
    }

    // a compared configuration changes weights and thresholds only: the ratings were made once
    private static void warnAboutSettings(PrintWriter err, Path file, EngineConfig compared, EngineConfig used) {
        compared.scorers().forEach((id, settings) -> {
            if (!settings.settings().equals(used.scorer(id).settings())) {
                err.println("moravec: warning: " + file + " sets scorers." + id + ".settings, which --compare does"
                        + " not apply: both configurations are evaluated on the ratings made with --config's settings");
            }
        });
    }
}

package dev.moravec.cli;

import dev.moravec.catalog.ConfigurationFile;
import dev.moravec.evaluation.Bootstrap;
import dev.moravec.evaluation.Calibrator;
import dev.moravec.evaluation.EvaluationReport;
import dev.moravec.evaluation.Evaluator;
import dev.moravec.model.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code moravec calibrate}: fits weights and thresholds to labels and writes them as a configuration. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit the scorers' weights to reference labels, maximising the ROC AUC of S (or, with"
                + " --label-axis, of that axis), then the quadrant thresholds, maximising the balanced accuracy of the"
                + " PURE_REASONING decision, and write them as a configuration that 'classify --config' reads.",
            "Prints the cross-validated figures (folds grouped by occupation) next to the uncalibrated ones and the"
                + " written configuration's in-sample figures, which 'evaluate --config' reproduces."})
final class CalibrateCommand implements Callable<Integer> {

    @ParentCommand
    Moravec moravec;

    @Mixin
    HostMixin host;

    @Mixin
    LabelOptions labelOptions;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "CONFIG",
            description = "Where to write the fitted configuration (JSON). It keeps --config's scorer settings.")
    Path configOut;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5",
            description = "Cross-validation folds, grouped by occupation (default: 5).")
    int folds;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed of the folds and the bootstrap (default: 1); the same seed gives the same result.")
    long seed;

    @Option(names = "--resamples", paramLabel = "N", defaultValue = "1000",
            description = "Bootstrap resamples (default: 1000).")
    int resamples;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json.")
    ReportFormat format;

    @Option(names = "--label-axis", paramLabel = "AXIS",
            description = "The axis the labels stand for, when they stand for one only: TRANSFERABILITY or"
                    + " VERIFICATION_COST. Then only that axis's weights and threshold are fitted, and the other's"
                    + " are kept from --config (or the defaults). Exposure labels are a proxy for transferability"
                    + " and say nothing about verification cost.")
    dev.moravec.api.Axis labelAxis;

    @Override
    public Integer call() throws Exception {
        if (folds < 2) {
            throw new ParameterException(spec.commandLine(), "--folds must be at least 2");
        }
        LabelOptions.checkResamples(spec, resamples);
        labelOptions.check(spec);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LabelledRatings data = LabelledRatings.load(moravec, host, labelOptions, err);
        long start = System.nanoTime();
        Calibrator.Calibration calibration;
        try {
            calibration = new Calibrator(data.config(), labelAxis).calibrate(data.joined().matched(), folds, seed);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(data.labels().source() + ": " + e.getMessage() + "; use fewer --folds", e);
        }
        ConfigurationFile.write(calibration.fitted(), configOut, moravec.mapper);
        Evaluator evaluator = new Evaluator(new Bootstrap(resamples, seed));
        EvaluationReport uncalibrated = evaluator.evaluate(data.labels(), data.joined(), data.config());
        EvaluationReport crossValidated = evaluator.evaluate(data.labels(),
                data.joined().withVerdicts(calibration.crossValidated()), null, Map.of());
        EvaluationReport inSample = evaluator.evaluate(data.labels(), data.joined(), calibration.fitted());
        if (format == ReportFormat.json) {
            out.println(moravec.mapper.writerWithDefaultPrettyPrinter().writeValueAsString(new ReportJson(moravec.mapper)
                    .calibration(calibration, uncalibrated, crossValidated, inSample, configOut.toString(), folds, seed)));
        } else {
            // the command that reproduces the in-sample figures reads the same inputs
            String inputs = labelOptions.labels + (labelOptions.scores == null ? "" : " --scores " + labelOptions.scores);
            new ReportTable(out).calibration(calibration, uncalibrated, crossValidated, inSample, configOut.toString(),
                    inputs, folds, seed);
        }
        out.flush();
        err.printf(Locale.ROOT, "Calibrated and evaluated in %.1f s (%d folds, %s bootstrap resamples).%n",
                (System.nanoTime() - start) / 1e9, folds, Format.count(resamples));
        err.flush();
        return ExitCodes.OK;
    }
}

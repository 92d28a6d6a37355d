package dev.moravec.cli;

import dev.moravec.api.Axis;
import dev.moravec.evaluation.Bootstrap;
import dev.moravec.evaluation.Calibrator;
import dev.moravec.evaluation.Comparison;
import dev.moravec.evaluation.Confusion;
import dev.moravec.evaluation.EvaluationReport;
import dev.moravec.evaluation.Evaluator;
import dev.moravec.evaluation.Figure;
import dev.moravec.evaluation.GroupFigures;
import dev.moravec.evaluation.LabelSet;
import dev.moravec.evaluation.LabeledTask;
import dev.moravec.evaluation.Measure;
import dev.moravec.evaluation.ScorerFigures;
import dev.moravec.model.ScorerSettings;
import dev.moravec.model.Thresholds;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Evaluation, comparison and calibration reports as text for a terminal at least 100 columns wide. */
final class ReportTable {

    /** Unmatched labels listed before "... and N more". */
    static final int UNMATCHED_SHOWN = 20;

    private static final int TITLE_WIDTH = 25;
    private static final int STATEMENT_WIDTH = 60;

    private final PrintWriter out;

    ReportTable(PrintWriter out) {
        this.out = out;
    }

    void evaluation(EvaluationReport report) {
        header(report.labels(), report);
        out.println("Verdicts:  " + weights(report.weights()) + "; PURE_REASONING at " + thresholds(report.thresholds()));
        out.println("Matched:   " + Format.count(report.matched()) + " of " + Format.count(report.labels().tasks().size())
                + " labelled tasks (" + Format.count(report.rated()) + " rated on both axes), "
                + Format.count(report.unmatched().size()) + " unmatched");
        out.println();
        figures(report);
        out.println();
        confusion(report.confusion());
        out.println();
        scorers(report.scorers());
        out.println();
        groups(report.groups());
        out.println();
        unmatched(report);
        out.flush();
    }

    void comparison(Comparison comparison, String nameA, String nameB) {
        header(comparison.a().labels(), comparison.a());
        out.println("A:         " + nameA + ": " + weights(comparison.a().weights()) + "; "
                + thresholds(comparison.a().thresholds()));
        out.println("B:         " + nameB + ": " + weights(comparison.b().weights()) + "; "
                + thresholds(comparison.b().thresholds()));
        out.println("           both on the same ratings and the same resamples: B - A and its interval are paired");
        out.println();
        Table table = new Table("FIGURE", "A", "B", "B - A", "95% INTERVAL OF B - A");
        for (Measure m : Measure.values()) {
            var d = comparison.difference().get(m);
            table.row(m.label(), Format.estimate(comparison.a().figure(m).estimate()),
                    Format.estimate(comparison.b().figure(m).estimate()), Format.difference(d.value()),
                    Format.interval(d));
        }
        table.print(out);
        out.println();
        out.println("Balanced accuracy and kappa are of the PURE_REASONING decision; occupation figures correlate");
        out.println("occupation scores with mean labels (" + comparison.a().labels().scale().mapping() + ").");
        out.flush();
    }

    void calibration(Calibrator.Calibration calibration, EvaluationReport uncalibrated, EvaluationReport crossValidated,
            EvaluationReport inSample, String written, String labelsPath, int folds, long seed) {
        LabelSet labels = uncalibrated.labels();
        out.println("Labels:    " + labels.source() + ", column " + labels.column() + " (" + labels.scale().label()
                + "), positive " + String.join(", ", labels.positiveValues()));
        out.println("           " + Format.count(uncalibrated.matched()) + " labelled tasks of "
                + Format.count(uncalibrated.occupations()) + " occupations");
        out.println("Objective: " + calibration.objective() + ",");
        out.println("           thresholds on a " + Calibrator.STEP + " grid; " + folds
                + " folds grouped by occupation (no occupation in two folds), seed " + seed);
        if (calibration.weightsFitted()) {
            out.println("Weights:   each scorer's weight from " + Calibrator.WEIGHTS.stream().map(ReportTable::number)
                    .collect(Collectors.joining(", ")) + ", one scorer at a time");
        } else {
            out.println("Weights:   " + String.join(", ", calibration.scorers()) + " is the only scorer: its weight"
                    + " changes no verdict, so only the thresholds are fitted");
        }
        out.println();
        Table table = new Table("FOLD", "OCCUPATIONS", "TASKS", "FITTED THRESHOLDS", "WEIGHTS", "BA FITTING",
                "BA HELD OUT");
        for (Calibrator.Fold fold : calibration.folds()) {
            table.row(fold.index(), Format.count(fold.occupations()), Format.count(fold.tasks()),
                    thresholds(fold.fit().config().thresholds()), weights(weightsOf(fold.fit().config(), calibration)),
                    Format.figure(fold.fit().balancedAccuracy()), Format.figure(fold.heldOutBalancedAccuracy()));
        }
        table.print(out);
        out.println();
        out.println("Fitted on all labels: " + thresholds(calibration.fitted().thresholds()) + "; "
                + weights(weightsOf(calibration.fitted(), calibration)) + "; written to " + written);
        out.println();
        Table figures = new Table("FIGURE", "UNCALIBRATED", "CROSS-VALIDATED", "IN-SAMPLE (WRITTEN CONFIG)");
        for (Measure m : Measure.values()) {
            figures.row(m.label(), Format.estimate(uncalibrated.figure(m).estimate()),
                    Format.estimate(crossValidated.figure(m).estimate()), Format.estimate(inSample.figure(m).estimate()));
        }
        figures.print(out);
        out.println();
        out.println("Uncalibrated: " + weights(uncalibrated.weights()) + ", " + thresholds(uncalibrated.thresholds())
                + ", on all labels.");
        out.println("Cross-validated: each fold's tasks judged by the configuration fitted on the other folds, pooled;");
        out.println("  what to expect on occupations the calibration has not seen.");
        out.println("In-sample: the written configuration on all labels (optimistic); this reproduces it exactly:");
        out.println("  moravec evaluate --labels " + labelsPath + " --config " + written
                + (seed == Bootstrap.DEFAULT_SEED ? "" : " --seed " + seed)
                + (inSample.resamples() == Bootstrap.DEFAULT_RESAMPLES ? "" : " --resamples " + inSample.resamples()));
        out.flush();
    }

    private void header(LabelSet labels, EvaluationReport report) {
        out.println("Labels:    " + labels.source() + ", column " + labels.column() + " (" + labels.scale().label()
                + "), positive " + String.join(", ", labels.positiveValues()));
        out.println("           " + Format.count(labels.tasks().size()) + " labelled tasks ("
                + Format.count(labels.positives()) + " positive) of " + Format.count(labels.occupations()) + " occupations");
        out.println("Intervals: 95% bootstrap percentile, " + Format.count(report.resamples())
                + " resamples (of tasks, or of occupations), seed " + report.seed());
    }

    private void figures(EvaluationReport report) {
        Table table = new Table("FIGURE", "VALUE", "95% INTERVAL", "N");
        for (Measure m : Measure.values()) {
            Figure f = report.figure(m);
            String label = m == Measure.BALANCED_ACCURACY || m == Measure.KAPPA ? m.label() + " (PURE_REASONING)"
                    : m.label();
            table.row(label, Format.figure(f.estimate().value()), Format.interval(f.estimate()), Format.count(f.n()));
        }
        table.print(out);
        out.println("ROC AUC: chance that a positive task scores above a negative one (0.5 is chance). Occupations:");
        out.println("mean S against the mean label (" + report.labels().scale().mapping()
                + "; core tasks 2, supplemental 1).");
    }

    private void confusion(Confusion c) {
        Table table = new Table("DECISION", "LABEL POSITIVE", "LABEL NEGATIVE");
        table.row("PURE_REASONING", Format.count(c.truePositive()), Format.count(c.falsePositive()));
        table.row("other quadrant or unrated", Format.count(c.falseNegative()), Format.count(c.trueNegative()));
        table.print(out);
    }

    private void scorers(List<ScorerFigures> scorers) {
        out.println("Per scorer: each scorer's own ratings, on the tasks it rated on that axis");
        Table table = new Table("SCORER", "VERSION", "RATED", "FIGURE", "VALUE", "95% INTERVAL", "N");
        for (ScorerFigures s : scorers) {
            table.row(s.scorer(), s.version(), Format.count(s.rated()), Measure.AUC_SCORE.label(),
                    Format.figure(s.aucScore().estimate().value()), Format.interval(s.aucScore().estimate()),
                    Format.count(s.aucScore().n()));
            table.row("", "", "", Measure.AUC_TRANSFERABILITY.label(),
                    Format.figure(s.aucTransferability().estimate().value()),
                    Format.interval(s.aucTransferability().estimate()), Format.count(s.aucTransferability().n()));
            table.row("", "", "", Measure.AUC_ONE_MINUS_VERIFICATION_COST.label(),
                    Format.figure(s.aucOneMinusVerificationCost().estimate().value()),
                    Format.interval(s.aucOneMinusVerificationCost().estimate()),
                    Format.count(s.aucOneMinusVerificationCost().n()));
        }
        table.print(out);
    }

    private void groups(List<GroupFigures> groups) {
        out.println("Per SOC major group: task ROC AUC of S; occupation Spearman where "
                + Evaluator.MIN_GROUP_OCCUPATIONS + " or more occupations have a score");
        Table table = new Table("GROUP", "TITLE", "TASKS", "AUC (S)", "95% INTERVAL", "OCCS", "SPEARMAN",
                "95% INTERVAL");
        for (GroupFigures g : groups) {
            table.row(g.group().code(), title(g.group().title()), Format.count(g.tasks()),
                    Format.figure(g.aucScore().estimate().value()), Format.interval(g.aucScore().estimate()),
                    Format.count(g.occupations()), Format.figure(g.spearman().estimate().value()),
                    Format.interval(g.spearman().estimate()));
        }
        table.print(out);
    }

    private void unmatched(EvaluationReport report) {
        List<LabeledTask> unmatched = report.unmatched();
        if (unmatched.isEmpty()) {
            out.println("Unmatched: none; every labelled task was matched to a verdict.");
            return;
        }
        out.println("Unmatched: " + Format.count(unmatched.size()) + " labelled tasks matched no verdict by id or"
                + " statement and are left out of every figure:");
        Table table = new Table("  WHERE", "ID", "STATEMENT");
        for (LabeledTask task : unmatched.subList(0, Math.min(UNMATCHED_SHOWN, unmatched.size()))) {
            table.row("  " + report.labels().source() + ":" + task.line(), task.id() == null ? "-" : task.id(),
                    task.statement() == null ? "(none: nothing to rate)" : shorten(task.statement(), STATEMENT_WIDTH));
        }
        table.print(out);
        if (unmatched.size() > UNMATCHED_SHOWN) {
            out.println("  ... and " + Format.count(unmatched.size() - UNMATCHED_SHOWN) + " more (--format json lists"
                    + " them all)");
        }
    }

    static String thresholds(Thresholds t) {
        return t == null ? "thresholds fitted per fold" : String.format(Locale.ROOT, "T >= %.2f and V <= %.2f",
                t.transferability(), t.verificationCost());
    }

    static String weights(Map<String, ScorerSettings> weights) {
        return weights.isEmpty() ? "weights fitted per fold" : weights.entrySet().stream()
                .map(e -> e.getKey() + " " + weight(e.getValue())).collect(Collectors.joining(", "));
    }

    static String weight(ScorerSettings settings) {
        double t = settings.enabled() ? settings.weight(Axis.TRANSFERABILITY) : 0;
        double v = settings.enabled() ? settings.weight(Axis.VERIFICATION_COST) : 0;
        return t == v ? "weight " + number(t) : "weight T " + number(t) + " / V " + number(v);
    }

    static Map<String, ScorerSettings> weightsOf(dev.moravec.model.EngineConfig config,
            Calibrator.Calibration calibration) {
        Map<String, ScorerSettings> weights = new java.util.TreeMap<>();
        for (String id : calibration.scorers()) {
            weights.put(id, config.scorer(id));
        }
        return weights;
    }

    static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static String title(String title) {
        String shortTitle = title.replaceFirst(" Occupations$", "");
        return shorten(shortTitle, TITLE_WIDTH);
    }

    private static String shorten(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3).stripTrailing() + "...";
    }
}

package dev.moravec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.api.Axis;
import dev.moravec.evaluation.Bootstrap;
import dev.moravec.evaluation.Calibrator;
import dev.moravec.evaluation.Comparison;
import dev.moravec.evaluation.Confusion;
import dev.moravec.evaluation.Estimate;
import dev.moravec.evaluation.EvaluationReport;
import dev.moravec.evaluation.Figure;
import dev.moravec.evaluation.GroupFigures;
import dev.moravec.evaluation.LabelSet;
import dev.moravec.evaluation.LabeledTask;
import dev.moravec.evaluation.Measure;
import dev.moravec.evaluation.ScorerFigures;
import dev.moravec.model.ScorerSettings;
import dev.moravec.model.Thresholds;
import java.util.Map;

/**
 * Evaluation, comparison and calibration reports as JSON documents whose field names docs/evaluation.md
 * documents and scripts rely on. Figures are rounded to four decimals; an undefined one is
 * {@code null}.
 */
final class ReportJson {

    private final ObjectMapper mapper;

    ReportJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode evaluation(EvaluationReport report, String configFile) {
        ObjectNode root = mapper.createObjectNode();
        root.set("labels", labels(report.labels()));
        root.set("configuration", configuration(report.thresholds(), report.weights(), configFile));
        root.set("bootstrap", bootstrap(report));
        root.put("matched", report.matched());
        root.put("rated", report.rated());
        root.put("occupations", report.occupations());
        root.put("unmatchedCount", report.unmatched().size());
        root.set("figures", figures(report));
        root.set("confusion", confusion(report.confusion()));
        ArrayNode scorers = root.putArray("scorers");
        for (ScorerFigures s : report.scorers()) {
            ObjectNode node = scorers.addObject();
            node.put("scorer", s.scorer());
            node.put("version", s.version());
            node.put("rated", s.rated());
            node.set(Measure.AUC_SCORE.key(), figure(s.aucScore()));
            node.set(Measure.AUC_TRANSFERABILITY.key(), figure(s.aucTransferability()));
            node.set(Measure.AUC_ONE_MINUS_VERIFICATION_COST.key(), figure(s.aucOneMinusVerificationCost()));
        }
        ArrayNode groups = root.putArray("majorGroups");
        for (GroupFigures g : report.groups()) {
            ObjectNode node = groups.addObject();
            node.put("code", g.group().code());
            node.put("title", g.group().title());
            node.put("tasks", g.tasks());
            node.set(Measure.AUC_SCORE.key(), figure(g.aucScore()));
            node.put("occupations", g.occupations());
            node.set("spearman", figure(g.spearman()));
        }
        ArrayNode unmatched = root.putArray("unmatched");
        for (LabeledTask task : report.unmatched()) {
            ObjectNode node = unmatched.addObject();
            node.put("line", task.line());
            node.put("id", task.id());
            node.put("statement", task.statement());
            node.put("occupationCode", task.occupationCode());
            node.put("label", task.label());
        }
        return root;
    }

    ObjectNode comparison(Comparison comparison, String fileA, String fileB) {
        ObjectNode root = mapper.createObjectNode();
        root.set("labels", labels(comparison.a().labels()));
        root.set("bootstrap", bootstrap(comparison.a()));
        root.set("a", side(comparison.a(), fileA));
        root.set("b", side(comparison.b(), fileB));
        ObjectNode difference = root.putObject("difference");
        for (Measure m : Measure.values()) {
            difference.set(m.key(), estimate(comparison.difference().get(m)));
        }
        return root;
    }

    ObjectNode calibration(Calibrator.Calibration calibration, EvaluationReport uncalibrated,
            EvaluationReport crossValidated, EvaluationReport inSample, String written, int folds, long seed) {
        ObjectNode root = mapper.createObjectNode();
        root.set("labels", labels(uncalibrated.labels()));
        root.put("objective", calibration.objective());
        root.put("thresholdStep", Calibrator.STEP);
        root.put("weightsFitted", calibration.weightsFitted());
        ObjectNode foldsNode = root.putObject("folds");
        foldsNode.put("count", folds);
        foldsNode.put("seed", seed);
        foldsNode.put("groupedBy", "occupation");
        ArrayNode list = foldsNode.putArray("list");
        for (Calibrator.Fold fold : calibration.folds()) {
            ObjectNode node = list.addObject();
            node.put("fold", fold.index());
            node.put("occupations", fold.occupations());
            node.put("tasks", fold.tasks());
            node.set("configuration", configuration(fold.fit().config().thresholds(),
                    ReportTable.weightsOf(fold.fit().config(), calibration), null));
            number(node, "fittingBalancedAccuracy", fold.fit().balancedAccuracy());
            number(node, "heldOutBalancedAccuracy", fold.heldOutBalancedAccuracy());
        }
        ObjectNode fitted = configuration(calibration.fitted().thresholds(),
                ReportTable.weightsOf(calibration.fitted(), calibration), written);
        number(fitted, "balancedAccuracy", calibration.balancedAccuracy());
        root.set("fitted", fitted);
        root.set("uncalibrated", evaluation(uncalibrated, null));
        root.set("crossValidated", evaluation(crossValidated, null));
        root.set("inSample", evaluation(inSample, written));
        return root;
    }

    private ObjectNode side(EvaluationReport report, String file) {
        ObjectNode node = mapper.createObjectNode();
        node.set("configuration", configuration(report.thresholds(), report.weights(), file));
        node.put("rated", report.rated());
        node.set("figures", figures(report));
        node.set("confusion", confusion(report.confusion()));
        return node;
    }

    private ObjectNode labels(LabelSet labels) {
        ObjectNode node = mapper.createObjectNode();
        node.put("file", labels.source());
        node.put("column", labels.column());
        node.put("scale", labels.scale().label());
        node.put("ordinal", labels.scale().mapping());
        ArrayNode positive = node.putArray("positive");
        labels.positiveValues().forEach(positive::add);
        node.put("tasks", labels.tasks().size());
        node.put("positives", labels.positives());
        node.put("occupations", labels.occupations());
        return node;
    }

    private ObjectNode configuration(Thresholds thresholds, Map<String, ScorerSettings> weights, String file) {
        ObjectNode node = mapper.createObjectNode();
        node.put("file", file);
        if (thresholds == null) {
            node.putNull("thresholds");
        } else {
            ObjectNode t = node.putObject("thresholds");
            t.put("transferability", thresholds.transferability());
            t.put("verificationCost", thresholds.verificationCost());
        }
        if (weights.isEmpty()) {
            node.putNull("weights");
        } else {
            ObjectNode w = node.putObject("weights");
            weights.forEach((id, settings) -> w.putObject(id)
                    .put("transferability", settings.enabled() ? settings.weight(Axis.TRANSFERABILITY) : 0)
                    .put("verificationCost", settings.enabled() ? settings.weight(Axis.VERIFICATION_COST) : 0));
        }
        return node;
    }

    private ObjectNode bootstrap(EvaluationReport report) {
        ObjectNode node = mapper.createObjectNode();
        node.put("resamples", report.resamples());
        node.put("seed", report.seed());
        node.put("level", Bootstrap.LEVEL);
        return node;
    }

    private ObjectNode figures(EvaluationReport report) {
        ObjectNode node = mapper.createObjectNode();
        for (Measure m : Measure.values()) {
            node.set(m.key(), figure(report.figure(m)));
        }
        return node;
    }

    private ObjectNode confusion(Confusion c) {
        ObjectNode node = mapper.createObjectNode();
        node.put("truePositive", c.truePositive());
        node.put("falsePositive", c.falsePositive());
        node.put("falseNegative", c.falseNegative());
        node.put("trueNegative", c.trueNegative());
        return node;
    }

    private ObjectNode figure(Figure figure) {
        ObjectNode node = estimate(figure.estimate());
        node.put("n", figure.n());
        return node;
    }

    private ObjectNode estimate(Estimate estimate) {
        ObjectNode node = mapper.createObjectNode();
        number(node, "value", estimate.value());
        number(node, "low", estimate.low());
        number(node, "high", estimate.high());
        return node;
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isNaN(value)) {
            node.putNull(name);
        } else {
            node.put(name, Math.round(value * 10_000.0) / 10_000.0);
        }
    }
}

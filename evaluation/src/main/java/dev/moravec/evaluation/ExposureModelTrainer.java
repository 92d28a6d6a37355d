package dev.moravec.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.api.Embedder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the semantic scorer's learned layer: a logistic regression from a task statement's embedding
 * to the probability that its label is positive (for the exposure labels, that a language model makes
 * the task much faster: a proxy for transferability). The penalty is chosen by cross-validation
 * grouped by occupation, so the figure reported is for occupations the model never saw; the model
 * written is then fitted on all the labels with that penalty.
 */
public final class ExposureModelTrainer {

    /** The penalties tried. */
    public static final double[] PENALTIES = {1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3};

    /**
     * What training found.
     *
     * @param penalty the chosen L2 penalty
     * @param aucByPenalty the cross-validated ROC AUC of each penalty tried
     * @param model the model fitted on all labels with the chosen penalty
     * @param tasks the labelled tasks used (those with a statement)
     * @param positives the positive ones
     * @param occupations the occupations they belong to
     * @param foldModels for each fold, the model fitted without it, with the chosen penalty
     * @param folds which fold each labelled task (with a statement) fell in
     * @param used the labelled tasks used, in the order of {@code folds}
     */
    public record Result(double penalty, Map<Double, Double> aucByPenalty, LogisticModel model, int tasks, int positives,
            long occupations, List<LogisticModel> foldModels, GroupedFolds folds, List<LabeledTask> used) {

        /** @return the cross-validated ROC AUC of the chosen penalty */
        public double auc() {
            return aucByPenalty.get(penalty);
        }
    }

    private final Embedder embedder;

    /**
     * @param embedder embeds the statements (its cache makes a second training quick)
     */
    public ExposureModelTrainer(Embedder embedder) {
        this.embedder = embedder;
    }

    /**
     * Trains on a label file.
     *
     * @param labels the labels
     * @param folds the number of folds
     * @param seed the folds' seed
     * @return the chosen penalty, the cross-validated figures and the final model
     */
    public Result train(LabelSet labels, int folds, long seed) {
        List<LabeledTask> tasks = labels.tasks().stream().filter(t -> t.statement() != null).toList();
        List<float[]> vectors = embedder.embedAll(tasks.stream().map(LabeledTask::statement).toList());
        float[][] x = vectors.toArray(float[][]::new);
        boolean[] y = new boolean[tasks.size()];
        List<String> groups = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            y[i] = tasks.get(i).positive();
            String code = tasks.get(i).occupationCode();
            groups.add(code != null ? code : "line " + tasks.get(i).line());
        }
        GroupedFolds split = GroupedFolds.assign(groups, folds, seed);
        Map<Double, Double> aucs = new LinkedHashMap<>();
        double best = PENALTIES[0];
        List<LogisticModel> foldModels = null; // the best penalty's, kept: fitting is deterministic
        for (double penalty : PENALTIES) {
            double[] predicted = new double[tasks.size()];
            List<LogisticModel> models = new ArrayList<>();
            for (int fold = 0; fold < split.folds(); fold++) {
                int[] fitting = split.fitting(fold);
                LogisticModel model = LogisticModel.fit(rows(x, fitting), labels(y, fitting), penalty);
                models.add(model);
                for (int i : split.checking(fold)) {
                    predicted[i] = model.probability(x[i]);
                }
            }
            double auc = Metrics.auc(predicted, y);
            aucs.put(penalty, auc);
            if (foldModels == null || auc > aucs.get(best)) {
                best = penalty;
                foldModels = models;
            }
        }
        LogisticModel model = LogisticModel.fit(x, y, best);
        int positives = 0;
        for (boolean positive : y) {
            positives += positive ? 1 : 0;
        }
        return new Result(best, aucs, model, tasks.size(), positives, groups.stream().distinct().count(), foldModels,
                split, tasks);
    }

    private static float[][] rows(float[][] x, int[] index) {
        float[][] rows = new float[index.length][];
        for (int i = 0; i < index.length; i++) {
            rows[i] = x[index[i]];
        }
        return rows;
    }

    private static boolean[] labels(boolean[] y, int[] index) {
        boolean[] labels = new boolean[index.length];
        for (int i = 0; i < index.length; i++) {
            labels[i] = y[index[i]];
        }
        return labels;
    }

    /**
     * The model file the semantic scorer reads.
     *
     * @param result the training's result
     * @param labels the labels it was trained on
     * @param folds the folds used
     * @param seed the folds' seed
     * @param mapper the mapper
     * @return the JSON document
     */
    public ObjectNode toJson(Result result, LabelSet labels, int folds, long seed, ObjectMapper mapper) {
        return toJson(result.model(), result, labels, folds, seed, mapper);
    }

    /**
     * The model file of one model of a training: the final one or a fold's.
     *
     * @param model the model to write
     * @param result the training's result
     * @param labels the labels it was trained on
     * @param folds the folds used
     * @param seed the folds' seed
     * @param mapper the mapper
     * @return the JSON document
     */
    public ObjectNode toJson(LogisticModel model, Result result, LabelSet labels, int folds, long seed,
            ObjectMapper mapper) {
        ObjectNode json = mapper.createObjectNode();
        json.put("kind", "moravec-exposure-model");
        json.put("model", embedder.modelId());
        json.put("dimension", embedder.dimension());
        json.put("predicts", "P(label in " + String.join(", ", labels.positiveValues()) + ") of column "
                + labels.column() + ", a proxy for transferability");
        json.put("bias", model.bias());
        ArrayNode weights = json.putArray("weights");
        for (double w : model.weights()) {
            weights.add((float) w);
        }
        ObjectNode trained = json.putObject("trainedOn");
        trained.put("labels", labels.source());
        trained.put("tasks", result.tasks());
        trained.put("positive", result.positives());
        trained.put("occupations", result.occupations());
        ObjectNode cv = json.putObject("crossValidated");
        cv.put("folds", folds);
        cv.put("seed", seed);
        cv.put("groupedBy", "occupation");
        cv.put("penalty", result.penalty());
        cv.put("auc", Math.round(result.auc() * 10_000) / 10_000.0);
        ObjectNode byPenalty = cv.putObject("aucByPenalty");
        result.aucByPenalty().forEach((p, auc) -> byPenalty.put(Double.toString(p), Math.round(auc * 10_000) / 10_000.0));
        return json;
    }
}

package dev.moravec.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.embeddings.EmbeddingService;
import dev.moravec.evaluation.ExposureModelTrainer;
import dev.moravec.evaluation.LabelReader;
import dev.moravec.evaluation.LabelSet;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code moravec train semantic}: fits the semantic scorer's learned layer on reference labels. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Fit a scorer's learned part on reference labels.",
        subcommands = {TrainCommand.Semantic.class})
final class TrainCommand {

    @ParentCommand
    Moravec moravec;

    /** {@code moravec train semantic}. */
    @Command(name = "semantic", mixinStandardHelpOptions = true,
            description = {"Fit the semantic scorer's learned layer: a logistic regression from a statement's embedding"
                    + " to the probability of a positive label (for exposure labels, a proxy for transferability).",
                "The L2 penalty is chosen by cross-validation grouped by occupation; the model is then fitted on all"
                    + " labels. The semantic plugin reads it from its exposure-model.json (or the file named by"
                    + " scorers.semantic.settings.model)."})
    static final class Semantic implements Callable<Integer> {

        @ParentCommand
        TrainCommand parent;

        @Mixin
        DataMixin data;

        @Spec
        CommandSpec spec;

        @Option(names = "--labels", required = true, paramLabel = "FILE", description = "Reference labels.")
        Path labels;

        @Option(names = "--label-column", paramLabel = "NAME", defaultValue = LabelReader.DEFAULT_COLUMN,
                description = "The label column (default: ${DEFAULT-VALUE}).")
        String column;

        @Option(names = "--positive", paramLabel = "VALUES", split = ",", description = "The positive labels.")
        java.util.List<String> positive = new java.util.ArrayList<>();

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the model (JSON).")
        Path out;

        @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "Folds (default: 5).")
        int folds;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of the folds (default: 1).")
        long seed;

        @Option(names = "--fold-models", paramLabel = "DIR",
                description = "Also write, for each fold k, the model fitted without it (fold-k.json) and its labelled"
                        + " tasks as a catalog (fold-k.tsv), so each fold can be classified by a model that never saw"
                        + " it: out-of-fold ratings for an honest 'calibrate --scores'.")
        Path foldModels;

        @Override
        public Integer call() throws Exception {
            Moravec moravec = parent.moravec;
            PrintWriter out = spec.commandLine().getOut();
            LabelSet set = new LabelReader(moravec.mapper).read(labels, column, positive);
            long started = System.nanoTime();
            try (EmbeddingService embedder = new EmbeddingService(data.dir(moravec.environment).resolve("cache"),
                    Runtime.getRuntime().availableProcessors(), moravec.environment.vectorCacheBytes())) {
                ExposureModelTrainer trainer = new ExposureModelTrainer(embedder);
                ExposureModelTrainer.Result result = trainer.train(set, folds, seed);
                ObjectNode json = trainer.toJson(result, set, folds, seed, moravec.mapper);
                if (out != null && this.out.getParent() != null) {
                    Files.createDirectories(this.out.getParent());
                }
                Files.writeString(this.out, moravec.mapper.writer().with(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(json) + "\n");
                out.printf(Locale.ROOT, "Trained on %s labelled tasks (%s positive) of %s occupations from %s in %.1f s.%n",
                        Format.count(result.tasks()), Format.count(result.positives()),
                        Format.count(result.occupations()), set.source(), (System.nanoTime() - started) / 1e9);
                out.printf(Locale.ROOT, "Cross-validated ROC AUC (%d folds grouped by occupation, seed %d):%n", folds, seed);
                result.aucByPenalty().forEach((penalty, auc) -> out.printf(Locale.ROOT, "  penalty %-7s %.4f%s%n",
                        penalty, auc, penalty == result.penalty() ? "  <- chosen" : ""));
                out.println("Wrote " + this.out + " (fitted on all labels with the chosen penalty).");
                if (foldModels != null) {
                    writeFolds(trainer, result, set, moravec);
                    out.println("Wrote " + result.foldModels().size() + " fold models and catalogs to " + foldModels + ".");
                }
                out.flush();
            }
            return ExitCodes.OK;
        }

        private void writeFolds(ExposureModelTrainer trainer, ExposureModelTrainer.Result result, LabelSet set,
                Moravec moravec) throws java.io.IOException {
            Files.createDirectories(foldModels);
            for (int fold = 0; fold < result.foldModels().size(); fold++) {
                ObjectNode json = trainer.toJson(result.foldModels().get(fold), result, set, folds, seed, moravec.mapper);
                Files.writeString(foldModels.resolve("fold-" + (fold + 1) + ".json"),
                        moravec.mapper.writeValueAsString(json) + "\n");
                StringBuilder catalog = new StringBuilder("O*NET-SOC Code\tTask ID\tTask\tTask Type\n");
                for (int i : result.folds().checking(fold)) {
                    var task = result.used().get(i);
                    catalog.append(task.occupationCode() == null ? "" : task.occupationCode()).append('\t')
                            .append(task.id() == null ? "line-" + task.line() : task.id()).append('\t')
                            .append(task.statement().replace('\t', ' ')).append('\t')
                            .append(task.type() == null ? "" : task.type().name()).append('\n');
                }
                Files.writeString(foldModels.resolve("fold-" + (fold + 1) + ".tsv"), catalog);
            }
        }
    }
}

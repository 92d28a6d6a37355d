package dev.moravec.bench;

import static dev.moravec.bench.Measures.deleteRecursively;
import static dev.moravec.bench.Measures.seconds;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.moravec.api.Task;
import dev.moravec.app.Session;
import dev.moravec.cli.ClassifyCommand;
import dev.moravec.cli.ExitCodes;
import dev.moravec.cli.Format;
import dev.moravec.cli.HostMixin;
import dev.moravec.cli.ReleaseMixin;
import dev.moravec.embeddings.EmbeddingService;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import dev.moravec.taxonomy.sources.Release;
import dev.moravec.taxonomy.sources.TaxonomyTask;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code moravec-bench scorers SOURCE}. */
@Command(name = "scorers", mixinStandardHelpOptions = true,
        description = {"Time the embedding service against the raw model, then classify every task of a release with"
                + " the active scorers twice: with an empty vector cache, then with the cache filled.",
            "Everything runs in a scratch folder: the user's index and cache are not touched."})
final class ScorersBench implements Callable<Integer> {

    @ParentCommand
    MoravecBench parent;

    @Mixin
    HostMixin host;

    @Spec
    CommandSpec spec;

    @Mixin
    ReleaseMixin source;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "2000",
            description = "How many distinct task statements the embedding comparison embeds (default: 2000).")
    int sample;

    @Override
    public Integer call() throws Exception {
        if (host.data.data != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "bench scorers works in a scratch folder of its own: leave out --data");
        }
        PrintWriter out = spec.commandLine().getOut();
        MoravecBench moravec = parent;
        int threads = Runtime.getRuntime().availableProcessors();
        Path scratch = Files.createTempDirectory("moravec-bench-");
        try {
            Release release = source.read(line -> { });
            List<Task> tasks = release.tasks().stream().map(TaxonomyTask::task).toList();
            out.printf(Locale.ROOT, "Scorer benchmark on %d cores, Java %s (%s tasks)%n", threads, Runtime.version(),
                    Format.count(tasks.size()));
            out.flush();
            embeddings(out, tasks, scratch.resolve("embeddings"), threads);
            host.data.data = scratch.resolve("data");
            try (TaxonomyIndex index = TaxonomyIndex.open(scratch.resolve("data/index"), moravec.mapper)) {
                index.replace(release, line -> { });
                long started = System.nanoTime();
                try (Session session = Session.start(moravec.environment, host.session(), moravec.mapper, index)) {
                    ScoringEngine engine = session.engine(threads);
                    long ready = System.nanoTime();
                    long atStart = session.embedder().computedCount();
                    long first = classify(engine, tasks);
                    long second = classify(engine, tasks);
                    out.printf(Locale.ROOT, "  classification with %s: start-up %.2f s (%s texts embedded, such as"
                                    + " the semantic scorer's exemplars)%n", engine.scorers().stream().map(h -> h.id())
                                    .toList(), seconds(ready - started), Format.count(atStart));
                    out.printf(Locale.ROOT, "    first run, empty vector cache: %.2f s, %s tasks/s%n", seconds(first),
                            Format.count(Math.round(tasks.size() / seconds(first))));
                    out.printf(Locale.ROOT, "    second run, vectors cached:    %.2f s, %s tasks/s (%.1fx)%n",
                            seconds(second), Format.count(Math.round(tasks.size() / seconds(second))),
                            (double) first / second);
                    ClassifyCommand.printScorerFailures(out, engine);
                }
            }
            out.flush();
        } finally {
            deleteRecursively(scratch);
        }
        return ExitCodes.OK;
    }

    private static long classify(ScoringEngine engine, List<Task> tasks) throws InterruptedException {
        long start = System.nanoTime();
        for (int from = 0; from < tasks.size(); from += 1024) {
            engine.classify(tasks.subList(from, Math.min(tasks.size(), from + 1024)));
        }
        return System.nanoTime() - start;
    }

    // the service and the raw model embed the same slices in turn, each text new to the service's cache
    private void embeddings(PrintWriter out, List<Task> tasks, Path cache, int threads) throws Exception {
        List<String> texts = tasks.stream().map(Task::statement).distinct().limit(sample + 64L).toList();
        List<String> warmUp = texts.subList(0, Math.min(64, texts.size()));
        List<String> measured = texts.subList(warmUp.size(), texts.size());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (EmbeddingService service = new EmbeddingService(cache, threads)) {
            AllMiniLmL6V2QuantizedEmbeddingModel raw = new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
            raw.embedAll(warmUp.stream().map(TextSegment::from).toList());
            service.embedAll(warmUp);
            long rawNanos = 0;
            long serviceNanos = 0;
            int slice = Math.max(1, measured.size() / 8);
            for (int from = 0; from < measured.size(); from += slice) {
                List<String> part = measured.subList(from, Math.min(measured.size(), from + slice));
                List<TextSegment> segments = part.stream().map(TextSegment::from).toList();
                long t0 = System.nanoTime();
                raw.embedAll(segments);
                long t1 = System.nanoTime();
                service.embedAll(part);
                long t2 = System.nanoTime();
                rawNanos += t1 - t0;
                serviceNanos += t2 - t1;
            }
            long t3 = System.nanoTime();
            service.embedAll(measured);
            long cachedNanos = System.nanoTime() - t3;
            out.printf(Locale.ROOT, "  embedding %s distinct statements (after %d to warm up), %d threads:%n",
                    Format.count(measured.size()), warmUp.size(), threads);
            out.printf(Locale.ROOT, "    raw model:             %.2f s, %.0f texts/s%n", seconds(rawNanos),
                    measured.size() / seconds(rawNanos));
            out.printf(Locale.ROOT, "    service, cache empty:  %.2f s, %.0f texts/s (%.1f%% of the raw model's rate)%n",
                    seconds(serviceNanos), measured.size() / seconds(serviceNanos), 100.0 * rawNanos / serviceNanos);
            out.printf(Locale.ROOT, "    service, cache filled: %.3f s, %s texts/s%n", seconds(cachedNanos),
                    Format.count(Math.round(measured.size() / seconds(cachedNanos))));
            out.flush();
        } finally {
            pool.shutdownNow();
        }
    }
}

package dev.moravec.cli;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.moravec.api.Task;
import dev.moravec.embeddings.EmbeddingService;
import dev.moravec.engine.ScoringEngine;
import dev.moravec.server.MoravecServer;
import dev.moravec.server.ServerOptions;
import dev.moravec.taxonomy.OccupationDetails;
import dev.moravec.taxonomy.Rankings;
import dev.moravec.taxonomy.Release;
import dev.moravec.taxonomy.TaxonomyClassifier;
import dev.moravec.taxonomy.TaxonomyIndex;
import dev.moravec.taxonomy.TaxonomySearch;
import dev.moravec.taxonomy.TaxonomyTask;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moravec bench}: measures Moravec on this machine; the figures go in BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure Moravec on this machine.",
        subcommands = {BenchCommand.TaxonomyBench.class, BenchCommand.ScorersBench.class, BenchCommand.ServeBench.class,
            GenerateBench.class, FloorBench.class, ClassifyBench.class})
final class BenchCommand {

    @ParentCommand
    Moravec moravec;

    /** {@code moravec bench taxonomy SOURCE}. */
    @Command(name = "taxonomy", mixinStandardHelpOptions = true,
            description = "Import a release into a scratch index, classify it, then time searches and rankings.")
    static final class TaxonomyBench implements Callable<Integer> {

        /** The fixed query set: task searches (filtered and not) and job-title searches. */
        static final List<String[]> QUERIES = List.of(
                new String[] {"task", "repair hydraulic"}, new String[] {"task", "software"},
                new String[] {"task", "write reports"}, new String[] {"task", "patients"},
                new String[] {"task", "drive truck"}, new String[] {"task", "budget OR financial"},
                new String[] {"task", "\"safety procedures\""}, new String[] {"task", "inspect AND equipment"},
                new String[] {"task", "teach students"}, new String[] {"task", "clean*"},
                new String[] {"task", "statistical analysis"}, new String[] {"task", "legal documents"},
                new String[] {"task", "weld metal parts"}, new String[] {"task", "customer complaints"},
                new String[] {"task", "machine operation -computer"}, new String[] {"lagging", "operate machines"},
                new String[] {"lagging", "install"}, new String[] {"family", "design"},
                new String[] {"occupation", "software engineer"}, new String[] {"occupation", "nurse"},
                new String[] {"occupation", "truck driver"}, new String[] {"occupation", "accountant"},
                new String[] {"occupation", "chef"}, new String[] {"occupation", "data scientist"},
                new String[] {"occupation", "electrician apprentice"}, new String[] {"occupation", "teacher"});

        @ParentCommand
        BenchCommand parent;

        @Mixin
        HostMixin host;

        @Spec
        CommandSpec spec;

        @Mixin
        ReleaseMixin source;

        @Option(names = "--rounds", paramLabel = "N", defaultValue = "100",
                description = "How many times the query set runs after the warm-up (default: 100).")
        int rounds;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Moravec moravec = parent.moravec;
            Path scratch = Files.createTempDirectory("moravec-bench-");
            try (TaxonomyIndex index = TaxonomyIndex.open(scratch.resolve("index"), moravec.mapper);
                    HostSession session = HostSession.start(moravec.environment, host, moravec.mapper, index)) {
                long t0 = System.nanoTime();
                Release release = source.read(line -> { });
                long t1 = System.nanoTime();
                index.replace(release, line -> { });
                long t2 = System.nanoTime();
                ScoringEngine engine = session.engine(Runtime.getRuntime().availableProcessors());
                TaxonomyClassifier.Result classified = new TaxonomyClassifier(engine, session.embedder()).classify(index, line -> { });
                long t3 = System.nanoTime();
                TaxonomyClassifier.Result again = new TaxonomyClassifier(engine, session.embedder()).classify(index, line -> { });
                long t4 = System.nanoTime();

                TaxonomySearch search = new TaxonomySearch(index, "[", "]");
                for (int i = 0; i < 20; i++) {
                    runQueries(search, null);
                }
                List<Long> searchNanos = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    runQueries(search, searchNanos);
                }
                Rankings rankings = new Rankings(index);
                for (int i = 0; i < 20; i++) {
                    rankings.rank(new Rankings.Request("major", true, null, 30));
                }
                List<Long> rankNanos = new ArrayList<>();
                for (int i = 0; i < Math.max(10, rounds / 2); i++) {
                    long start = System.nanoTime();
                    rankings.rank(new Rankings.Request("major", true, null, 30));
                    rankNanos.add(System.nanoTime() - start);
                }
                out.printf(Locale.ROOT, "Taxonomy benchmark on %d cores, Java %s (%s tasks, %s occupations)%n",
                        Runtime.getRuntime().availableProcessors(), Runtime.version(),
                        Format.count(release.tasks().size()), Format.count(release.occupations().size()));
                out.printf(Locale.ROOT, "  import: read files %.2f s + index %.2f s = %.2f s%n", seconds(t1 - t0),
                        seconds(t2 - t1), seconds(t2 - t0));
                out.printf(Locale.ROOT, "  classify --taxonomy with %s: first %.2f s (%s rated), again %.2f s (%s reused)%n",
                        engine.scorers().stream().map(h -> h.id()).toList(), seconds(t3 - t2),
                        Format.count(classified.rated()), seconds(t4 - t3), Format.count(again.reused()));
                out.printf(Locale.ROOT, "  search: %d queries x %d rounds: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        QUERIES.size(), rounds, millis(percentile(searchNanos, 50)), millis(percentile(searchNanos, 99)),
                        millis(percentile(searchNanos, 100)));
                out.printf(Locale.ROOT, "  rank --level major: p50 %.2f ms, p99 %.2f ms (%d runs)%n",
                        millis(percentile(rankNanos, 50)), millis(percentile(rankNanos, 99)), rankNanos.size());
                out.flush();
            } finally {
                deleteRecursively(scratch);
            }
            return ExitCodes.OK;
        }

        private static void runQueries(TaxonomySearch search, List<Long> nanos) throws Exception {
            for (String[] query : QUERIES) {
                long start = System.nanoTime();
                switch (query[0]) {
                    case "occupation" -> search.search(new TaxonomySearch.Request(query[1], true, null, null, 10));
                    case "lagging" -> search.search(new TaxonomySearch.Request(query[1], false, null,
                            dev.moravec.engine.Quadrant.LAGGING, 10));
                    case "family" -> search.search(new TaxonomySearch.Request(query[1], false, "27-0000", null, 10));
                    default -> search.search(new TaxonomySearch.Request(query[1], false, null, null, 10));
                }
                if (nanos != null) {
                    nanos.add(System.nanoTime() - start);
                }
            }
        }
    }

    /** {@code moravec bench scorers SOURCE}. */
    @Command(name = "scorers", mixinStandardHelpOptions = true,
            description = {"Time the embedding service against the raw model, then classify every task of a release with"
                    + " the active scorers twice: with an empty vector cache, then with the cache filled.",
                "Everything runs in a scratch folder: the user's index and cache are not touched."})
    static final class ScorersBench implements Callable<Integer> {

        @ParentCommand
        BenchCommand parent;

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
            Moravec moravec = parent.moravec;
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
                    try (HostSession session = HostSession.start(moravec.environment, host, moravec.mapper, index)) {
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

    /** {@code moravec bench serve}: a bounded load on the server, on loopback. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = {"Start the server on a free loopback port and send it a bounded load from concurrent"
                    + " clients: searches, rankings, occupation drill-downs and one-task classifications in turn.",
                "Without --data it serves the built-in starter catalog from a scratch folder."})
    static final class ServeBench implements Callable<Integer> {

        @ParentCommand
        BenchCommand parent;

        @Mixin
        HostMixin host;

        @Spec
        CommandSpec spec;

        @Option(names = "--requests", paramLabel = "N", defaultValue = "10000",
                description = "Requests to send after the warm-up (default: 10000).")
        int requests;

        @Option(names = "--clients", paramLabel = "N", defaultValue = "50",
                description = "Concurrent clients (default: 50).")
        int clients;

        @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "300",
                description = "Stop sending after this many seconds even if not all were sent (default: 300).")
        int maxSeconds;

        @Override
        public Integer call() throws Exception {
            if (requests < 1 || clients < 1 || maxSeconds < 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--requests, --clients and --max-seconds must be at least 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            Moravec moravec = parent.moravec;
            Path scratch = host.data.data == null ? Files.createTempDirectory("moravec-bench-serve-") : null;
            if (scratch != null) {
                host.data.data = scratch;
            }
            try (TaxonomyIndex index = Taxonomies.open(moravec.environment, host.data, moravec.mapper, new PrintWriter(
                            java.io.Writer.nullWriter()));
                    HostSession session = HostSession.start(moravec.environment, host, moravec.mapper, index)) {
                ScoringEngine engine = session.engine(Runtime.getRuntime().availableProcessors());
                new TaxonomyClassifier(engine, session.embedder()).classify(index, line -> { });
                List<String> occupations = new ArrayList<>(new OccupationDetails(index).titles().keySet());
                try (MoravecServer server = MoravecServer.start(ServerOptions.defaults(0), moravec.mapper, index,
                        session.host(), engine, session.embedder())) {
                    LoadCheck load = new LoadCheck(server.uri(), occupations);
                    LoadCheck.Result warmUp = load.run(Math.min(2000, requests), clients, Duration.ofSeconds(maxSeconds));
                    LoadCheck.Result result = load.run(requests, clients, Duration.ofSeconds(maxSeconds));
                    out.printf(Locale.ROOT, "Server benchmark on %d cores, Java %s: %s (%s tasks), %s at %s%n",
                            Runtime.getRuntime().availableProcessors(), Runtime.version(), index.report().source(),
                            Format.count(index.report().tasks()), engine.scorers().stream().map(h -> h.id()).toList(),
                            server.uri());
                    out.printf(Locale.ROOT, "  warm-up: %s requests, %s errors%n", Format.count(warmUp.requests()),
                            Format.count(warmUp.errors()));
                    List<Long> all = result.all();
                    out.printf(Locale.ROOT, "  load: %s requests from %d clients in %.2f s (%,.0f requests/s): %s errors;"
                                    + " p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                            Format.count(result.requests()), clients, result.elapsed().toMillis() / 1000.0,
                            result.requests() / Math.max(1e-9, result.elapsed().toNanos() / 1e9),
                            Format.count(result.errors()), millis(percentile(all, 50)),
                            millis(percentile(all, 99)), millis(percentile(all, 100)));
                    for (LoadCheck.Kind kind : LoadCheck.Kind.values()) {
                        List<Long> nanos = result.nanos().get(kind);
                        out.printf(Locale.ROOT, "    %-10s %s requests: p50 %.2f ms, p99 %.2f ms%n",
                                kind.name().toLowerCase(Locale.ROOT), Format.count(nanos.size()),
                                millis(percentile(nanos, 50)), millis(percentile(nanos, 99)));
                    }
                    result.errorSamples().forEach(e -> out.println("  error: " + e));
                    out.flush();
                    return result.errors() == 0 && result.requests() == requests ? ExitCodes.OK : ExitCodes.INTERNAL;
                }
            } finally {
                if (scratch != null) {
                    deleteRecursively(scratch);
                }
            }
        }

    }

    /**
     * The value below which a share of the values lie (nearest rank).
     *
     * @param values the values, in any order
     * @param percentile the share, from 0 to 100
     * @return the value, or 0 when there are none
     */
    static long percentile(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** Deletes a folder and all in it; nothing when it does not exist. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}

package dev.moravec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.moravec.catalog.CatalogEntry;
import dev.moravec.catalog.CatalogReader;
import dev.moravec.catalog.CatalogReaders;
import dev.moravec.catalog.CatalogRecord;
import dev.moravec.cli.ExitCodes;
import dev.moravec.cli.Format;
import dev.moravec.cli.Table;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code moravec-bench classify}: classification end to end, each run a process of its own started
 * through the launcher as a user starts it, side by side in one report: the floor (reading, parsing,
 * tokenising and writing as much, without scoring), lexicon and descriptors, all default scorers with
 * an empty and with a filled vector cache, the semantic scorer alone, and the raw embedding model on
 * the same texts; with each run's start-up, throughput over time and peak memory, and the goals.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Measure classification end to end, each run a process of its own started through the launcher"
                + " (with --jvm-options): the floor (read, parse, tokenise and write as much, without scoring),"
                + " lexicon + descriptors, all default scorers on an empty and a filled vector cache, the semantic"
                + " scorer alone, and the raw embedding model on the same texts; with start-up, throughput over time"
                + " and peak memory, against the goals.",
            "Everything runs in a scratch folder, with a copy of the taxonomy index of the data folder (import O*NET"
                + " first, or the descriptors have only the starter catalog's titles to go by)."})
final class ClassifyBench implements Callable<Integer> {

    @ParentCommand
    MoravecBench parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", paramLabel = "N", defaultValue = "1000000",
            description = "Tasks of the synthetic catalog the floor and lexicon + descriptors classify (default: 1000000).")
    long tasks;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The catalog's seed (default: 1).")
    long seed;

    @Option(names = "--embed-tasks", paramLabel = "N", defaultValue = "4000",
            description = "Tasks the runs with the semantic scorer rate on an empty vector cache, the first of the"
                    + " catalog (default: 4000; 0 leaves those runs out).")
    int embedTasks;

    @Option(names = "--cached-tasks", paramLabel = "N", defaultValue = "200000",
            description = "Tasks the run with every vector cached rates: the --embed-tasks tasks again and again"
                    + " (default: 200000).")
    int cachedTasks;

    @Option(names = "--jvm-options", paramLabel = "OPTIONS", defaultValue = "-Xmx512m",
            description = "JAVA_OPTS of every run (default: -Xmx512m).")
    String jvmOptions;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The data folder whose taxonomy index the runs use, copied (default: $MORAVEC_HOME, else"
                    + " ~/.moravec).")
    Path data;

    @Option(names = "--keep", description = "Keep the scratch folder, with each run's figures and output.")
    boolean keep;

    /** One child run's figures. */
    private record Run(String name, JsonNode stats, long spawnMillis, long outputBytes, long records) {

        double seconds() {
            return stats.path("elapsedNanos").asLong() / 1e9;
        }

        double rate() {
            return records / Math.max(1e-9, seconds());
        }

        /** The rate over the second half of the run's records, once the JIT has compiled what is hot. */
        double warmRate() {
            double half = records / 2.0;
            double at = timeAt(half);
            return Double.isNaN(at) ? rate() : (records - half) / Math.max(1e-9, seconds() - at);
        }

        /** When the run had done a number of records, interpolated between its samples, in seconds. */
        double timeAt(double done) {
            long[] previous = {0, 0};
            for (JsonNode sample : stats.path("samples")) {
                long[] now = {sample.get(0).asLong(), sample.get(1).asLong()};
                if (now[1] >= done) {
                    double share = now[1] == previous[1] ? 0 : (done - previous[1]) / (now[1] - previous[1]);
                    return (previous[0] + share * (now[0] - previous[0])) / 1e9;
                }
                previous = now;
            }
            return Double.NaN;
        }

        /** The rate in each tenth of the run's records. */
        List<Double> tenths() {
            List<Double> rates = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                double from = timeAt(records * i / 10.0);
                double to = i == 9 ? seconds() : timeAt(records * (i + 1) / 10.0);
                rates.add(records / 10.0 / Math.max(1e-9, to - from));
            }
            return rates;
        }

        double firstRecordFromSpawn() {
            return (stats.path("firstRecordMillis").asLong() - spawnMillis) / 1000.0;
        }

        double firstRecordFromJvm() {
            return (stats.path("firstRecordMillis").asLong() - stats.path("jvmStartMillis").asLong()) / 1000.0;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (tasks < 1 || embedTasks < 0 || cachedTasks < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--tasks and --cached-tasks must be at least 1, --embed-tasks at least 0");
        }
        MoravecBench moravec = parent;
        PrintWriter out = spec.commandLine().getOut();
        Path launcher = moravec.environment.home().resolve("bin").resolve("moravec");
        if (!Files.isExecutable(launcher)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "bench classify runs the launcher "
                    + launcher + ", which is not there: build the distribution first (./moravec-bench classify does)");
        }
        Path scratch = Files.createTempDirectory("moravec-bench-classify-");
        try {
            out.printf(Locale.ROOT, "Classification benchmark on %d cores, Java %s, each run a process with JAVA_OPTS=%s;"
                    + " load average %s at the start%n", Runtime.getRuntime().availableProcessors(), Runtime.version(),
                    jvmOptions, BenchScratch.loadAverage());
            long t0 = System.nanoTime();
            Path catalog = scratch.resolve("catalog.tsv.gz");
            GenerateBench.generate(tasks, seed, catalog);
            out.printf(Locale.ROOT, "Catalog: %s synthetic tasks (seed %d), %s MB of gzip, made in %.1f s%n",
                    Format.count(tasks), seed, Format.count(Files.size(catalog) >> 20), (System.nanoTime() - t0) / 1e9);
            Path dataDir = scratch.resolve("data");
            out.println("Taxonomy: " + BenchScratch.taxonomy(moravec, data, dataDir));
            out.flush();
            Path ld = BenchScratch.config(moravec, scratch.resolve("lexicon-descriptors.json"), "lexicon", "descriptors");
            Path semantic = BenchScratch.config(moravec, scratch.resolve("semantic.json"), "semantic");

            // the runs on an empty vector cache come first; the others then find the exemplars' vectors cached,
            // as a user's runs do
            Run first = null;
            Run semanticFirst = null;
            Run cached = null;
            double rawSeconds = Double.NaN;
            int rawTexts = 0;
            if (embedTasks > 0) {
                Path subset = scratch.resolve("first-" + embedTasks + ".tsv.gz");
                GenerateBench.generate(embedTasks, seed, subset); // the catalog's first tasks: a catalog's start is the same
                List<String> texts = distinctStatements(moravec, subset);
                rawTexts = texts.size();
                rawSeconds = rawModel(texts);
                first = run(launcher, scratch, "all default scorers, first run", List.of("classify", subset.toString()));
                Measures.deleteRecursively(dataDir.resolve("cache"));
                semanticFirst = run(launcher, scratch, "semantic alone, first run", List.of("classify", subset.toString(),
                        "--config", semantic.toString()));
                List<String> again = new ArrayList<>(List.of("classify"));
                for (long done = 0; done < cachedTasks; done += embedTasks) {
                    again.add(subset.toString());
                }
                cached = run(launcher, scratch, "all default scorers, vectors cached", again);
            } else {
                run(launcher, scratch, "warm-up: the exemplars' vectors", List.of("classify", "--config", ld.toString()));
            }
            Run lexiconDescriptors = run(launcher, scratch, "lexicon + descriptors", List.of("classify", catalog.toString(),
                    "--config", ld.toString()));
            long recordBytes = Math.max(200, lexiconDescriptors.outputBytes() / Math.max(1, lexiconDescriptors.records()));
            Run floor = run(moravec.launcher(), scratch, "floor: read, parse, tokenise, write", List.of("floor",
                    catalog.toString(), "--record-bytes", Long.toString(recordBytes)));
            List<Run> runs = new ArrayList<>(List.of(floor, lexiconDescriptors));
            if (first != null) {
                runs.addAll(List.of(first, semanticFirst, cached));
            }
            report(out, runs, floor, lexiconDescriptors, first, semanticFirst, cached, rawSeconds, rawTexts);
            out.printf(Locale.ROOT, "Load average %s at the end; the scratch folder %s%n", BenchScratch.loadAverage(),
                    keep ? "is kept: " + scratch : "is deleted");
            out.flush();
        } finally {
            if (!keep) {
                Measures.deleteRecursively(scratch);
            }
        }
        return ExitCodes.OK;
    }

    private Run run(Path launcher, Path scratch, String name, List<String> arguments) throws Exception {
        String slug = name.replaceAll("[^a-z]+", "-");
        Path output = scratch.resolve(slug + ".out.jsonl");
        Path stats = scratch.resolve(slug + ".stats.json");
        Path log = scratch.resolve(slug + ".log");
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(arguments);
        command.addAll(List.of("--out", output.toString(), "--stats", stats.toString()));
        if (arguments.get(0).equals("classify")) {
            command.add("--no-progress");
        }
        long spawned = System.currentTimeMillis();
        int exit = BenchScratch.run(command, log, scratch, jvmOptions);
        if (exit != 0 || !Files.isRegularFile(stats)) {
            throw new IllegalStateException("the run '" + name + "' failed with exit code " + exit + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        JsonNode figures = parent.mapper.readTree(stats.toFile());
        long bytes = Files.size(output);
        if (!keep) {
            Files.delete(output); // ten million records make gigabytes
        }
        return new Run(name, figures, spawned, bytes, figures.path("read").asLong());
    }

    private List<String> distinctStatements(MoravecBench moravec, Path catalog) throws Exception {
        LinkedHashSet<String> texts = new LinkedHashSet<>();
        try (CatalogReader reader = new CatalogReaders(moravec.mapper).open(catalog.toString(), Optional.empty())) {
            for (CatalogEntry entry = reader.next(); entry != null; entry = reader.next()) {
                if (entry instanceof CatalogRecord record) {
                    texts.add(record.task().statement());
                }
            }
        }
        return List.copyOf(texts);
    }

    /**
     * Times the raw model on texts, as the embedding service calls it: with a pool of as many threads as
     * cores, after a warm-up on other texts.
     *
     * @return the seconds it took
     */
    private double rawModel(List<String> texts) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
            List<TextSegment> warmUp = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                warmUp.add(TextSegment.from("Warm the model up with sentence number " + i + " about some work."));
            }
            model.embedAll(warmUp);
            long start = System.nanoTime();
            for (int from = 0; from < texts.size(); from += 1024) {
                model.embedAll(texts.subList(from, Math.min(texts.size(), from + 1024)).stream()
                        .map(TextSegment::from).toList());
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private static void report(PrintWriter out, List<Run> runs, Run floor, Run ld, Run first, Run semanticFirst,
            Run cached, double rawSeconds, int rawTexts) {
        out.println();
        Table table = new Table("RUN", "TASKS", "TIME", "TASKS/S", "WARM TASKS/S", "TIME / FLOOR", "FIRST TASK",
                "PEAK HEAP AFTER GC", "PEAK RSS", "BYTES/TASK");
        for (Run run : runs) {
            table.row(run.name(), Format.count(run.records()), seconds(run.seconds()), Format.count(Math.round(run.rate())),
                    Format.count(Math.round(run.warmRate())),
                    run.records() == floor.records() ? String.format(Locale.ROOT, "%.2f", run.seconds() / floor.seconds())
                            : "",
                    seconds(run.firstRecordFromSpawn()), megabytes(run.stats().path("peakLiveHeapBytes").asLong()),
                    megabytes(run.stats().path("peakResidentBytes").asLong()),
                    Format.count(run.outputBytes() / Math.max(1, run.records())));
        }
        if (rawTexts > 0) {
            table.row("raw embedding model", Format.count(rawTexts) + " texts", seconds(rawSeconds),
                    Format.count(Math.round(rawTexts / rawSeconds)) + " texts/s");
        }
        table.print(out);
        out.println();
        out.println("TIME is the run's, from reading the first record to writing the last; FIRST TASK is from starting"
                + " the launcher to the first record written (JVM, Felix, plugins, the first batch); WARM TASKS/S is"
                + " the rate over the second half of the run.");
        out.printf(Locale.ROOT, "Lexicon + descriptors by tenth of the run, tasks/s: %s%n",
                String.join(" ", ld.tenths().stream().map(r -> Format.count(Math.round(r))).toList()));
        out.println();
        out.println("Goals (2 cores):");
        goal(out, ld.warmRate() >= 50_000, String.format(Locale.ROOT, "lexicon + descriptors at least 50,000 tasks/s"
                + " once warm: %s", Format.count(Math.round(ld.warmRate()))));
        goal(out, ld.seconds() <= 3 * floor.seconds(), String.format(Locale.ROOT, "lexicon + descriptors within 3x of"
                + " the floor: %.2fx (%.2f s against %.2f s)", ld.seconds() / floor.seconds(), ld.seconds(), floor.seconds()));
        if (cached != null) {
            goal(out, cached.warmRate() >= 20_000, "all default scorers with cached vectors at least 20,000 tasks/s: "
                    + Format.count(Math.round(cached.warmRate())) + " once warm, " + Format.count(Math.round(cached.rate()))
                    + " over the run");
            goal(out, first.seconds() <= 1.25 * rawSeconds, String.format(Locale.ROOT, "all default scorers, first run,"
                    + " within 1.25x of the raw model's time for the same texts: %.2fx (%.2f s against %.2f s; the"
                    + " semantic scorer alone %.2fx)", first.seconds() / rawSeconds, first.seconds(), rawSeconds,
                    semanticFirst.seconds() / rawSeconds));
            goal(out, cached.firstRecordFromSpawn() < 1.5, String.format(Locale.ROOT, "start-up to the first classified"
                    + " task under 1.5 s, all default scorers: %.2f s from starting the launcher (%.2f s from the JVM's"
                    + " start)", cached.firstRecordFromSpawn(), cached.firstRecordFromJvm()));
        }
        List<Double> tenths = ld.tenths();
        double slowest = tenths.subList(1, 10).stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double fastest = tenths.subList(1, 10).stream().mapToDouble(Double::doubleValue).max().orElse(0);
        out.printf(Locale.ROOT, "  -   %s tasks with %s: peak heap after GC %s, the slowest tenth after the first at %.0f%% of"
                + " the fastest%n", Format.count(ld.records()), ld.stats().path("heapMaxBytes").asLong() > 0
                        ? "a heap of at most " + megabytes(ld.stats().path("heapMaxBytes").asLong()) : "the default heap",
                megabytes(ld.stats().path("peakLiveHeapBytes").asLong()), 100 * slowest / Math.max(1e-9, fastest));
    }

    private static void goal(PrintWriter out, boolean met, String text) {
        out.println((met ? "  met " : "  NOT ") + text);
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "-" : Format.count(bytes >> 20) + " MB";
    }
}

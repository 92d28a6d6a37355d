package dev.moravec.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moravec.cli.ExitCodes;
import dev.moravec.cli.Format;
import dev.moravec.cli.Table;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code moravec-bench spark}: the Spark job against {@code moravec classify} on the same catalog and the
 * same cores, each run a process of its own started through the product's launcher: lexicon + descriptors
 * on the synthetic catalog, and every default scorer with every vector cached, in {@code local[2]} (as
 * Parquet, and as JSON Lines to see what writing Parquet costs); then a standalone cluster on this machine
 * with one worker and with two. Where the Spark job's time goes comes from its {@code summary.json}.
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = {"Measure the Spark job against 'moravec classify' on the same catalog and the same cores, each run"
                + " a process of its own started through the launcher: lexicon + descriptors on the synthetic catalog,"
                + " every default scorer with every vector cached, Spark in local[2] (Parquet and JSON Lines), and a"
                + " standalone cluster on this machine with one worker and with two; with the Spark job's start-up,"
                + " rating, serialisation and writing from its summary.",
            "Everything runs in a scratch folder, with a copy of the taxonomy index of the data folder."})
final class SparkBench implements Callable<Integer> {

    @ParentCommand
    MoravecBench parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", paramLabel = "N", defaultValue = "1000000",
            description = "Tasks of the synthetic catalog (default: 1000000).")
    long tasks;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The catalog's seed (default: 1).")
    long seed;

    @Option(names = "--embed-tasks", paramLabel = "N", defaultValue = "4000",
            description = "The first tasks of the catalog, embedded once, whose statements the runs with every scorer"
                    + " rate again and again (default: 4000).")
    int embedTasks;

    @Option(names = "--cached-tasks", paramLabel = "N", defaultValue = "1000000",
            description = "Tasks the runs with every scorer rate, every vector cached (default: 1000000).")
    long cachedTasks;

    @Option(names = "--jvm-options", paramLabel = "OPTIONS", defaultValue = "-Xmx2g",
            description = "JAVA_OPTS of every run, classify's and Spark's drivers alike (default: -Xmx2g).")
    String jvmOptions;

    @Option(names = "--no-cluster", description = "Leave out the standalone cluster runs.")
    boolean noCluster;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The data folder whose taxonomy index the runs use, copied (default: $MORAVEC_HOME, else"
                    + " ~/.moravec).")
    Path data;

    @Option(names = "--keep", description = "Keep the scratch folder, with each run's figures and output.")
    boolean keep;

    /**
     * One run's figures.
     *
     * @param name what it is
     * @param tasks the tasks it rated
     * @param wall seconds from starting the launcher to the process's end
     * @param work seconds of the work itself: classify's from its first record to its last; the Spark job's
     *     from its session's start to its summary
     * @param summary the Spark job's summary, or {@code null} for classify
     */
    private record Run(String name, long tasks, double wall, double work, JsonNode summary) {}

    @Override
    public Integer call() throws Exception {
        if (tasks < 1 || embedTasks < 1 || cachedTasks < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--tasks, --embed-tasks and --cached-tasks must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path launcher = parent.environment.home().resolve("bin").resolve("moravec");
        Path jobJar = parent.environment.home().resolve("spark").resolve("moravec-spark.jar");
        if (!Files.isExecutable(launcher) || !Files.isRegularFile(jobJar)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "bench spark runs the launcher " + launcher
                    + " and the job jar " + jobJar + ": build the distribution first (./moravec-bench spark does)");
        }
        Path scratch = Files.createTempDirectory("moravec-bench-spark-");
        try {
            out.printf(Locale.ROOT, "Spark benchmark on %d cores, Java %s, each run a process with JAVA_OPTS=%s; load average"
                    + " %s at the start%n", Runtime.getRuntime().availableProcessors(), Runtime.version(), jvmOptions,
                    BenchScratch.loadAverage());
            Path catalog = plainCatalog(tasks, scratch.resolve("catalog.tsv"), scratch);
            Path subset = plainCatalog(embedTasks, scratch.resolve("first-" + embedTasks + ".tsv"), scratch);
            Path cached = repeated(subset, cachedTasks, scratch.resolve("cached.tsv"));
            out.printf(Locale.ROOT, "Catalog: %s synthetic tasks (seed %d), %s MB of TSV, which Spark splits; for every"
                    + " scorer, %s tasks drawn from the first %s, every vector cached%n", Format.count(tasks), seed,
                    Format.count(Files.size(catalog) >> 20), Format.count(cachedTasks), Format.count(embedTasks));
            Path dataDir = scratch.resolve("data");
            out.println("Taxonomy: " + BenchScratch.taxonomy(parent, data, dataDir));
            out.flush();
            Path ld = BenchScratch.config(parent, scratch.resolve("lexicon-descriptors.json"), "lexicon", "descriptors");

            List<Run> runs = new ArrayList<>();
            Run classifyLd = classify(launcher, scratch, "classify: lexicon + descriptors", catalog, tasks, ld);
            Run sparkLd = spark(launcher, scratch, "Spark local[2]: lexicon + descriptors, Parquet", tasks,
                    List.of("classify", catalog.toString(), "--master", "local[2]", "--config", ld.toString()));
            Run sparkLdJson = spark(launcher, scratch, "Spark local[2]: lexicon + descriptors, JSON Lines", tasks,
                    List.of("classify", catalog.toString(), "--master", "local[2]", "--config", ld.toString(), "--format",
                            "jsonl"));
            runs.addAll(List.of(classifyLd, sparkLd, sparkLdJson));
            classify(launcher, scratch, "warm-up: every vector of the first tasks", subset, embedTasks, null);
            Run classifyAll = classify(launcher, scratch, "classify: every scorer, vectors cached", cached, cachedTasks,
                    null);
            Run sparkAll = spark(launcher, scratch, "Spark local[2]: every scorer, vectors cached, Parquet", cachedTasks,
                    List.of("classify", cached.toString(), "--master", "local[2]"));
            runs.addAll(List.of(classifyAll, sparkAll));
            if (!noCluster) {
                for (int workers : List.of(1, 2)) {
                    runs.add(cluster(launcher, jobJar, scratch, workers, catalog, ld, dataDir));
                }
            }
            report(out, runs, classifyLd, sparkLd, sparkLdJson, classifyAll, sparkAll);
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

    // the synthetic catalog as plain TSV: Spark splits a plain file among its cores, not a gzip one
    private Path plainCatalog(long count, Path file, Path scratch) throws Exception {
        Path gzip = scratch.resolve(file.getFileName() + ".gz");
        GenerateBench.generate(count, seed, gzip);
        try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(gzip), 1 << 16)) {
            Files.copy(in, file);
        }
        Files.delete(gzip);
        return file;
    }

    // the subset's records again and again, with fresh ids, up to the count
    private static Path repeated(Path subset, long count, Path file) throws IOException {
        List<String> lines = Files.readAllLines(subset, StandardCharsets.UTF_8);
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(lines.get(0));
            writer.newLine();
            long written = 0;
            while (written < count) {
                for (int i = 1; i < lines.size() && written < count; i++, written++) {
                    String[] fields = lines.get(i).split("\t", -1);
                    fields[2] = "C" + written; // the Task ID column: every record its own task
                    writer.write(String.join("\t", fields));
                    writer.newLine();
                }
            }
        }
        return file;
    }

    private Run classify(Path launcher, Path scratch, String name, Path catalog, long count, Path config)
            throws Exception {
        Path slug = scratch.resolve(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        Path stats = Path.of(slug + ".stats.json");
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "classify", catalog.toString(), "--out",
                slug + ".jsonl", "--stats", stats.toString(), "--no-progress"));
        if (config != null) {
            command.addAll(List.of("--config", config.toString()));
        }
        double wall = run(command, Path.of(slug + ".log"), scratch);
        JsonNode figures = parent.mapper.readTree(stats.toFile());
        delete(Path.of(slug + ".jsonl"));
        return new Run(name, count, wall, figures.path("elapsedNanos").asLong() / 1e9, null);
    }

    private Run spark(Path launcher, Path scratch, String name, long count, List<String> arguments) throws Exception {
        Path slug = scratch.resolve(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "spark"));
        command.addAll(arguments);
        command.addAll(List.of("--out", slug + ".out"));
        return sparkRun(name, count, command, slug);
    }

    private Run sparkRun(String name, long count, List<String> command, Path slug) throws Exception {
        double wall = run(command, Path.of(slug + ".log"), slug.getParent());
        JsonNode summary = parent.mapper.readTree(Path.of(slug + ".out", "summary.json").toFile());
        if (summary.path("classified").asLong() != count || !summary.path("reconciles").asBoolean()) {
            throw new IllegalStateException("the run '" + name + "' classified " + summary.path("classified")
                    + " of " + count + " tasks; see " + slug + ".log");
        }
        delete(Path.of(slug + ".out"));
        return new Run(name, count, wall, summary.path("seconds").path("job").asDouble(), summary);
    }

    /** A standalone master and workers, started through the launcher, and the job jar submitted to them. */
    private Run cluster(Path launcher, Path jobJar, Path scratch, int workers, Path catalog, Path config, Path dataDir)
            throws Exception {
        String name = "Spark cluster, " + workers + " worker" + (workers == 1 ? "" : "s") + " (" + (2 / workers)
                + " core" + (workers == 1 ? "s" : "") + " each): lexicon + descriptors, Parquet";
        Path slug = scratch.resolve("cluster-" + workers);
        int port = freePort();
        int ui = freePort();
        List<Process> daemons = new ArrayList<>();
        try {
            daemons.add(daemon(List.of(launcher.toString(), "spark", "master", "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--webui-port", Integer.toString(ui)), Path.of(slug + "-master.log"), scratch));
            for (int w = 1; w <= workers; w++) {
                daemons.add(daemon(List.of(launcher.toString(), "spark", "worker", "--host", "127.0.0.1", "--cores",
                        Integer.toString(2 / workers), "--memory", "3g", "--webui-port", Integer.toString(freePort()),
                        "--work-dir", Files.createDirectories(Path.of(slug + "-work-" + w)).toString(),
                        "spark://127.0.0.1:" + port), Path.of(slug + "-worker-" + w + ".log"), scratch));
            }
            awaitWorkers(ui, workers, daemons);
            List<String> command = List.of(launcher.toString(), "spark", "submit", "--master", "spark://127.0.0.1:" + port,
                    "--conf", "spark.driver.host=127.0.0.1", "--executor-memory", "2g", "--class",
                    "dev.moravec.spark.SparkJob", jobJar.toString(), catalog.toString(), "--config", config.toString(),
                    "--data", dataDir.toString(), "--out", slug + ".out");
            return sparkRun(name, tasks, command, slug);
        } finally {
            for (int i = daemons.size() - 1; i >= 0; i--) {
                stop(daemons.get(i));
            }
        }
    }

    private double run(List<String> command, Path log, Path scratch) throws Exception {
        long spawned = System.nanoTime();
        int exit = BenchScratch.run(command, log, scratch, jvmOptions);
        double wall = (System.nanoTime() - spawned) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' failed with exit code " + exit + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return wall;
    }

    private static Process daemon(List<String> command, Path log, Path scratch) throws IOException {
        return BenchScratch.start(command, log, scratch, "-Xmx1g");
    }

    private static void awaitWorkers(int ui, int workers, List<Process> daemons) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (daemons.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException("a Spark master or worker ended as it started");
            }
            try {
                String state = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ui + "/json/")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (state.replace(" ", "").contains("\"aliveworkers\":" + workers)) {
                    return;
                }
            } catch (IOException e) {
                // the master's page is not up yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the workers did not register with the master in 120 s");
    }

    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy(); // the launcher execs the JVM: the worker itself, which stops its executors
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void delete(Path path) throws IOException {
        if (!keep) {
            Measures.deleteRecursively(path);
        }
    }

    private static void report(PrintWriter out, List<Run> runs, Run classifyLd, Run sparkLd, Run sparkLdJson,
            Run classifyAll, Run sparkAll) {
        out.println();
        Table table = new Table("RUN", "TASKS", "WALL", "WORK", "TASKS/S (WALL)", "START-UP", "HOST START", "RATE",
                "TO ROWS", "READ + WRITE", "DESERIALISE + RESULTS", "OPEN INPUT", "RATING PASS", "COUNT + RANK");
        for (Run run : runs) {
            if (run.summary() == null) {
                table.row(run.name(), Format.count(run.tasks()), seconds(run.wall()), seconds(run.work()),
                        Format.count(Math.round(run.tasks() / run.wall())));
                continue;
            }
            JsonNode s = run.summary().path("seconds");
            JsonNode t = run.summary().path("taskSeconds");
            JsonNode pass = t.path("verdictsPassTasks");
            double readWrite = pass.path("run").asDouble() - t.path("parse").asDouble() - t.path("rate").asDouble()
                    - t.path("render").asDouble();
            table.row(run.name(), Format.count(run.tasks()), seconds(run.wall()), seconds(run.work()),
                    Format.count(Math.round(run.tasks() / run.wall())), seconds(s.path("startup").asDouble()),
                    seconds(t.path("hostStart").asDouble()), seconds(t.path("rate").asDouble()),
                    seconds(t.path("render").asDouble()), seconds(readWrite),
                    seconds(pass.path("deserialize").asDouble() + pass.path("serializeResults").asDouble()),
                    seconds(s.path("openInput").asDouble()), seconds(s.path("verdictsPass").asDouble()),
                    seconds(s.path("countAndRank").asDouble()));
        }
        table.print(out);
        out.println();
        out.println("WALL is from starting the launcher to the process's end; WORK is classify's time from its first"
                + " record to its last, the Spark job's from its session's start to its summary. START-UP is the Spark"
                + " driver's, from its JVM's start to a running session; the other Spark columns add up the tasks' time"
                + " (all cores): starting plugin hosts, rating, turning verdicts into Spark rows, reading the input and"
                + " writing the output, deserialising tasks and serialising their results; OPEN INPUT is the driver's"
                + " time to list the input, recognise its layout and read its header (wall); RATING PASS is the one pass"
                + " over the input, which rates the records and writes the verdicts and the rejects (wall); COUNT + RANK"
                + " reads the verdicts back, sums them per occupation code in Spark SQL, ranks occupations and families"
                + " on the driver and writes the scores (wall).");
        out.println();
        out.println("Ratios on the same cores (goal: Spark within 1.5x of classify):");
        ratio(out, "lexicon + descriptors, Parquet", sparkLd, classifyLd);
        ratio(out, "lexicon + descriptors, JSON Lines", sparkLdJson, classifyLd);
        ratio(out, "every scorer, vectors cached, Parquet", sparkAll, classifyAll);
        out.printf(Locale.ROOT, "  writing Parquet instead of JSON Lines: %+.2f s of wall time%n",
                sparkLd.wall() - sparkLdJson.wall());
    }

    private static void ratio(PrintWriter out, String what, Run spark, Run classify) {
        double wall = spark.wall() / classify.wall();
        out.printf(Locale.ROOT, "  %s %s: %.2fx wall (%.2f s against %.2f s), %.2fx without the JVMs' start (%.2f s"
                + " against %.2f s)%n", wall <= 1.5 ? "met" : "NOT", what, wall, spark.wall(), classify.wall(),
                spark.work() / classify.work(), spark.work(), classify.work());
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f s", seconds);
    }
}

package dev.moravec.cli;

import dev.moravec.app.Session;
import dev.moravec.app.TaxonomyService;
import dev.moravec.catalog.CatalogClassifier;
import dev.moravec.catalog.CatalogFormat;
import dev.moravec.catalog.CatalogReaders;
import dev.moravec.catalog.CatalogSource;
import dev.moravec.catalog.InterruptedRun;
import dev.moravec.catalog.NamedOutputStream;
import dev.moravec.catalog.OnError;
import dev.moravec.catalog.OutputLock;
import dev.moravec.catalog.ResumePoint;
import dev.moravec.catalog.RunOutput;
import dev.moravec.catalog.RunSummary;
import dev.moravec.catalog.VerdictFormat;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Quadrant;
import dev.moravec.model.ScenarioScores;
import dev.moravec.model.Verdict;
import dev.moravec.scoring.Relief;
import dev.moravec.scoring.ScorerHandle;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.taxonomy.index.CatalogCodeMapping;
import dev.moravec.taxonomy.index.TaxonomyClassifier;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import dev.moravec.taxonomy.sources.StarterCatalog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code moravec classify}: rates every task of one or more catalogs and writes one record per task. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Rate every task of the given catalogs (the built-in starter catalog if none) and write one"
                + " record per task: T, V, score, quadrant and each scorer's rating with its evidence.",
            "Catalogs: O*NET Task Statements, CSV or TSV with a header, JSON Lines or a JSON array; gzip is read"
                + " transparently; '-' reads standard input."})
public final class ClassifyCommand implements Callable<Integer> {

    /** The most worker threads: more would only contend for the cores and hold more batches in memory. */
    static final int MAX_THREADS = 256;

    /** What the output file is written as. */
    enum OutFormat { jsonl, csv }

    @ParentCommand
    Moravec moravec;

    @Mixin
    HostMixin options;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "Catalog files, or - for standard input. Without any, the built-in starter catalog.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE",
            description = "Output file (default: standard output). A name ending in .gz is gzip-compressed.")
    Path out;

    @Option(names = "--out-format", paramLabel = "FORMAT",
            description = "jsonl or csv (default: csv if --out ends in .csv or .csv.gz, else jsonl).")
    OutFormat outFormat;

    @Option(names = "--in-format", paramLabel = "FORMAT",
            description = "tsv, csv, jsonl or json (default: from each file's name, else its first line).")
    CatalogFormat inFormat;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--on-error", paramLabel = "POLICY", defaultValue = "fail",
            description = "fail: stop at the first bad record (default); skip: write bad records to the rejects file and go on.")
    OnError onError;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Where --on-error skip writes bad records (default: beside the output, <out>.rejects.jsonl).")
    Path rejects;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1024",
            description = "Tasks rated at once (default: 1024). At most 2 x threads + 3 batches are held in memory,"
                    + " however large the input.")
    int batchSize;

    @Option(names = "--resume",
            description = "Continue an interrupted run: keep the records --out and the rejects file already hold, cut"
                    + " off a record left unfinished, and rate only the rest. Give the same inputs and options.")
    boolean resume;

    @Option(names = "--stats", paramLabel = "FILE",
            description = "Write the run's figures as JSON: timings from the JVM's start, tasks done over time, peak"
                    + " memory (what 'moravec-bench classify' reads).")
    Path stats;

    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    boolean noProgress;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "Also say where each task would stand under a breakthrough scenario (robotics, multimodality,"
                    + " autonomy, memory, or one of the configuration's; several joined by +, such as robotics+memory):"
                    + " each record gets a \"scenario\" object beside its verdict.")
    String scenario;

    @Option(names = "--occupation-classification", paramLabel = "NAME",
            description = "isco08, esco or soc2010: the catalogs' occupation codes are in this classification (also read"
                    + " from columns such as 'ISCO-08 Code', 'ESCO URI', '2010 SOC Code'); each is mapped through the"
                    + " imported crosswalks to the O*NET-SOC occupation with the largest weight, for the descriptor"
                    + " scorer, and the unmapped ones are reported (docs/classifications.md).")
    String occupationClassification;

    @Option(names = "--taxonomy",
            description = "Rate every task of the taxonomy index and store the verdicts in it (incremental: only"
                    + " tasks whose statement, scorers or configuration changed are rated again).")
    boolean taxonomy;

    @Override
    public Integer call() throws Exception {
        Optional<CatalogFormat> format = Optional.ofNullable(inFormat);
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > MAX_THREADS) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--threads must be 1 to " + MAX_THREADS + ", not " + workers);
        }
        if (batchSize < 1 || batchSize > CatalogClassifier.MAX_BATCH_SIZE) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--batch-size must be 1 to "
                    + Format.count(CatalogClassifier.MAX_BATCH_SIZE) + ", not " + batchSize
                    + " (2 x threads + 3 batches are held in memory at once)");
        }
        PrintWriter err = spec.commandLine().getErr();
        if (taxonomy) {
            if (!inputs.isEmpty() || out != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--taxonomy classifies the taxonomy index; give no INPUT and no --out with it");
            }
            if (occupationClassification != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--taxonomy rates the taxonomy's own O*NET-SOC occupations; --occupation-classification is for"
                                + " catalogs");
            }
            if (scenario != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--taxonomy stores the verdicts as they stand; ask the index under a scenario with"
                                + " 'moravec rank --scenario " + scenario + "' or 'moravec scenarios'");
            }
            return classifyTaxonomy(workers, err);
        }
        try (Session session = Session.start(moravec.environment, options.session(), moravec.mapper)) {
            Moravec.warn(err, session.pluginWarnings());
            ScoringEngine engine = session.engine(workers);
            CatalogReaders readers = new CatalogReaders(moravec.mapper, moravec.environment.stdin());
            List<CatalogSource> sources = new ArrayList<>();
            for (String input : inputs) {
                sources.add(CatalogSource.of(input, moravec.environment.stdin()));
            }
            if (sources.isEmpty()) {
                sources.add(new CatalogSource(StarterCatalog.NAME, StarterCatalog::open, OptionalLong.empty()));
            }
            Relief relief = TaxonomyService.relief(session.config(), scenario);
            CatalogCodeMapping codes = codeMapping(session);
            java.util.function.Function<String, Optional<String>> titles = StarterCatalog::title;
            if (codes != null) {
                readers = new CatalogReaders(moravec.mapper, moravec.environment.stdin(), codes);
                // a mapped code's title is the taxonomy's
                TaxonomyService taxonomy = new TaxonomyService(session.taxonomy());
                titles = code -> taxonomy.title(code).or(() -> StarterCatalog.title(code));
            }
            CatalogClassifier classifier = new CatalogClassifier(tasks -> underScenario(engine.classify(tasks), relief),
                    readers, titles, batchSize, workers);
            Path rejectsFile = rejectsFile();
            VerdictFormat verdictFormat = verdictFormat(engine);
            // --out is locked for the run before anything reads or empties it: a second run is refused
            try (OutputLock lock = out == null ? null : OutputLock.acquire(out)) {
                ResumePoint from = resume ? resumePoint(engine, rejectsFile, err) : ResumePoint.START;
                if (lock != null && resume) {
                    lock.reassert(); // reading the file to resume let go of the lock
                }
                RunSummary summary;
                // Ctrl-C or a termination signal stops the run after a whole batch, so the files end with whole
                // records and --resume continues; the hook waits until they are closed
                try (StopOnSignal stop = new StopOnSignal(Duration.ofSeconds(30))) {
                    try (OutputStream records = lock == null ? StandardOutput.open(moravec.environment.stdout())
                                    : lock.open(resume);
                            OutputStream rejectsOut = new NamedOutputStream(new LazyFileOutputStream(rejectsFile, resume),
                                    rejectsFile.toString());
                            Progress progress = Progress.open(err, sources, !noProgress);
                            RunStats figures = stats == null ? null : new RunStats(stats, moravec.mapper, progress)) {
                        RunOutput output = new RunOutput(verdictFormat, gzip(), records, rejectsOut, moravec.mapper);
                        CatalogClassifier.Progress listener = figures == null ? progress : figures;
                        summary = classifier.run(sources, format, output, onError, from, new CatalogClassifier.Progress() {
                            @Override
                            public void update(long records, long bytes) {
                                listener.update(records, bytes);
                            }

                            @Override
                            public void failed(RunSummary soFar) {
                                progress.close(); // the bar gives way to the figures and the error below them
                                printSummary(err, soFar, engine, rejectsFile, true);
                            }
                        }, stop::requested);
                        if (figures != null) {
                            figures.write(summary);
                        }
                    }
                    printSummary(err, summary, engine, rejectsFile, false);
                    if (codes != null) {
                        printMapping(err, codes.report());
                    }
                }
                return summary.stopped() ? ExitCodes.STOPPED : ExitCodes.OK;
            }
        }
    }

    /** The mapping of the catalogs' occupation codes, or {@code null} when they are O*NET-SOC or SOC 2018 codes. */
    private CatalogCodeMapping codeMapping(Session session) throws BadInputException, IOException {
        if (occupationClassification == null) {
            return null;
        }
        Classification classification;
        try {
            classification = Classification.parse(occupationClassification);
        } catch (BadInputException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    e.getMessage().replace("--classification", "--occupation-classification"));
        }
        if (session.taxonomy() == null) {
            throw new BadInputException("--occupation-classification " + classification.label() + " maps codes through"
                    + " the crosswalks of the taxonomy index, and none is imported: import the release and the"
                    + " crosswalks first (moravec taxonomy import SOURCE --crosswalk FILE ...; docs/classifications.md)");
        }
        return new TaxonomyService(session.taxonomy()).codeMapping(classification);
    }

    private static void printMapping(PrintWriter err, CatalogCodeMapping.Report report) {
        err.printf(Locale.ROOT, "Occupation codes (%s): %s records mapped to O*NET-SOC occupations (%s distinct codes); %s"
                        + " records with %s codes unmapped, rated without an occupation.%n", report.classification(),
                Format.count(report.mappedRecords()), Format.count(report.mappedCodes()),
                Format.count(report.unmappedRecords()), Format.count(report.unmapped().size()));
        report.unmapped().entrySet().stream().limit(10).forEach(e -> err.printf(Locale.ROOT, "  %s (%s records): %s%n",
                e.getKey(), Format.count(e.getValue().records()), e.getValue().reason()));
        if (report.unmapped().size() > 10) {
            err.println("  ... and " + Format.count(report.unmapped().size() - 10) + " more: each record's fields say"
                    + " (occupationGiven, occupationMapping)");
        }
        if (report.classification().equals("esco")) {
            err.println(dev.moravec.taxonomy.sources.crosswalk.EscoClassification.ATTRIBUTION);
        }
    }

    /** Reads what the interrupted run wrote, cuts off an unfinished record, and says where the run resumes. */
    private ResumePoint resumePoint(ScoringEngine engine, Path rejectsFile, PrintWriter err)
            throws IOException, BadInputException {
        if (out == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--resume continues the file --out names; give --out");
        }
        InterruptedRun run = InterruptedRun.find(out, isCsv(), gzip(), rejectsFile, moravec.mapper);
        boolean versioned = !run.scorers().containsValue(null); // CSV has the scorers' ids only
        List<String> scorers = engine.scorers().stream()
                .map(h -> h.id() + (versioned ? " " + h.info().version() : "")).toList();
        List<String> written = new ArrayList<>();
        run.scorers().forEach((id, version) -> written.add(id + (version == null ? "" : " " + version)));
        if ((run.point().records() > 0 || run.point().headerWritten()) && !scorers.equals(written)) {
            throw new BadInputException("cannot resume: " + out + " was rated by " + String.join(", ", written)
                    + ", but this run's scorers are " + String.join(", ", scorers) + ": the records would not agree."
                    + " Resume with the plugins and configuration of the interrupted run, or run without --resume to"
                    + " start again");
        }
        run.repair();
        if (run.point().done() == 0 && run.outputKeep() == 0) {
            err.println("moravec: --resume: " + out + " holds no whole record yet; starting from the first task");
        } else {
            err.printf(Locale.ROOT, "Resuming: %s holds %s records and %s %s rejected ones; %s%n", out,
                    Format.count(run.point().records()), rejectsFile, Format.count(run.point().rejections()),
                    run.outputCut() + run.rejectsCut() == 0 ? "each ends with a whole record."
                            : "cut off " + Format.count(run.outputCut() + run.rejectsCut())
                                    + " bytes of a record the interrupted run was writing.");
        }
        err.flush();
        return run.point();
    }

    private int classifyTaxonomy(int workers, PrintWriter err) throws Exception {
        try (TaxonomyIndex index = options.data.openTaxonomy(moravec, err);
                Session session = Session.start(moravec.environment, options.session(), moravec.mapper, index)) {
            Moravec.warn(err, session.pluginWarnings());
            ScoringEngine engine = session.engine(workers);
            boolean showProgress = !noProgress && Progress.isTerminal();
            TaxonomyClassifier.Result result = new TaxonomyClassifier(engine, session.embedder()).classify(index, line -> {
                if (showProgress) {
                    err.print("\r  " + line);
                    err.flush();
                }
            });
            if (result.rated() > 0 && showProgress) {
                err.println();
            }
            StringBuilder quadrants = new StringBuilder();
            for (Quadrant q : Quadrant.values()) {
                long n = result.quadrants().getOrDefault(q, 0L);
                if (q != Quadrant.UNRATED || n > 0) {
                    quadrants.append(quadrants.isEmpty() ? "" : ", ").append(q).append(' ').append(Format.count(n));
                }
            }
            err.printf(Locale.ROOT, "Classified the taxonomy in %s: %s tasks in %.1f s: rated %s, reused %s, re-combined %s"
                            + " for a changed configuration; %s occupation scores written. %s.%n",
                    index.path(), Format.count(result.tasks()), result.elapsed().toMillis() / 1000.0,
                    Format.count(result.rated()), Format.count(result.reused()), Format.count(result.recombined()),
                    Format.count(result.occupations()), quadrants);
            printScorerFailures(err, engine);
            err.flush();
        }
        return ExitCodes.OK;
    }

    private boolean gzip() {
        return out != null && out.getFileName().toString().endsWith(".gz");
    }

    private boolean isCsv() {
        return outFormat != null ? outFormat == OutFormat.csv
                : out != null && out.getFileName().toString().matches("(?i).*\\.csv(\\.gz)?");
    }

    /** Each verdict with where its task would stand under the scenario, when one was asked for. */
    private static List<Verdict> underScenario(List<Verdict> verdicts, Relief relief) {
        if (relief == null) {
            return verdicts;
        }
        List<Verdict> under = new ArrayList<>(verdicts.size());
        for (Verdict verdict : verdicts) {
            Relief.Moved moved = relief.apply(verdict.scores(), verdict.bottlenecks(), verdict.verification());
            under.add(verdict.withScenario(new ScenarioScores(relief.scenario().name(), moved.after(), moved.movedBy())));
        }
        return under;
    }

    private VerdictFormat verdictFormat(ScoringEngine engine) {
        if (isCsv()) {
            return VerdictFormat.csv(moravec.mapper, engine.scorers().stream().map(ScorerHandle::id).toList(),
                    scenario != null);
        }
        return VerdictFormat.jsonLines(moravec.mapper);
    }

    private Path rejectsFile() {
        if (rejects != null) {
            return rejects;
        }
        if (out == null) {
            return Path.of("moravec.rejects.jsonl");
        }
        String name = out.getFileName().toString().replaceFirst("(\\.[A-Za-z]+)?(\\.gz)?$", "");
        return out.resolveSibling(name + ".rejects.jsonl");
    }

    private void printSummary(PrintWriter err, RunSummary summary, ScoringEngine engine, Path rejectsFile,
            boolean failed) {
        StringBuilder quadrants = new StringBuilder();
        for (Quadrant q : Quadrant.values()) {
            long n = summary.quadrants().get(q);
            if (q != Quadrant.UNRATED || n > 0) {
                quadrants.append(quadrants.isEmpty() ? "" : ", ").append(q).append(' ').append(Format.count(n));
            }
        }
        err.printf(Locale.ROOT, "%s %s tasks in %.1f s (%s tasks/s): %s. Read %s = %sclassified %s + rejected %s%s.%n",
                failed ? "Stopped by the error below: classified" : summary.stopped() ? "Stopped: classified"
                        : "Classified", Format.count(summary.classified()),
                summary.elapsed().toMillis() / 1000.0, Format.count(Math.round(summary.tasksPerSecond())), quadrants,
                Format.count(summary.read()),
                summary.skipped() > 0 ? "already written " + Format.count(summary.skipped()) + " + " : "",
                Format.count(summary.classified()), Format.count(summary.rejected()),
                summary.rejected() > 0 ? " (see " + rejectsFile + ")" : "");
        if (summary.stopped() && !failed) {
            err.println("The output ends with the last whole record; run the same command with --resume to continue.");
        }
        printScorerFailures(err, engine);
        err.flush();
    }

    public static void printScorerFailures(PrintWriter err, ScoringEngine engine) {
        for (ScorerHandle scorer : engine.scorers()) {
            if (scorer.failedCount() + scorer.timedOutCount() > 0 || scorer.isQuarantined() || scorer.stuckCalls() > 0) {
                err.printf("Scorer %s: %s failed, %s timed out%s%s%n", scorer.id(), Format.count(scorer.failedCount()),
                        Format.count(scorer.timedOutCount()),
                        scorer.isQuarantined() ? "; " + scorer.quarantineReason() : "",
                        scorer.stuckCalls() == 0 ? "" : "; " + scorer.stuckCalls() + " of its calls still run past the"
                                + " time limit, deaf to interrupts" + (engine.isDegraded(scorer)
                                        ? ", so it was no longer asked (degraded)" : ""));
                scorer.failureReasons().entrySet().stream().limit(3).forEach((Map.Entry<String, Long> e) ->
                        err.printf("  %s x %s%n", Format.count(e.getValue()), e.getKey()));
            }
        }
    }
}

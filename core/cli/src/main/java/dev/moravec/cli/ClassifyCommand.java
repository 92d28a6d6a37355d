package dev.moravec.cli;

import dev.moravec.engine.Quadrant;
import dev.moravec.engine.ScorerHandle;
import dev.moravec.engine.ScoringEngine;
import dev.moravec.engine.catalog.CatalogClassifier;
import dev.moravec.engine.catalog.CatalogFormat;
import dev.moravec.engine.catalog.CatalogReaders;
import dev.moravec.engine.catalog.CatalogSource;
import dev.moravec.engine.catalog.CsvVerdictWriter;
import dev.moravec.engine.catalog.JsonLinesVerdictWriter;
import dev.moravec.engine.catalog.OnError;
import dev.moravec.engine.catalog.RejectsWriter;
import dev.moravec.engine.catalog.RunSummary;
import dev.moravec.engine.catalog.VerdictWriter;
import dev.moravec.taxonomy.StarterCatalog;
import dev.moravec.taxonomy.TaxonomyClassifier;
import dev.moravec.taxonomy.TaxonomyIndex;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code moravec classify}: rates every task of one or more catalogs and writes one record per task. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = {"Rate every task of the given catalogs (the built-in starter catalog if none) and write one"
                + " record per task: T, V, score, quadrant and each scorer's rating with its evidence.",
            "Catalogs: O*NET Task Statements, CSV or TSV with a header, JSON Lines or a JSON array; gzip is read"
                + " transparently; '-' reads standard input."})
final class ClassifyCommand implements Callable<Integer> {

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

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1024", hidden = true,
            description = "Tasks rated at once.")
    int batchSize;

    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    boolean noProgress;

    @Option(names = "--taxonomy",
            description = "Rate every task of the taxonomy index and store the verdicts in it (incremental: only"
                    + " tasks whose statement, scorers or configuration changed are rated again).")
    boolean taxonomy;

    @Override
    public Integer call() throws Exception {
        Optional<CatalogFormat> format = Optional.ofNullable(inFormat);
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        if (taxonomy) {
            if (!inputs.isEmpty() || out != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--taxonomy classifies the taxonomy index; give no INPUT and no --out with it");
            }
            return classifyTaxonomy(workers, err);
        }
        try (HostSession session = HostSession.start(moravec.environment, options, moravec.mapper)) {
            session.warnAboutBrokenPlugins(err);
            ScoringEngine engine = session.engine(workers);
            CatalogReaders readers = new CatalogReaders(moravec.mapper, moravec.environment.stdin());
            List<CatalogSource> sources = new ArrayList<>();
            for (String input : inputs) {
                sources.add(CatalogSource.of(input, moravec.environment.stdin()));
            }
            if (sources.isEmpty()) {
                sources.add(new CatalogSource(StarterCatalog.NAME, StarterCatalog::open, OptionalLong.empty()));
            }
            CatalogClassifier classifier = new CatalogClassifier(engine, readers, StarterCatalog::title, batchSize);
            Path rejectsFile = rejectsFile();
            RunSummary summary;
            try (VerdictWriter writer = openWriter(engine);
                    RejectsWriter rejectsWriter = new RejectsWriter(new LazyFileOutputStream(rejectsFile), moravec.mapper);
                    Progress progress = Progress.open(err, sources, !noProgress)) {
                summary = classifier.run(sources, format, writer, rejectsWriter, onError, progress);
            }
            printSummary(err, summary, engine, rejectsFile);
        }
        return ExitCodes.OK;
    }

    private int classifyTaxonomy(int workers, PrintWriter err) throws Exception {
        try (TaxonomyIndex index = Taxonomies.open(moravec.environment, options.data, moravec.mapper, err);
                HostSession session = HostSession.start(moravec.environment, options, moravec.mapper, index)) {
            session.warnAboutBrokenPlugins(err);
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

    private VerdictWriter openWriter(ScoringEngine engine) throws IOException {
        OutputStream stream;
        if (out == null) {
            stream = new FilterOutputStream(moravec.environment.stdout()) {
                @Override
                public void close() throws IOException {
                    flush(); // standard output stays open
                }
            };
        } else {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            stream = Files.newOutputStream(out);
            if (out.getFileName().toString().endsWith(".gz")) {
                stream = new GZIPOutputStream(stream, 1 << 16);
            }
        }
        stream = new BufferedOutputStream(stream, 1 << 16);
        OutFormat chosen = outFormat != null ? outFormat
                : out != null && out.getFileName().toString().matches("(?i).*\\.csv(\\.gz)?") ? OutFormat.csv
                : OutFormat.jsonl;
        if (chosen == OutFormat.csv) {
            return new CsvVerdictWriter(stream, moravec.mapper, engine.scorers().stream().map(ScorerHandle::id).toList());
        }
        return new JsonLinesVerdictWriter(stream, moravec.mapper);
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

    private void printSummary(PrintWriter err, RunSummary summary, ScoringEngine engine, Path rejectsFile) {
        StringBuilder quadrants = new StringBuilder();
        for (Quadrant q : Quadrant.values()) {
            long n = summary.quadrants().get(q);
            if (q != Quadrant.UNRATED || n > 0) {
                quadrants.append(quadrants.isEmpty() ? "" : ", ").append(q).append(' ').append(Format.count(n));
            }
        }
        err.printf(Locale.ROOT, "Classified %s tasks in %.1f s (%s tasks/s): %s. Read %s = classified %s + rejected %s%s.%n",
                Format.count(summary.classified()), summary.elapsed().toMillis() / 1000.0,
                Format.count(Math.round(summary.tasksPerSecond())), quadrants, Format.count(summary.read()),
                Format.count(summary.classified()), Format.count(summary.rejected()),
                summary.rejected() > 0 ? " (see " + rejectsFile + ")" : "");
        printScorerFailures(err, engine);
        err.flush();
    }

    static void printScorerFailures(PrintWriter err, ScoringEngine engine) {
        for (ScorerHandle scorer : engine.scorers()) {
            if (scorer.failedCount() + scorer.timedOutCount() > 0 || scorer.isQuarantined()) {
                err.printf("Scorer %s: %s failed, %s timed out%s%n", scorer.id(), Format.count(scorer.failedCount()),
                        Format.count(scorer.timedOutCount()),
                        scorer.isQuarantined() ? "; " + scorer.quarantineReason() : "");
                scorer.failureReasons().entrySet().stream().limit(3).forEach((Map.Entry<String, Long> e) ->
                        err.printf("  %s x %s%n", Format.count(e.getValue()), e.getKey()));
            }
        }
    }
}

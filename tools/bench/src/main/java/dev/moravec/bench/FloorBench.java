package dev.moravec.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Task;
import dev.moravec.catalog.CatalogClassifier;
import dev.moravec.catalog.CatalogReaders;
import dev.moravec.catalog.CatalogRecord;
import dev.moravec.catalog.CatalogSource;
import dev.moravec.catalog.OnError;
import dev.moravec.catalog.RunOutput;
import dev.moravec.catalog.RunSummary;
import dev.moravec.catalog.VerdictFormat;
import dev.moravec.catalog.VerdictJson;
import dev.moravec.catalog.VerdictWriter;
import dev.moravec.cli.ExitCodes;
import dev.moravec.cli.Format;
import dev.moravec.cli.RunStats;
import dev.moravec.model.Scores;
import dev.moravec.model.Verdict;
import dev.moravec.taxonomy.sources.StarterCatalog;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code moravec-bench floor}: what classifying costs without scoring, the floor classification is
 * measured against. It runs the pipeline of {@code classify} (a reader thread, batches rendered in
 * parallel, written in order) but, in place of the scorers, tokenises each statement with Lucene's
 * English analysis (the lexicon scorer's), and writes each record padded to a given size, so it reads,
 * parses, tokenises and writes as much as classification does.
 */
@Command(name = "floor", mixinStandardHelpOptions = true,
        description = {"Read, parse and tokenise catalogs and write records of a given size, as classify does but"
                + " without scoring: the floor that 'bench classify' measures classification against."})
final class FloorBench implements Callable<Integer> {

    private static final byte[] PADDING_START = ",\"padding\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PADDING_END = "\"}\n".getBytes(StandardCharsets.US_ASCII);

    @ParentCommand
    MoravecBench parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Catalog files.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where the records go.")
    Path out;

    @Option(names = "--record-bytes", paramLabel = "N", defaultValue = "1100",
            description = "The size each record is padded to (default: 1100), as classification writes them.")
    int recordBytes;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1024", description = "Records per batch.")
    int batchSize;

    @Option(names = "--threads", paramLabel = "N", description = "Batches at once (default: the number of cores).")
    Integer threads;

    @Option(names = "--stats", paramLabel = "FILE", description = "Write the run's figures as JSON.")
    Path stats;

    @Override
    public Integer call() throws Exception {
        MoravecBench moravec = parent;
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        List<CatalogSource> sources = new ArrayList<>();
        for (String input : inputs) {
            sources.add(CatalogSource.of(input, moravec.environment.stdin()));
        }
        LongAdder tokens = new LongAdder();
        Analyzer analyzer = new EnglishAnalyzer();
        CatalogClassifier.Rater tokenise = tasks -> {
            List<Verdict> verdicts = new ArrayList<>(tasks.size());
            for (Task task : tasks) {
                tokens.add(tokenise(analyzer, task.statement()));
                verdicts.add(new Verdict(task, Scores.UNRATED, List.of()));
            }
            return verdicts;
        };
        CatalogClassifier classifier = new CatalogClassifier(tokenise, new CatalogReaders(moravec.mapper),
                StarterCatalog::title, batchSize, workers);
        RunSummary summary;
        try (OutputStream records = new BufferedOutputStream(new FileOutputStream(out.toFile()), 1 << 16);
                RunStats figures = stats == null ? null : new RunStats(stats, moravec.mapper, (r, b) -> { })) {
            RunOutput output = new RunOutput(padded(moravec.mapper, recordBytes),
                    out.getFileName().toString().endsWith(".gz"), records, OutputStream.nullOutputStream(),
                    moravec.mapper);
            summary = classifier.run(sources, Optional.empty(), output, OnError.SKIP,
                    figures == null ? (r, b) -> { } : figures);
            if (figures != null) {
                figures.write(summary);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "Floor: read, parsed, tokenised (%s tokens) and wrote %s records in %.1f s (%s records/s)%n",
                Format.count(tokens.sum()), Format.count(summary.read()), summary.elapsed().toMillis() / 1000.0,
                Format.count(Math.round(summary.read() / Math.max(1e-9, summary.elapsed().toNanos() / 1e9))));
        err.flush();
        return ExitCodes.OK;
    }

    private static int tokenise(Analyzer analyzer, String text) {
        int count = 0;
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                count += term.length() > 0 ? 1 : 0;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory failed", e);
        }
        return count;
    }

    /** Records as classify writes them, with a padding field that brings each to the given size. */
    private static VerdictFormat padded(ObjectMapper mapper, int size) {
        byte[] padding = new byte[Math.max(0, size)];
        Arrays.fill(padding, (byte) 'x');
        return new VerdictFormat() {
            @Override
            public VerdictWriter open(OutputStream out) throws IOException {
                ByteArrayOutputStream line = new ByteArrayOutputStream(size);
                JsonGenerator json = mapper.getFactory().createGenerator(line);
                json.setRootValueSeparator(null);
                return new VerdictWriter() {
                    @Override
                    public void write(CatalogRecord record, Verdict verdict) throws IOException {
                        line.reset();
                        VerdictJson.writeRecord(json, record, verdict);
                        json.flush();
                        byte[] bytes = line.toByteArray();
                        out.write(bytes, 0, bytes.length - 1); // all but the closing brace
                        int pad = size - bytes.length - PADDING_START.length - PADDING_END.length + 1;
                        out.write(PADDING_START);
                        out.write(padding, 0, Math.max(0, pad));
                        out.write(PADDING_END);
                    }

                    @Override
                    public void close() throws IOException {
                        json.close();
                        out.close();
                    }
                };
            }
        };
    }
}

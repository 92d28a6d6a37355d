package dev.moravec.engine.catalog;

import dev.moravec.api.Task;
import dev.moravec.engine.BadInputException;
import dev.moravec.engine.Quadrant;
import dev.moravec.engine.ScoringEngine;
import dev.moravec.engine.Verdict;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Classifies catalogs end to end: reads records in bounded batches, rates each batch with the
 * engine, and writes the verdicts in input order, so memory stays flat however large the input.
 * Every record read ends up in the output or in the rejects, and the summary says how many of each.
 */
public final class CatalogClassifier {

    /** Listens to a run's progress; called on the run's thread after each batch. */
    public interface Progress {
        /**
         * @param records records read so far
         * @param bytes bytes read so far from the current input
         */
        void update(long records, long bytes);
    }

    private final ScoringEngine engine;
    private final CatalogReaders readers;
    private final Function<String, Optional<String>> titles;
    private final int batchSize;

    /**
     * @param engine the engine that rates
     * @param readers opens the inputs
     * @param titles looks up an occupation's title by code, for records that give a code only
     * @param batchSize the number of tasks rated at once, at least 1
     */
    public CatalogClassifier(ScoringEngine engine, CatalogReaders readers, Function<String, Optional<String>> titles,
            int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        this.engine = engine;
        this.readers = readers;
        this.titles = titles;
        this.batchSize = batchSize;
    }

    /**
     * Classifies the given inputs in order.
     *
     * @param inputs the catalogs
     * @param format the format of every input, or empty to recognise each
     * @param out where verdicts go
     * @param rejects where rejected records go when {@code onError} is {@link OnError#SKIP}
     * @param onError what to do with a bad record
     * @param progress told after every batch
     * @return the counts
     * @throws IOException if reading or writing fails
     * @throws BadInputException if an input cannot be read, or (with {@link OnError#FAIL}) has a bad record
     * @throws InterruptedException if the run is interrupted
     */
    public RunSummary run(List<CatalogSource> inputs, Optional<CatalogFormat> format, VerdictWriter out,
            RejectsWriter rejects, OnError onError, Progress progress)
            throws IOException, BadInputException, InterruptedException {
        long started = System.nanoTime();
        long read = 0;
        long rejected = 0;
        Map<Quadrant, Long> quadrants = new EnumMap<>(Quadrant.class);
        List<CatalogRecord> batch = new ArrayList<>(batchSize);
        for (CatalogSource input : inputs) {
            try (CatalogReader reader = readers.open(input, format)) {
                for (CatalogEntry entry = reader.next(); entry != null; entry = reader.next()) {
                    read++;
                    if (entry instanceof Rejection rejection) {
                        if (onError == OnError.FAIL) {
                            throw new BadInputException(rejection.message()
                                    + ". Fix the record, or run with --on-error skip to write bad records to a"
                                    + " rejects file and go on");
                        }
                        rejects.write(rejection);
                        rejected++;
                        continue;
                    }
                    batch.add((CatalogRecord) entry);
                    if (batch.size() == batchSize) {
                        classify(batch, out, quadrants);
                        progress.update(read, reader.bytesRead());
                    }
                }
                classify(batch, out, quadrants);
                progress.update(read, reader.bytesRead());
            }
        }
        long classified = quadrants.values().stream().mapToLong(Long::longValue).sum();
        return new RunSummary(read, classified, rejected, quadrants, Duration.ofNanos(System.nanoTime() - started));
    }

    private void classify(List<CatalogRecord> batch, VerdictWriter out, Map<Quadrant, Long> quadrants)
            throws IOException, InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        List<Task> tasks = new ArrayList<>(batch.size());
        for (CatalogRecord record : batch) {
            tasks.add(record.task());
        }
        List<Verdict> verdicts = engine.classify(tasks);
        for (int i = 0; i < batch.size(); i++) {
            CatalogRecord record = withTitle(batch.get(i));
            Verdict verdict = verdicts.get(i);
            out.write(record, verdict);
            quadrants.merge(verdict.quadrant(), 1L, Long::sum);
        }
        batch.clear();
    }

    private CatalogRecord withTitle(CatalogRecord record) {
        String code = record.task().occupationCode();
        if (record.occupationTitle() != null || code == null) {
            return record;
        }
        return titles.apply(code)
                .map(title -> new CatalogRecord(record.source(), record.line(), record.task(), title, record.fields()))
                .orElse(record);
    }
}

package dev.moravec.catalog;

import dev.moravec.api.Task;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Classifies catalogs end to end as a stream, so that memory stays flat however large the input and
 * every core has work. Three stages overlap:
 *
 * <ol>
 *   <li>a reader thread reads and parses records and cuts them into batches;
 *   <li>batches are rated by the engine and rendered into bytes (and compressed), several at once;
 *   <li>the calling thread writes the rendered batches in input order.
 * </ol>
 *
 * <p>At most a fixed number of batches lie between reading and writing: when writing stalls, the reader
 * waits (backpressure) and nothing queues without bound. The output keeps the input's order. Every
 * record read ends up in the output or in the rejects, and the summary says how many of each. A run
 * that resumes an interrupted one skips the records its output and rejects already hold.
 */
public final class CatalogClassifier {

    /** The first batch is small, so the first records come out at once rather than after a full batch. */
    private static final int FIRST_BATCH = 16;

    /** While a resumed run skips records, it reports its progress this often. */
    private static final int SKIP_REPORT = 1 << 16;

    /** Listens to a run's progress; called on the run's thread after each batch is written. */
    public interface Progress {
        /**
         * @param records records done so far: written, rejected, or skipped by a resumed run
         * @param bytes bytes read so far from all inputs together (compressed bytes for gzip)
         */
        void update(long records, long bytes);

        /**
         * Called when the run fails, before its failure is thrown: what was written up to then, for the
         * reconciliation a user reads beside the error.
         *
         * @param soFar the counts of the records written and rejected before the failure
         */
        default void failed(RunSummary soFar) {}
    }

    /** The largest batch: the pipeline holds {@code 2 x threads + 3} of them in memory. */
    public static final int MAX_BATCH_SIZE = 100_000;

    /** Rates a batch of tasks into verdicts; the application passes the scoring engine's {@code classify}. */
    @FunctionalInterface
    public interface Rater {
        /**
         * @param tasks the tasks
         * @return one verdict per task, in order
         * @throws InterruptedException if the thread is interrupted while waiting
         */
        List<Verdict> classify(List<Task> tasks) throws InterruptedException;
    }

    private final Rater rater;
    private final CatalogReaders readers;
    private final Function<String, Optional<String>> titles;
    private final int batchSize;
    private final int parallelBatches;
    private volatile int bytesPerRecord = 1024;

    /**
     * @param rater rates each batch: the scoring engine's {@code classify}
     * @param readers opens the inputs
     * @param titles looks up an occupation's title by code, for records that give a code only
     * @param batchSize the number of records rated at once, at least 1
     * @param parallelBatches the number of batches rated and rendered at once, at least 1
     */
    public CatalogClassifier(Rater rater, CatalogReaders readers, Function<String, Optional<String>> titles,
            int batchSize, int parallelBatches) {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE || parallelBatches < 1) {
            throw new IllegalArgumentException("batchSize must be 1 to " + MAX_BATCH_SIZE
                    + " and parallelBatches at least 1");
        }
        this.rater = rater;
        this.readers = readers;
        this.titles = titles;
        this.batchSize = batchSize;
        this.parallelBatches = parallelBatches;
    }

    /**
     * Classifies the given inputs from their start, to the end.
     *
     * @param inputs the catalogs
     * @param format the format of every input, or empty to recognise each
     * @param output where records and rejected records go
     * @param onError what to do with a bad record
     * @param progress told after every batch
     * @return the counts
     * @throws IOException if reading or writing fails
     * @throws BadInputException if an input cannot be read, or (with {@link OnError#FAIL}) has a bad
     *     record; the output then holds every record before it
     * @throws InterruptedException if the calling thread is interrupted
     */
    public RunSummary run(List<CatalogSource> inputs, Optional<CatalogFormat> format, RunOutput output,
            OnError onError, Progress progress) throws IOException, BadInputException, InterruptedException {
        return run(inputs, format, output, onError, ResumePoint.START, progress, () -> false);
    }

    /**
     * Classifies the given inputs, continuing from where an interrupted run stopped.
     *
     * @param inputs the catalogs
     * @param format the format of every input, or empty to recognise each
     * @param output where records and rejected records go; a resumed run appends to them
     * @param onError what to do with a bad record
     * @param resume what the output already holds; {@link ResumePoint#START} for a new run
     * @param progress told after every batch
     * @param stop checked between batches: once it says so, the run writes no further batch and returns,
     *     its summary {@link RunSummary#stopped() stopped}
     * @return the counts
     * @throws IOException if reading or writing fails
     * @throws BadInputException if an input cannot be read, has a bad record with {@link OnError#FAIL}
     *     (the output then holds every record before it), or does not continue the resumed output
     * @throws InterruptedException if the calling thread is interrupted
     */
    public RunSummary run(List<CatalogSource> inputs, Optional<CatalogFormat> format, RunOutput output,
            OnError onError, ResumePoint resume, Progress progress, BooleanSupplier stop)
            throws IOException, BadInputException, InterruptedException {
        long started = System.nanoTime();
        BlockingQueue<Step> queue = new ArrayBlockingQueue<>(2 * parallelBatches);
        AtomicInteger count = new AtomicInteger();
        ExecutorService renderers = Executors.newFixedThreadPool(parallelBatches, r -> {
            Thread thread = new Thread(r, "moravec-batch-" + count.incrementAndGet());
            thread.setDaemon(true); // a batch stuck in a scorer must not keep the JVM alive
            return thread;
        });
        Thread reader = new Thread(new Reader(inputs, format, onError, resume, queue, renderers, output),
                "moravec-reader");
        reader.setDaemon(true); // a reader blocked on standard input must not keep the JVM alive
        long skipped = 0;
        long classified = 0;
        long rejected = 0;
        long[] quadrants = new long[Quadrant.values().length];
        boolean stopped = false;
        boolean ended = false;
        reader.start();
        try {
            if (!resume.headerWritten()) {
                byte[] header = output.format().header();
                if (header.length > 0) {
                    encoded(output, header).writeTo(output.records());
                }
            }
            while (true) {
                Step step = stop.getAsBoolean() ? null : queue.poll(100, TimeUnit.MILLISECONDS);
                if (step == null) {
                    if (stop.getAsBoolean()) {
                        stopped = true;
                        break;
                    }
                    continue;
                }
                if (step instanceof End) {
                    break;
                }
                if (step instanceof Failure failure) {
                    throw rethrow(failure.error());
                }
                Chunk chunk = (Chunk) step;
                if (chunk.rendered() != null) {
                    Rendered rendered = await(chunk.rendered(), stop);
                    if (rendered == null) {
                        stopped = true;
                        break;
                    }
                    rendered.records().writeTo(output.records());
                    output.records().flush();
                    if (rendered.rejects() != null) {
                        rendered.rejects().writeTo(output.rejects());
                        output.rejects().flush();
                    }
                    classified += rendered.classified();
                    rejected += rendered.rejected();
                    for (int q = 0; q < quadrants.length; q++) {
                        quadrants[q] += rendered.quadrants()[q];
                    }
                }
                skipped += chunk.skipped();
                progress.update(skipped + classified + rejected, chunk.bytes());
            }
            ended = true;
        } finally {
            reader.interrupt();
            renderers.shutdownNow();
            if (!ended) {
                progress.failed(new RunSummary(skipped + classified + rejected, skipped, classified, rejected,
                        byQuadrant(quadrants), Duration.ofNanos(System.nanoTime() - started), true));
            }
        }
        return new RunSummary(skipped + classified + rejected, skipped, classified, rejected, byQuadrant(quadrants),
                Duration.ofNanos(System.nanoTime() - started), stopped);
    }

    private static Map<Quadrant, Long> byQuadrant(long[] quadrants) {
        Map<Quadrant, Long> byQuadrant = new EnumMap<>(Quadrant.class);
        for (Quadrant q : Quadrant.values()) {
            byQuadrant.put(q, quadrants[q.ordinal()]);
        }
        return byQuadrant;
    }

    private static <T> T await(Future<T> future, BooleanSupplier stop)
            throws IOException, BadInputException, InterruptedException {
        while (true) {
            try {
                return future.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (stop.getAsBoolean()) {
                    return null;
                }
            } catch (ExecutionException e) {
                throw rethrow(e.getCause());
            }
        }
    }

    private static IOException rethrow(Throwable error) throws BadInputException, InterruptedException {
        if (error instanceof IOException e) {
            return e;
        }
        if (error instanceof BadInputException e) {
            throw e;
        }
        if (error instanceof InterruptedException e) {
            throw e;
        }
        if (error instanceof RuntimeException e) {
            throw e;
        }
        // an Error of another thread (out of memory, say) ends the run on the calling thread, with its cause
        throw new IllegalStateException("the classification stopped: " + error, error);
    }

    /** Rates and renders one batch; runs on a batch thread. */
    private Rendered render(List<CatalogEntry> entries, RunOutput output) throws IOException, InterruptedException {
        List<CatalogRecord> records = new ArrayList<>(entries.size());
        List<Rejection> rejections = new ArrayList<>(0);
        for (CatalogEntry entry : entries) {
            if (entry instanceof CatalogRecord record) {
                records.add(withTitle(record));
            } else {
                rejections.add((Rejection) entry);
            }
        }
        List<Task> tasks = new ArrayList<>(records.size());
        for (CatalogRecord record : records) {
            tasks.add(record.task());
        }
        List<Verdict> verdicts = rater.classify(tasks);
        long[] quadrants = new long[Quadrant.values().length];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(records.size() * bytesPerRecord + 256);
        try (VerdictWriter writer = output.format().open(output.gzip() ? GzipMembers.open(bytes) : bytes)) {
            for (int i = 0; i < records.size(); i++) {
                Verdict verdict = verdicts.get(i);
                writer.write(records.get(i), verdict);
                quadrants[verdict.quadrant().ordinal()]++;
            }
        }
        if (!records.isEmpty()) {
            bytesPerRecord = (int) Math.min(1 << 16, bytes.size() / records.size() + 1);
        }
        ByteArrayOutputStream rejects = null;
        if (!rejections.isEmpty()) {
            rejects = new ByteArrayOutputStream(rejections.size() * 256);
            try (RejectsWriter writer = new RejectsWriter(rejects, output.mapper())) {
                for (Rejection rejection : rejections) {
                    writer.write(rejection);
                }
            }
        }
        return new Rendered(bytes, rejects, quadrants, records.size(), rejections.size());
    }

    private static ByteArrayOutputStream encoded(RunOutput output, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length + 64);
        try (OutputStream out = output.gzip() ? GzipMembers.open(bytes) : bytes) {
            out.write(content);
        }
        return bytes;
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

    /** What the reader hands on to the writer, in input order. */
    private sealed interface Step permits Chunk, End, Failure {}

    /**
     * A batch on its way, or a report that records were skipped.
     *
     * @param rendered the batch being rated and rendered, or {@code null} when it only reports skipped records
     * @param skipped records a resumed run skipped before this batch
     * @param bytes bytes of input read up to the batch's end
     */
    private record Chunk(Future<Rendered> rendered, long skipped, long bytes) implements Step {}

    /** The inputs ended. */
    private record End() implements Step {}

    /** Reading failed; the batches before the failure are written first. */
    private record Failure(Throwable error) implements Step {}

    /** A batch rated and rendered, ready to write. */
    private record Rendered(ByteArrayOutputStream records, ByteArrayOutputStream rejects, long[] quadrants,
            int classified, int rejected) {}

    /** Reads the inputs, cuts them into batches and hands them on; runs on its own thread. */
    private final class Reader implements Runnable {
        private final List<CatalogSource> inputs;
        private final Optional<CatalogFormat> format;
        private final OnError onError;
        private final ResumePoint resume;
        private final BlockingQueue<Step> queue;
        private final ExecutorService renderers;
        private final RunOutput output;
        private long recordsSkipped;
        private long rejectionsSkipped;
        private long unreported;

        Reader(List<CatalogSource> inputs, Optional<CatalogFormat> format, OnError onError, ResumePoint resume,
                BlockingQueue<Step> queue, ExecutorService renderers, RunOutput output) {
            this.inputs = inputs;
            this.format = format;
            this.onError = onError;
            this.resume = resume;
            this.queue = queue;
            this.renderers = renderers;
            this.output = output;
        }

        @Override
        public void run() {
            try {
                try {
                    read();
                    queue.put(new End());
                } catch (InterruptedException e) {
                    throw e;
                } catch (Throwable e) { // NOPMD: whatever ends the reader (out of memory too) must reach the writer
                    queue.put(new Failure(e));
                }
            } catch (InterruptedException e) {
                // the writer stopped and no longer takes batches
            }
        }

        private void read() throws IOException, BadInputException, InterruptedException {
            long bytesDone = 0; // of the inputs already read to their end
            int limit = Math.min(batchSize, FIRST_BATCH);
            List<CatalogEntry> batch = new ArrayList<>(limit);
            for (CatalogSource input : inputs) {
                try (CatalogReader reader = readers.open(input, format)) {
                    for (CatalogEntry entry = next(input, reader); entry != null; entry = next(input, reader)) {
                        if (skip(entry)) {
                            if (++unreported == SKIP_REPORT) {
                                submit(List.of(), bytesDone + reader.bytesRead());
                            }
                            continue;
                        }
                        if (entry instanceof Rejection rejection && onError == OnError.FAIL) {
                            submit(batch, bytesDone + reader.bytesRead());
                            throw new BadInputException(rejection.message()
                                    + ". Fix the record, or run with --on-error skip to write bad records to a"
                                    + " rejects file and go on");
                        }
                        batch.add(entry);
                        if (batch.size() == limit) {
                            submit(batch, bytesDone + reader.bytesRead());
                            limit = batchSize;
                            batch = new ArrayList<>(limit);
                        }
                    }
                    bytesDone += reader.bytesRead();
                }
            }
            if (recordsSkipped < resume.records() || rejectionsSkipped < resume.rejections()) {
                throw new BadInputException("cannot resume: the output holds " + resume.records()
                        + " records and the rejects " + resume.rejections() + ", but the inputs have only "
                        + recordsSkipped + " and " + rejectionsSkipped + ": they are not the inputs of the"
                        + " interrupted run. Give the same inputs in the same order, or run without --resume to start"
                        + " again");
            }
            submit(batch, bytesDone);
        }

        // a read that fails names the input: a gzip cut short, a disk error
        private static CatalogEntry next(CatalogSource input, CatalogReader reader) throws IOException, BadInputException {
            try {
                return reader.next();
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                throw new BadInputException(input.name() + ": the input ends in the middle or is damaged (" + e.getMessage()
                        + "): was it cut short while copied or downloaded? The records before it were read", e);
            } catch (OutputFailedException e) {
                throw e;
            } catch (IOException e) {
                throw new BadInputException(input.name() + ": cannot be read: " + e.getMessage(), e);
            }
        }

        /** Whether a resumed run finds the entry already in the output or the rejects. */
        private boolean skip(CatalogEntry entry) throws BadInputException {
            if (entry instanceof CatalogRecord record) {
                if (recordsSkipped == resume.records()) {
                    return false;
                }
                if (++recordsSkipped == resume.records() && !record.task().id().equals(resume.lastRecordId())) {
                    throw new BadInputException(notContinued("record", resume.records(), "task '"
                            + resume.lastRecordId() + "'", "task '" + record.task().id() + "' (" + record.source()
                            + ":" + record.line() + ")"));
                }
                return true;
            }
            Rejection rejection = (Rejection) entry;
            if (rejectionsSkipped == resume.rejections()) {
                return false;
            }
            String place = rejection.source() + ":" + rejection.line();
            if (++rejectionsSkipped == resume.rejections() && !place.equals(resume.lastRejection())) {
                throw new BadInputException(notContinued("rejected record", resume.rejections(),
                        resume.lastRejection(), place));
            }
            return true;
        }

        private static String notContinued(String what, long count, String last, String found) {
            return "cannot resume: the last " + what + " written (number " + count + ") is " + last + ", but number "
                    + count + " of the inputs is " + found + ": the inputs are not those of the interrupted run. Give"
                    + " the same inputs in the same order, or run without --resume to start again";
        }

        private void submit(List<CatalogEntry> entries, long bytes) throws InterruptedException {
            Future<Rendered> rendered = entries.isEmpty() ? null : renderers.submit(() -> render(entries, output));
            if (rendered != null || unreported > 0) {
                queue.put(new Chunk(rendered, unreported, bytes));
                unreported = 0;
            }
        }
    }
}

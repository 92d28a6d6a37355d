package dev.moravec.spark.internal;

import dev.moravec.api.Task;
import dev.moravec.catalog.CatalogEntry;
import dev.moravec.catalog.CatalogRecord;
import dev.moravec.catalog.OnError;
import dev.moravec.catalog.Rejection;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.Verdict;
import dev.moravec.taxonomy.sources.StarterCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The pass over a partition: reads the rows a batch at a time, rates each batch's records through the
 * executor's one plugin host and scoring engine ({@link WorkerSessions}), and gives each record's output
 * row, in input order. A rejected record goes to the task's rejects file ({@link RejectsOutput}), or, with
 * {@link OnError#FAIL}, stops the task ({@link BadRecordFailure}). Counts what it read and rejected and
 * each scorer's outcomes. Lazy, so a partition of any size holds one batch at a time.
 */
final class RatePartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final WorkerSetup setup;
    private final RowParser parser;
    private final OutputLayout layout;
    private final JobMeters meters;
    private final RejectsOutput rejects;
    private final OnError onError;

    RatePartition(WorkerSetup setup, RowParser parser, OutputLayout layout, JobMeters meters, RejectsOutput rejects,
            OnError onError) {
        this.setup = setup;
        this.parser = parser;
        this.layout = layout;
        this.meters = meters;
        this.rejects = rejects;
        this.onError = onError;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Worker worker = WorkerSessions.get(setup);
        meters.hostStartNanos().add(WorkerSessions.takeStartNanos());
        TaskContext task = TaskContext.get();
        RejectsOutput.Attempt rejected = rejects.open(task.partitionId(), task.taskAttemptId(), worker.mapper());
        task.addTaskCompletionListener((TaskCompletionListener) context -> rejected.abandon());
        return new Batches(rows, worker, layout.renderer(worker.mapper()), rejected);
    }

    /** The output rows, one batch at a time. */
    private final class Batches implements Iterator<Row> {
        private final Iterator<Row> rows;
        private final Worker worker;
        private final BiFunction<CatalogRecord, Verdict, Row> renderer;
        private final RejectsOutput.Attempt rejected;
        private final ArrayDeque<Row> ready = new ArrayDeque<>();

        Batches(Iterator<Row> rows, Worker worker, BiFunction<CatalogRecord, Verdict, Row> renderer,
                RejectsOutput.Attempt rejected) {
            this.rows = rows;
            this.worker = worker;
            this.renderer = renderer;
            this.rejected = rejected;
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && rows.hasNext()) {
                rateNextBatch();
            }
            if (ready.isEmpty()) {
                try {
                    rejected.complete();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write the rejects: " + e.getMessage(), e);
                }
            }
            return !ready.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.poll();
        }

        private void rateNextBatch() {
            long t0 = System.nanoTime();
            List<CatalogRecord> records = new ArrayList<>(setup.batchSize());
            long read = 0;
            long rejects = 0;
            while (records.size() < setup.batchSize() && rows.hasNext()) {
                CatalogEntry entry = parser.parse(rows.next(), worker.mapper());
                if (entry instanceof CatalogRecord record) {
                    records.add(record.withTitleFrom(StarterCatalog::title));
                } else if (entry instanceof Rejection rejection) {
                    if (onError == OnError.FAIL) {
                        throw new BadRecordFailure(rejection.message());
                    }
                    try {
                        rejected.write(rejection);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write the rejects: " + e.getMessage(), e);
                    }
                    rejects++;
                }
                read += entry == null ? 0 : 1;
            }
            meters.read().add(read);
            meters.rejected().add(rejects);
            List<Task> tasks = new ArrayList<>(records.size());
            for (CatalogRecord record : records) {
                tasks.add(record.task());
            }
            long t1 = System.nanoTime();
            List<Verdict> verdicts;
            try {
                verdicts = worker.engine().classify(tasks);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while rating: the task was killed", e);
            }
            long t2 = System.nanoTime();
            Map<OutcomeCounts.Outcome, Long> outcomes = new HashMap<>();
            for (int i = 0; i < records.size(); i++) {
                ready.add(renderer.apply(records.get(i), verdicts.get(i)));
                for (ScorerOutcome outcome : verdicts.get(i).outcomes()) {
                    outcomes.merge(new OutcomeCounts.Outcome(outcome.scorer(), outcome.version(), outcome.status().name()),
                            1L, Long::sum);
                }
            }
            meters.outcomes().addAll(outcomes);
            long t3 = System.nanoTime();
            meters.parseNanos().add(t1 - t0);
            meters.rateNanos().add(t2 - t1);
            meters.renderNanos().add(t3 - t2);
        }
    }
}

package dev.moravec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.catalog.CatalogClassifier;
import dev.moravec.catalog.RunSummary;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one classification run, for benchmarks ({@code classify --stats FILE}): when the JVM
 * started, when the run started and when its first record was written (wall-clock milliseconds, so a
 * process that started the JVM can measure from its own clock), the records done over time, and the
 * peak memory: the largest heap left live after a garbage collection, the heap committed, and the
 * process's resident set. Written as JSON when the run ends.
 */
public final class RunStats implements CatalogClassifier.Progress, AutoCloseable {

    private final Path file;
    private final ObjectMapper mapper;
    private final CatalogClassifier.Progress next;
    private final long runStart = System.currentTimeMillis();
    private final long runStartNanos = System.nanoTime();
    private final List<long[]> samples = new ArrayList<>(); // {nanos since the run started, records}
    private final Thread sampler;
    private volatile long peakLive;
    private volatile long peakCommitted;
    private long firstRecord;
    private long lastSample = runStartNanos;
    private long records;

    /**
     * Starts measuring.
     *
     * @param file where the figures go when the run ends
     * @param mapper the JSON mapper
     * @param next the progress listener the updates pass on to
     */
    public RunStats(Path file, ObjectMapper mapper, CatalogClassifier.Progress next) {
        this.file = file;
        this.mapper = mapper;
        this.next = next;
        this.sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                sampleMemory();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "moravec-stats");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sampleMemory() {
        long live = 0;
        long committed = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                MemoryUsage afterGc = pool.getCollectionUsage();
                live += afterGc == null ? 0 : afterGc.getUsed();
                committed += pool.getUsage().getCommitted();
            }
        }
        peakLive = Math.max(peakLive, live);
        peakCommitted = Math.max(peakCommitted, committed);
    }

    @Override
    public void update(long records, long bytes) {
        next.update(records, bytes);
        this.records = records;
        long now = System.nanoTime();
        if (firstRecord == 0 && records > 0) {
            firstRecord = System.currentTimeMillis();
        }
        if (now - lastSample >= 250_000_000L) {
            lastSample = now;
            samples.add(new long[] {now - runStartNanos, records});
        }
    }

    /**
     * Writes the figures.
     *
     * @param summary the run's summary
     * @throws IOException if the file cannot be written
     */
    public void write(RunSummary summary) throws IOException {
        sampler.interrupt();
        sampleMemory();
        samples.add(new long[] {System.nanoTime() - runStartNanos, records});
        ObjectNode json = mapper.createObjectNode();
        json.put("jvmStartMillis", ManagementFactory.getRuntimeMXBean().getStartTime());
        json.put("runStartMillis", runStart);
        json.put("firstRecordMillis", firstRecord);
        json.put("endMillis", System.currentTimeMillis());
        json.put("read", summary.read());
        json.put("skipped", summary.skipped());
        json.put("classified", summary.classified());
        json.put("rejected", summary.rejected());
        json.put("elapsedNanos", summary.elapsed().toNanos());
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("heapMaxBytes", Runtime.getRuntime().maxMemory());
        json.put("peakLiveHeapBytes", peakLive);
        json.put("peakCommittedHeapBytes", peakCommitted);
        json.put("peakResidentBytes", peakResident());
        long collections = 0;
        long collectionMillis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(0, collector.getCollectionCount());
            collectionMillis += Math.max(0, collector.getCollectionTime());
        }
        json.put("gcCount", collections);
        json.put("gcMillis", collectionMillis);
        ArrayNode progress = json.putArray("samples");
        for (long[] sample : samples) {
            progress.addArray().add(sample[0]).add(sample[1]);
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
    }

    /** @return the process's peak resident set from /proc (Linux), or -1 where there is none */
    public static long peakResident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the figure is left out
        }
        return -1;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}

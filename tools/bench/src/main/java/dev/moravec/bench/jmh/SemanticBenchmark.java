package dev.moravec.bench.jmh;

import dev.moravec.api.Rating;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.embeddings.EmbeddingService;
import dev.moravec.semantic.Exemplars;
import dev.moravec.semantic.SemanticScorer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The semantic scorer's inner loops, with the real model's vectors: the nearest of the 480 exemplars
 * to one vector (the dot products by dimension as shipped, and one exemplar at a time as before, for
 * comparison), and {@code rateAll} on 64 tasks whose vectors are cached, as a run with a filled cache
 * calls it: the cache's lookups, the exemplars, the learned layer and the evidence.
 */
@State(Scope.Benchmark)
public class SemanticBenchmark extends Benchmarks {

    private static final int TASKS = 64;

    private Path cache;
    private EmbeddingService embedder;
    private SemanticScorer scorer;
    private Exemplars exemplars;
    private float[][] exemplarVectors;
    private List<Task> tasks;
    private float[] vector;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        cache = Files.createTempDirectory("moravec-jmh-");
        embedder = new EmbeddingService(cache, Runtime.getRuntime().availableProcessors());
        scorer = new SemanticScorer(embedder, null, 8, null, 1.0, "benchmark");
        byte[] file;
        try (InputStream in = SemanticScorer.class.getResourceAsStream("exemplars.tsv")) {
            file = in.readAllBytes();
        }
        exemplars = Exemplars.read(new ByteArrayInputStream(file), "exemplars.tsv", embedder);
        exemplarVectors = exemplars.all().stream().map(Exemplars.Exemplar::vector).toArray(float[][]::new);
        tasks = Statements.tasks(TASKS);
        embedder.embedAll(tasks.stream().map(Task::statement).toList()); // every vector cached from here on
        vector = embedder.embed(tasks.get(0).statement());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        embedder.close();
        try (var files = Files.walk(cache)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    public List<Exemplars.Neighbour> nearestExemplars() {
        return exemplars.nearest(vector, 8);
    }

    /** The dot products one exemplar at a time, as the scorer computed them before. */
    @Benchmark
    public double[] dotProductsOneExemplarAtATime() {
        double[] sums = new double[exemplarVectors.length];
        for (int j = 0; j < exemplarVectors.length; j++) {
            float[] exemplar = exemplarVectors[j];
            double sum = 0;
            for (int i = 0; i < vector.length; i++) {
                sum += vector[i] * exemplar[i];
            }
            sums[j] = sum;
        }
        return sums;
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public List<Rating> rateAllCached() throws Exception {
        return scorer.rateAll(tasks, ScoringContext.standalone());
    }
}

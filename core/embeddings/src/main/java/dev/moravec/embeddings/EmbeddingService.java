package dev.moravec.embeddings;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.moravec.api.Embedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The host's {@link Embedder}: the quantized all-MiniLM-L6-v2 sentence-embedding model, run offline
 * with ONNX Runtime from inside its jar, with every vector cached on disk ({@link VectorCache}, which
 * keeps nothing on the heap). The model loads on first use, so commands whose scorers never embed,
 * or find every vector cached, do not pay for it. Every vector it returns is a new array that nothing
 * else holds, as {@link Embedder#embed} promises, so a caller that changes one harms no other result.
 * Thread-safe.
 */
public final class EmbeddingService implements Embedder, AutoCloseable {

    /** The model's id, also the cache's key. */
    public static final String MODEL = "all-minilm-l6-v2-q";

    /** The model's vector length. */
    public static final int DIMENSION = 384;

    private final VectorCache cache;
    private final int threads;
    private final LongAdder computed = new LongAdder();
    private final LongAdder cached = new LongAdder();
    private volatile AllMiniLmL6V2QuantizedEmbeddingModel model;
    private ExecutorService executor;

    /** The vector cache's cap unless told otherwise: about 680,000 vectors. */
    public static final long DEFAULT_CACHE_BYTES = 1L << 30;

    /**
     * A service whose vector cache has the default cap.
     *
     * @param cacheDir the folder of the vector cache
     * @param threads the threads the model uses for batches
     * @throws IOException if the cache cannot be opened
     */
    public EmbeddingService(Path cacheDir, int threads) throws IOException {
        this(cacheDir, threads, DEFAULT_CACHE_BYTES);
    }

    /**
     * @param cacheDir the folder of the vector cache
     * @param threads the threads the model uses for batches
     * @param cacheBytes the vector cache's cap: past it, the older vectors are dropped
     * @throws IOException if the cache cannot be opened
     */
    public EmbeddingService(Path cacheDir, int threads, long cacheBytes) throws IOException {
        this.cache = new VectorCache(cacheDir, MODEL, DIMENSION, cacheBytes);
        this.threads = threads;
    }

    @Override
    public String modelId() {
        return MODEL;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        List<byte[]> missingHashes = new ArrayList<>();
        List<String> missingTexts = new ArrayList<>();
        java.util.Map<String, List<Integer>> missingAt = new java.util.HashMap<>(); // a text repeated in a batch is computed once
        for (String text : texts) {
            byte[] hash = cache.hash(text);
            float[] vector;
            try {
                vector = cache.get(hash);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the vector cache " + cache.file(), e);
            }
            vectors.add(vector);
            if (vector == null) {
                List<Integer> at = missingAt.computeIfAbsent(text, t -> new ArrayList<>());
                if (at.isEmpty()) {
                    missingHashes.add(hash);
                    missingTexts.add(text);
                }
                at.add(vectors.size() - 1);
            }
        }
        cached.add(texts.size() - missingTexts.size());
        if (!missingTexts.isEmpty()) {
            List<float[]> fresh = compute(missingTexts);
            for (int i = 0; i < fresh.size(); i++) {
                List<Integer> at = missingAt.get(missingTexts.get(i));
                vectors.set(at.get(0), fresh.get(i));
                // a text given twice gets an array each, so changing one result cannot change the other
                for (int k = 1; k < at.size(); k++) {
                    vectors.set(at.get(k), fresh.get(i).clone());
                }
            }
            try {
                cache.put(missingHashes, fresh);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the vector cache " + cache.file(), e);
            }
        }
        return vectors;
    }

    /**
     * Embeds texts with the model, without the cache: what benchmarks compare the service against.
     *
     * @param texts the texts
     * @return their unit-length vectors
     */
    public List<float[]> compute(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            segments.add(TextSegment.from(text));
        }
        List<Embedding> embeddings = model().embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(normalised(embedding.vector()));
        }
        computed.add(texts.size());
        return vectors;
    }

    private static float[] normalised(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    private AllMiniLmL6V2QuantizedEmbeddingModel model() {
        AllMiniLmL6V2QuantizedEmbeddingModel current = model;
        if (current == null) {
            synchronized (this) {
                current = model;
                if (current == null) {
                    AtomicInteger count = new AtomicInteger();
                    executor = Executors.newFixedThreadPool(threads, r -> {
                        Thread thread = new Thread(r, "moravec-embedder-" + count.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
                    current = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
                    model = current;
                }
            }
        }
        return current;
    }

    /** @return how many texts the model embedded */
    public long computedCount() {
        return computed.sum();
    }

    /** @return how many texts came from the cache */
    public long cachedCount() {
        return cached.sum();
    }

    /** @return the vectors in the cache */
    public long cacheSize() {
        return cache.size();
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
        cache.close();
    }
}

package dev.moravec.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-disk cache: its index grows, and is rebuilt or caught up from the vectors file; capped, it keeps
 * the newest vectors under its cap, also for a second process reading it.
 */
class VectorCacheTest {

    private static final int DIMENSION = 4;

    @TempDir
    Path dir;

    private static float[] vector(int i) {
        return new float[] {i, -i, i / 2f, 1f / (i + 1)};
    }

    private static void add(VectorCache cache, int from, int to) throws Exception {
        List<byte[]> hashes = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = from; i < to; i++) {
            hashes.add(cache.hash("text " + i));
            vectors.add(vector(i));
            if (hashes.size() == 500 || i == to - 1) {
                cache.put(hashes, vectors);
                hashes.clear();
                vectors.clear();
            }
        }
    }

    private static void assertHolds(VectorCache cache, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            assertThat(cache.get(cache.hash("text " + i))).as("text %d", i).containsExactly(vector(i));
        }
    }

    @Test
    void holdsManyVectorsAcrossGrowthAndReopening() throws Exception {
        try (VectorCache cache = new VectorCache(dir, "test-model", DIMENSION)) {
            add(cache, 0, 20_000); // the index starts at 4,096 slots and doubles three times
            add(cache, 0, 100); // already there: nothing is appended
            assertThat(cache.size()).isEqualTo(20_000);
            assertHolds(cache, 0, 20_000);
            assertThat(cache.get(cache.hash("never cached"))).isNull();
        }
        long bytes = Files.size(dir.resolve("vectors-test-model.bin"));
        assertThat(bytes).isEqualTo(4 + 4 + 2 + "test-model".length() + 20_000L * (32 + 4 * DIMENSION));
        try (VectorCache cache = new VectorCache(dir, "test-model", DIMENSION)) {
            assertThat(cache.size()).isEqualTo(20_000);
            assertHolds(cache, 0, 20_000);
        }
    }

    @Test
    void aMissingIndexIsRebuiltAndOneBehindTheVectorsIsCaughtUp() throws Exception {
        Path index = dir.resolve("vectors-test-model.idx");
        Path old = dir.resolve("old.idx");
        try (VectorCache cache = new VectorCache(dir, "test-model", DIMENSION)) {
            add(cache, 0, 1_000);
        }
        Files.copy(index, old);
        try (VectorCache cache = new VectorCache(dir, "test-model", DIMENSION)) {
            add(cache, 1_000, 3_000);
        }
        // as if a process appended 2,000 vectors and was killed before indexing them
        Files.copy(old, index, StandardCopyOption.REPLACE_EXISTING);
        try (VectorCache cache = new VectorCache(dir, "test-model", DIMENSION)) {
            assertThat(cache.size()).isEqualTo(3_000);
            assertHolds(cache, 0, 3_000);
        }
        Files.delete(index);
        try (VectorCache cache = new VectorCache(dir, "test-model", DIMENSION)) {
            assertThat(cache.size()).isEqualTo(3_000);
            assertHolds(cache, 0, 3_000);
        }
        Files.writeString(index, "not an index");
        try (VectorCache cache = new VectorCache(dir, "test-model", DIMENSION)) {
            assertHolds(cache, 0, 3_000);
        }
    }

    @Test
    void aCappedCacheUnderManyUniqueStatementsKeepsTheNewestAndStaysUnderItsCap() throws Exception {
        int record = 32 + 4 * DIMENSION;
        long cap = 1000L * record; // room for about 1,000 vectors; compaction keeps the newest half
        Path file = dir.resolve("vectors-test-model.bin");
        try (VectorCache cache = new VectorCache(dir, "test-model", DIMENSION, cap)) {
            for (int from = 0; from < 20_000; from += 100) { // a stream of unique statements, as from API clients
                add(cache, from, from + 100);
                assertThat(Files.size(file)).isLessThanOrEqualTo(cap);
            }
            assertHolds(cache, 19_900, 20_000); // the newest are there
            assertThat(cache.get(cache.hash("text 0"))).isNull(); // the oldest were dropped
            assertThat(cache.size()).isBetween(400L, 1000L);
        }
        try (VectorCache reopened = new VectorCache(dir, "test-model", DIMENSION, cap)) {
            assertHolds(reopened, 19_900, 20_000);
        }
    }

    @Test
    void aProcessStillReadingACompactedFileFindsTheNewOneBeforeItAppends() throws Exception {
        long cap = 1000L * (32 + 4 * DIMENSION);
        try (VectorCache first = new VectorCache(dir, "test-model", DIMENSION, cap)) {
            add(first, 0, 600);
            try (VectorCache second = new VectorCache(dir, "test-model", DIMENSION, cap)) { // as another process has
                assertHolds(second, 0, 600);
                add(first, 600, 1200); // compacts: 'second' still reads the replaced file, and finds what it held
                assertHolds(second, 0, 600);
                add(second, 5000, 5010); // appending, it opens the new file first
                assertHolds(second, 5000, 5010);
                assertHolds(second, 1100, 1200);
                assertHolds(first, 5000, 5010);
            }
        }
    }
}

package dev.moravec.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk cache: its index grows, and is rebuilt or caught up from the vectors file. */
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
}

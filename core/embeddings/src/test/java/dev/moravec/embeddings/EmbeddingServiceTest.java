package dev.moravec.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingServiceTest {

    @TempDir
    Path dir;

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    @Test
    void embedsOfflineWithUnitVectorsThatPlaceSimilarTasksClose() throws Exception {
        try (EmbeddingService service = new EmbeddingService(dir, 2)) {
            List<float[]> vectors = service.embedAll(List.of("Repair broken car engines",
                    "Fix engines of automobiles that do not run", "Prove theorems about prime numbers"));
            assertThat(vectors).allSatisfy(v -> {
                assertThat(v).hasSize(EmbeddingService.DIMENSION);
                assertThat(dot(v, v)).isCloseTo(1.0, within(1e-4));
            });
            assertThat(dot(vectors.get(0), vectors.get(1))).isGreaterThan(dot(vectors.get(0), vectors.get(2)) + 0.2);
            assertThat(service.embed("Repair broken car engines")).containsExactly(vectors.get(0));
        }
    }

    @Test
    void everyVectorIsTheCallersOwnSoChangingOneChangesNoOtherResult() throws Exception {
        try (EmbeddingService service = new EmbeddingService(dir, 1)) {
            List<float[]> vectors = service.embedAll(List.of("Sort the mail", "Water the plants", "Sort the mail"));
            float[] expected = vectors.get(2).clone();
            java.util.Arrays.fill(vectors.get(0), 0f);
            assertThat(vectors.get(2)).as("the same text later in the batch").containsExactly(expected);

            float[] cached = service.embed("Sort the mail");
            assertThat(cached).containsExactly(expected);
            java.util.Arrays.fill(cached, 1f);
            assertThat(service.embed("Sort the mail")).as("the next call").containsExactly(expected);
            List<float[]> twice = service.embedAll(List.of("Sort the mail", "Sort the mail"));
            assertThat(twice).allSatisfy(v -> assertThat(v).containsExactly(expected));
            assertThat(twice.get(0)).isNotSameAs(twice.get(1));
        }
    }

    @Test
    void aSecondRunComputesNothingAgain() throws Exception {
        List<String> texts = List.of("Write unit tests", "Drive a forklift", "Bathe patients", "Write unit tests");
        List<float[]> first;
        try (EmbeddingService service = new EmbeddingService(dir, 2)) {
            first = service.embedAll(texts);
            assertThat(service.computedCount()).isEqualTo(3); // the repeated text is computed once
            assertThat(service.cacheSize()).isEqualTo(3);
        }
        try (EmbeddingService again = new EmbeddingService(dir, 2)) {
            List<float[]> second = again.embedAll(texts);
            assertThat(again.computedCount()).isZero();
            assertThat(again.cachedCount()).isEqualTo(4);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(second.get(i)).containsExactly(first.get(i));
            }
        }
    }

    @Test
    void aRecordCutShortByACrashIsIgnored() throws Exception {
        Path file;
        try (EmbeddingService service = new EmbeddingService(dir, 1)) {
            service.embedAll(List.of("Cook meals", "Sweep floors"));
            file = dir.resolve("vectors-" + EmbeddingService.MODEL + ".bin");
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        try (EmbeddingService service = new EmbeddingService(dir, 1)) {
            assertThat(service.cacheSize()).isEqualTo(1);
            service.embedAll(List.of("Cook meals", "Sweep floors"));
            assertThat(service.computedCount()).isEqualTo(1);
        }
        try (EmbeddingService service = new EmbeddingService(dir, 1)) {
            assertThat(service.cacheSize()).isEqualTo(2);
        }
    }
}

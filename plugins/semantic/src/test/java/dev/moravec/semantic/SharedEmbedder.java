package dev.moravec.semantic;

import dev.moravec.embeddings.EmbeddingService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One real embedding service for the module's tests, so the model loads once; its cache is a temporary folder. */
final class SharedEmbedder {

    private static EmbeddingService service;

    private SharedEmbedder() {}

    static synchronized EmbeddingService get() {
        if (service == null) {
            try {
                Path cache = Files.createTempDirectory("moravec-semantic-test-");
                service = new EmbeddingService(cache, 2);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        service.close();
                        try (var files = Files.walk(cache)) {
                            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                        }
                    } catch (IOException e) {
                        // a temporary folder left behind is harmless
                    }
                }));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return service;
    }
}

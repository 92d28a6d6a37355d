package dev.moravec.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Small helpers of the bench commands: percentiles, units, scratch folders. */
final class Measures {

    private Measures() {}

    /**
     * The value below which a share of the values lie (nearest rank).
     *
     * @param values the values, in any order
     * @param percentile the share, from 0 to 100
     * @return the value, or 0 when there are none
     */
    static long percentile(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return 0;
        }
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** Deletes a folder and all in it; nothing when it does not exist. */
    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}

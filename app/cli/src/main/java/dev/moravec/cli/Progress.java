package dev.moravec.cli;

import dev.moravec.catalog.CatalogClassifier;
import dev.moravec.catalog.CatalogSource;
import java.io.Closeable;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress bar on standard error while a catalog is classified: how far through the input (when
 * its size is known), tasks done, the rate over the last seconds, the time elapsed and the time left.
 * Shown only when standard error is a terminal, so logs and pipes stay clean; redrawn a few times a
 * second at most.
 */
abstract class Progress implements CatalogClassifier.Progress, Closeable {

    private static final Progress NONE = new Progress() {
        @Override
        public void update(long records, long bytes) {}

        @Override
        public void close() {}
    };

    /** Ends the bar's line, once; closing again does nothing. */
    @Override
    public abstract void close();

    static Progress open(PrintWriter err, List<CatalogSource> inputs, boolean wanted) {
        if (!wanted || !isTerminal()) {
            return NONE;
        }
        long total = 0;
        for (CatalogSource input : inputs) {
            if (input.size().isEmpty()) {
                total = -1;
                break;
            }
            total += input.size().getAsLong();
        }
        Bar bar = new Bar(total, System::nanoTime);
        return new Progress() {
            private long lastDrawn = Long.MIN_VALUE;

            @Override
            public void update(long records, long bytes) {
                String line = bar.update(records, bytes);
                long now = System.nanoTime();
                if (now - lastDrawn > 200_000_000L) {
                    lastDrawn = now;
                    err.print("\r" + line);
                    err.flush();
                }
            }

            private boolean closed;

            @Override
            public void close() {
                if (!closed && bar.updates > 0) { // closed early when a run fails, then again as it ends
                    closed = true;
                    err.println("\r" + bar.line());
                    err.flush();
                }
            }
        };
    }

    /**
     * The bar's text. The rate is measured over the last ten seconds, so it follows the run as it is now
     * (and a resumed run's quick skip over done records passes); the time left divides the input still
     * to read by the rate at which it was read over the same seconds.
     */
    static final class Bar {
        private static final long WINDOW = 10_000_000_000L;
        private static final int WIDTH = 24;

        private final long total;
        private final LongSupplier clock;
        private final long started;
        private final ArrayDeque<long[]> samples = new ArrayDeque<>(); // {nanos, records, bytes}
        private long records;
        private long bytes;
        private long now;
        long updates;

        /**
         * @param total the input's size in bytes, or -1 when unknown
         * @param clock nanoseconds
         */
        Bar(long total, LongSupplier clock) {
            this.total = total;
            this.clock = clock;
            this.started = clock.getAsLong();
            this.now = started;
            samples.add(new long[] {started, 0, 0});
        }

        String update(long records, long bytes) {
            this.records = records;
            this.bytes = bytes;
            this.now = clock.getAsLong();
            updates++;
            samples.add(new long[] {now, records, bytes});
            while (samples.size() > 2 && now - samples.peekFirst()[0] > WINDOW) {
                samples.removeFirst();
            }
            return line();
        }

        String line() {
            long[] oldest = samples.peekFirst();
            double seconds = (now - oldest[0]) / 1e9;
            StringBuilder line = new StringBuilder("Classifying ");
            if (total > 0) {
                double share = Math.min(1, (double) bytes / total);
                int filled = (int) Math.round(share * WIDTH);
                line.append(String.format(Locale.ROOT, "%3d%% [", (int) Math.floor(share * 100)))
                        .append("=".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ");
            }
            line.append(Format.count(records)).append(" tasks");
            if (seconds > 0) {
                line.append(String.format(Locale.ROOT, ", %s tasks/s",
                        Format.count(Math.round((records - oldest[1]) / seconds))));
            }
            line.append(", ").append(duration((now - started) / 1_000_000_000L)).append(" elapsed");
            if (total > 0 && seconds > 0 && bytes > oldest[2] && bytes < total) {
                double bytesPerSecond = (bytes - oldest[2]) / seconds;
                line.append(", ").append(duration(Math.round((total - bytes) / bytesPerSecond))).append(" left");
            }
            return line + "   "; // clears what a longer line drawn before left behind
        }

        static String duration(long seconds) {
            if (seconds >= 3600) {
                return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
            }
            return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        }
    }

    // System.console() is not null on JDK 22+ even when redirected; Console.isTerminal() says (JDK 22+)
    static boolean isTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only on a terminal
        }
    }
}

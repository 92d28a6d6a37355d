package dev.moravec.cli;

import dev.moravec.engine.catalog.CatalogClassifier;
import dev.moravec.engine.catalog.CatalogSource;
import java.io.Closeable;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The progress bar on standard error while a catalog is classified: bytes of input read (of the
 * input's size, when it is a file) and the number of tasks. Shown only when the console is a
 * terminal, so logs and pipes stay clean.
 */
abstract class Progress implements CatalogClassifier.Progress, Closeable {

    private static final Progress NONE = new Progress() {
        @Override
        public void update(long records, long bytes) {}

        @Override
        public void close() {}
    };

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
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("Classifying")
                .setInitialMax(total > 0 ? total : -1)
                .setUnit(" MB", 1 << 20)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .showSpeed()
                .build();
        return new Progress() {
            private long earlier; // bytes of the inputs finished before the current one
            private long lastBytes;

            @Override
            public void update(long records, long bytes) {
                if (bytes < lastBytes) {
                    earlier += lastBytes; // the next input started
                }
                lastBytes = bytes;
                bar.stepTo(earlier + bytes);
                bar.setExtraMessage(String.format(Locale.ROOT, " %,d tasks", records));
            }

            @Override
            public void close() {
                bar.close();
            }
        };
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

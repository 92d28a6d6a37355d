package dev.moravec.bench;

import dev.moravec.cli.ExitCodes;
import dev.moravec.cli.Format;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code moravec-bench generate}: a synthetic catalog for the benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic catalog of task statements recombined from the built-in starter catalog's"
                + " verbs, objects and phrases, within one SOC major group each, as gzip-compressed TSV.",
            "The same --tasks and --seed give the same catalog, byte for byte."})
final class GenerateBench implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", paramLabel = "N", required = true, description = "How many tasks.")
    long tasks;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The seed (default: 1).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write (default: synthetic-<N>-<S>.tsv.gz in the current folder).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (tasks < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--tasks must not be negative");
        }
        Path file = out != null ? out : Path.of("synthetic-" + tasks + "-" + seed + ".tsv.gz");
        long started = System.nanoTime();
        generate(tasks, seed, file);
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "Generated %s tasks (seed %d) in %.1f s: %s, %s MB%n", Format.count(tasks), seed,
                (System.nanoTime() - started) / 1e9, file, Format.count(Files.size(file) >> 20));
        err.flush();
        return ExitCodes.OK;
    }

    static void generate(long tasks, long seed, Path file) throws IOException, InterruptedException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            SyntheticCatalog.fromStarterCatalog().write(tasks, seed, Runtime.getRuntime().availableProcessors(),
                    stream);
        }
    }
}

package dev.moravec.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.app.Environment;
import dev.moravec.cli.ErrorHandler;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code moravec-bench}: measures Moravec on this machine; the figures go in BENCHMARKS.md. It runs
 * beside the product (its launcher puts the product's {@code lib/} first on the class path), never in it.
 */
@Command(name = "moravec-bench", mixinStandardHelpOptions = true, description = "Measure Moravec on this machine.",
        subcommands = {TaxonomyBench.class, ScorersBench.class, ServeBench.class, GenerateBench.class,
            FloorBench.class, ClassifyBench.class, SparkBench.class, CommandLine.HelpCommand.class})
public final class MoravecBench {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean verbose;

    /** Where the product runs: its home holds {@code bin/moravec}, {@code plugins/} and {@code conf/}. */
    final Environment environment;
    final ObjectMapper mapper = new ObjectMapper();
    /** The bench distribution's folder, holding {@code bin/moravec-bench}. */
    final Path benchHome;

    MoravecBench(Environment environment, Path benchHome) {
        this.environment = environment;
        this.benchHome = benchHome;
    }

    /** @return the bench launcher, for benchmarks that run a bench command as a process of its own */
    Path launcher() {
        return benchHome.resolve("bin").resolve("moravec-bench");
    }

    /**
     * Runs the bench command and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        String benchHome = System.getProperty("moravec.bench.home", ".");
        MoravecBench bench = new MoravecBench(Environment.fromSystem(), Path.of(benchHome).toAbsolutePath().normalize());
        CommandLine commandLine = new CommandLine(bench);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ErrorHandler(() -> bench.verbose));
        System.exit(commandLine.execute(args));
    }
}

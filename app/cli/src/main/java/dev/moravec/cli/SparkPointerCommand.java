package dev.moravec.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code moravec spark}: listed with the other commands, but run by the launcher itself, which puts Spark's
 * jars (the distribution's {@code spark/}, kept out of {@code lib/}) on the class path first. Reached only
 * when the command line runs without the launcher.
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = {"Run Moravec inside Apache Spark: 'moravec spark classify INPUT --out DIR [--master URL]' rates a"
                + " catalog with the same scorers, one plugin host per executor JVM; 'moravec spark master|worker|submit'"
                + " start a standalone Spark cluster on this machine and submit the job jar (docs/spark.md).",
            "The launcher (bin/moravec) runs it with Spark's jars from the distribution's spark/ folder."})
final class SparkPointerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "ARGS", description = "classify, master, worker or submit, and their options.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("moravec: 'moravec spark' runs through the launcher, bin/moravec, which puts"
                + " Spark's jars (the distribution's spark/ folder) on the class path; run it that way (docs/spark.md)");
        return ExitCodes.USAGE;
    }
}

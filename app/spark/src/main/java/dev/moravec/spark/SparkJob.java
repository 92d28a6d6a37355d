package dev.moravec.spark;

import dev.moravec.app.Environment;
import picocli.CommandLine;

/**
 * The job jar's main class, for {@code spark-submit --class dev.moravec.spark.SparkJob moravec-spark.jar
 * INPUT --out DIR}: the options of {@code moravec spark classify}. The driver finds the plugins, the runtime
 * bundles and the configuration in the distribution the jar lies in, else in the kit the jar holds.
 */
public final class SparkJob {

    private SparkJob() {}

    /**
     * Runs the job and exits with its exit code.
     *
     * @param args INPUT... --out DIR [options]
     */
    public static void main(String[] args) {
        System.exit(commandLine(Environment.fromSystem()).execute(args));
    }

    /**
     * @param environment where the driver runs
     * @return the job's command line, with Moravec's error handling
     */
    public static CommandLine commandLine(Environment environment) {
        ClassifyJob job = new ClassifyJob(environment);
        CommandLine commandLine = new CommandLine(job);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new JobErrors(job::verbose));
        return commandLine;
    }
}

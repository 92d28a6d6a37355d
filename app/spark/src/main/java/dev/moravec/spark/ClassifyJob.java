package dev.moravec.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.app.Environment;
import dev.moravec.app.SessionOptions;
import dev.moravec.catalog.OnError;
import dev.moravec.model.Quadrant;
import dev.moravec.spark.internal.FailFast;
import dev.moravec.spark.internal.InputFormat;
import dev.moravec.spark.internal.JobKit;
import dev.moravec.spark.internal.JobSummary;
import dev.moravec.spark.internal.OutputFormat;
import dev.moravec.spark.internal.OutputLayout;
import dev.moravec.spark.internal.SparkClassifier;
import dev.moravec.spark.internal.SparkSessions;
import dev.moravec.spark.internal.TaskClock;
import dev.moravec.spark.internal.WorkerSessions;
import dev.moravec.spark.internal.WorkerSetup;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code moravec spark classify}, and the job jar's command under {@code spark-submit}: rates every task of
 * a catalog with Spark, with the plugins and configuration {@code classify} would use, and writes the
 * verdict records, the rejects, the occupation and family scores and a summary under {@code --out}.
 */
@Command(name = "classify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Rate every task of a catalog with Apache Spark: the same scorers, configuration and records as"
                + " 'moravec classify', with one plugin host per executor JVM.",
            "Writes under --out: verdicts/ (Parquet or JSON Lines), rejects/, scores/ (occupation scores and family"
                + " rankings at every SOC level, Parquet and CSV) and summary.json (read = classified + rejected).",
            "Catalogs: CSV or TSV with a header (O*NET Task Statements), JSON Lines, Parquet; files, folders or globs"
                + " on any file system Spark reads."})
public final class ClassifyJob implements Callable<Integer> {

    private final Environment environment;
    private final ObjectMapper mapper = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "Catalog files, folders or globs (all in one layout).")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Output folder, a path or URI Spark writes to (hdfs://, s3a://, ...).")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
            description = "Verdict records as parquet (default) or jsonl (each line as 'moravec classify' writes it).")
    OutputFormat format;

    @Option(names = "--in-format", paramLabel = "FORMAT",
            description = "tsv, csv, jsonl or parquet (default: from the first file's name, else its first line).")
    InputFormat inFormat;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N], spark://HOST:PORT, yarn, k8s://... (default: the one spark-submit"
                    + " gives, else local[*]).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE",
            description = "A Spark setting, as spark-submit --conf takes it; repeatable.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--partitions", paramLabel = "N",
            description = "Cut the input into N pieces (default: Spark's own split, about one per core for a file Spark"
                    + " can split; a gzip file or a CSV file is one piece).")
    Integer partitions;

    @Option(names = "--partition-by", paramLabel = "COLUMN",
            description = "Write the verdict records in one folder per value of quadrant or taskType.")
    String partitionBy;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1024",
            description = "Tasks an executor rates at once (default: 1024).")
    int batchSize;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Scoring threads per executor JVM (default: the cores it may use).")
    int threads;

    @Option(names = "--on-error", paramLabel = "POLICY", defaultValue = "fail",
            description = "fail: stop at the first bad record a task meets, leaving no output (default); skip: rate the"
                    + " others and keep the bad ones in rejects/.")
    OnError onError;

    @Option(names = "--employment", paramLabel = "FILE",
            description = "A BLS OEWS national employment file (CSV), to weight occupations within families by"
                    + " employment (default: equally).")
    Path employment;

    @Option(names = "--overwrite", description = "Replace the output folder if it exists.")
    boolean overwrite;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of scorer plugin bundles on the driver's machine, shipped to the executors (default:"
                    + " $MORAVEC_PLUGINS, else the distribution's plugins/, else the scorers inside the job jar).")
    Path plugins;

    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON configuration on the driver's machine, shipped to the executors (default: the"
                    + " distribution's conf/moravec.json, else the job jar's).")
    Path config;

    @Option(names = "--allow-unverified",
            description = "Run plugin jars that were never installed with 'moravec plugins install' (each is named in a"
                    + " warning).")
    boolean allowUnverified;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder every executor reads: the taxonomy index and the vector cache (default: each"
                    + " executor's $MORAVEC_HOME, else ~/.moravec).")
    String data;

    @Option(names = "--verbose", description = "Show stack traces of errors.")
    boolean verbose;

    /**
     * @param environment where the driver runs: the distribution (its plugins, bundles and configuration), or
     *     none, and then the job jar's kit
     */
    public ClassifyJob(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        if (batchSize < 1 || threads < 0 || (partitions != null && partitions < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--batch-size and --partitions must be at least 1, --threads at least 0");
        }
        OutputLayout layout;
        try {
            layout = new OutputLayout(format, partitionBy);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        SessionOptions options = new SessionOptions(plugins, config, allowUnverified, null);
        try (JobKit kit = JobKit.prepare(environment, options, mapper)) {
            for (String warning : kit.warnings()) {
                err.println("moravec: warning: " + warning);
            }
            err.flush();
            SparkSession spark = SparkSessions.start(master, conf, kit.files());
            Duration startup = Duration.ofMillis(System.currentTimeMillis()
                    - ManagementFactory.getRuntimeMXBean().getStartTime());
            try {
                FailFast failFast = FailFast.install(spark.sparkContext());
                TaskClock clock = new TaskClock();
                spark.sparkContext().addSparkListener(clock);
                // in local mode the executors are this JVM: they read the driver's data folder
                String dataDir = data != null || !SparkSessions.isLocal(spark) ? data
                        : environment.dataDir(null).toString();
                WorkerSetup setup = kit.setup(dataDir, threads, batchSize);
                SparkClassifier.Request request = new SparkClassifier.Request(inputs,
                        Optional.ofNullable(inFormat),
                        out, layout, overwrite, onError, partitions,
                        employment, startup);
                JobSummary summary = new SparkClassifier(spark, setup, failFast, clock, mapper).run(request);
                printSummary(err, summary, spark.sparkContext().master());
                return summary.reconciles() ? ExitCodes.OK : ExitCodes.INTERNAL;
            } finally {
                WorkerSessions.close(); // the plugin host of local mode runs in this JVM
                spark.stop();
            }
        }
    }

    private void printSummary(PrintWriter err, JobSummary summary, String master) {
        StringBuilder quadrants = new StringBuilder();
        for (Quadrant q : Quadrant.values()) {
            long n = summary.quadrants().get(q);
            if (q != Quadrant.UNRATED || n > 0) {
                quadrants.append(quadrants.isEmpty() ? "" : ", ").append(q).append(' ').append(count(n));
            }
        }
        err.printf(Locale.ROOT, "Classified %s tasks with Spark (%s) in %.1f s (%s tasks/s): %s. Read %s = classified %s"
                        + " + rejected %s%s.%n", count(summary.classified()), master,
                summary.elapsed().toMillis() / 1000.0, count(Math.round(summary.tasksPerSecond())), quadrants,
                count(summary.read()), count(summary.classified()), count(summary.rejected()),
                summary.rejected() > 0 ? " (see " + out + "/rejects)" : "");
        if (!summary.reconciles()) {
            err.println("moravec: the run does not reconcile: the output holds " + (summary.classified()
                    + summary.rejected()) + " records for " + summary.read() + " read; see " + out + "/summary.json");
        }
        err.println("Wrote " + out + ": verdicts/, rejects/, scores/, summary.json");
        err.flush();
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** @return whether --verbose was given */
    boolean verbose() {
        return verbose;
    }
}

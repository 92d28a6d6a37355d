package dev.moravec.spark.internal;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The job's Spark session: the master the user gives, else the one {@code spark-submit} set, else
 * {@code local[*]}; the user's settings; and, for a local master, loopback networking and no web UI. Run
 * from the launcher against a cluster, the job jar goes to the executors as {@code spark.jars}, as
 * {@code spark-submit} would send it.
 */
public final class SparkSessions {

    /** The HotSpot flag that compiles methods of any size. */
    static final String COMPILE_HUGE_METHODS = "-XX:-DontCompileHugeMethods";

    private SparkSessions() {}

    /**
     * @param master the master URL, or {@code null}
     * @param settings the user's Spark settings
     * @param files files every executor gets (added to {@code spark.files}, beside those the user gives)
     * @return the session, started
     */
    public static SparkSession start(String master, Map<String, String> settings, List<String> files) {
        SparkConf conf = new SparkConf(); // reads the spark.* system properties spark-submit sets
        conf.setAppName("moravec classify");
        settings.forEach(conf::set);
        List<String> shipped = new ArrayList<>();
        if (conf.contains("spark.files") && !conf.get("spark.files").isBlank()) {
            shipped.add(conf.get("spark.files"));
        }
        shipped.addAll(files);
        conf.set("spark.files", String.join(",", shipped));
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        // Spark turns the verdict rows into its own with one generated method per stage, which for the records'
        // nested ratings and bottlenecks outgrows the 8,000 bytes of code HotSpot compiles: run interpreted, it
        // cost more than rating did. Executors started for the job compile it (a local master runs in the
        // launcher's JVM, which gets the same flag from bin/moravec)
        String executorOptions = conf.get("spark.executor.extraJavaOptions", "");
        if (!executorOptions.contains("DontCompileHugeMethods")) {
            conf.set("spark.executor.extraJavaOptions", (executorOptions + " " + COMPILE_HUGE_METHODS).strip());
        }
        // the verdict row has more fields than Spark's default of 25 before it shortens a plan's description,
        // and it says so on every run
        conf.setIfMissing("spark.sql.debug.maxToStringFields", "100");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        } else if (!conf.contains("spark.jars")) {
            jobJar().ifPresent(jar -> conf.set("spark.jars", jar.toUri().toString()));
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /**
     * @param spark a session
     * @return whether its master is local, so the executors run in this JVM
     */
    public static boolean isLocal(SparkSession spark) {
        return spark.sparkContext().isLocal();
    }

    // the jar these classes come from: the job jar, when the launcher runs it
    private static java.util.Optional<Path> jobJar() {
        try {
            Path source = Path.of(SparkSessions.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(source) ? java.util.Optional.of(source) : java.util.Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}

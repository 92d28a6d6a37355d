package dev.moravec.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone cluster on this machine, on loopback: a master and workers, each a JVM of its own
 * started from Spark's runtime jars (the ones the distribution ships in {@code spark/jars}), as Spark's
 * {@code sbin} scripts start them; the workers start executors as JVMs of their own. Jobs are submitted
 * with {@code SparkSubmit}, what {@code bin/spark-submit} runs. Closing it stops every JVM it started.
 */
final class StandaloneCluster implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(120);

    private final Path home;
    private final List<String> flags;
    private final int masterPort;
    private final int masterUi;
    private final List<Process> processes = new ArrayList<>();

    private StandaloneCluster(Path home, List<String> flags, int masterPort, int masterUi) {
        this.home = home;
        this.flags = flags;
        this.masterPort = masterPort;
        this.masterUi = masterUi;
    }

    /**
     * Starts a master and workers, and waits until every worker has registered.
     *
     * @param dir a folder of the test's own: SPARK_HOME (jars/ links to Spark's runtime jars), logs, work
     * @param workers how many workers
     * @param coresPerWorker the cores each offers
     * @return the running cluster
     * @throws IOException if a JVM cannot start
     * @throws InterruptedException if interrupted while waiting
     */
    static StandaloneCluster start(Path dir, int workers, int coresPerWorker) throws IOException, InterruptedException {
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Files.createSymbolicLink(home.resolve("jars"), Path.of(System.getProperty("moravec.spark.jars")).toAbsolutePath());
        Files.createDirectories(home.resolve("conf"));
        List<String> flags = Arrays.stream(System.getProperty("moravec.spark.jvmflags").trim().split("\\s+"))
                .filter(f -> !f.isBlank()).toList();
        StandaloneCluster cluster = new StandaloneCluster(home, flags, freePort(), freePort());
        boolean started = false;
        try {
            cluster.launch("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    Integer.toString(cluster.masterPort), "--webui-port", Integer.toString(cluster.masterUi)));
            for (int i = 1; i <= workers; i++) {
                cluster.launch("worker-" + i, List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--cores", Integer.toString(coresPerWorker), "--memory", "2g", "--webui-port",
                        Integer.toString(freePort()), "--work-dir", Files.createDirectories(dir.resolve("work-" + i)).toString(),
                        cluster.url()));
            }
            cluster.awaitWorkers(workers);
            started = true;
            return cluster;
        } finally {
            if (!started) {
                cluster.close();
            }
        }
    }

    /** @return the master's URL */
    String url() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /**
     * Submits the job jar in client mode, as {@code bin/spark-submit} would, and waits for it.
     *
     * @param log where the driver's output goes
     * @param env the driver's environment variables beyond Spark's
     * @param sparkOptions spark-submit's options before the jar
     * @param jobArgs the job's arguments
     * @return the driver's exit code and standard error
     * @throws IOException if it cannot start
     * @throws InterruptedException if interrupted while waiting
     */
    Commands.Result submit(Path log, Map<String, String> env, List<String> sparkOptions, List<String> jobArgs)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", url(),
                "--deploy-mode", "client", "--conf", "spark.driver.host=127.0.0.1"));
        args.addAll(sparkOptions);
        args.add("--class");
        args.add(SparkJob.class.getName());
        args.add(System.getProperty("moravec.spark.jobjar"));
        args.addAll(jobArgs);
        Process driver = process(args, log, env);
        if (!driver.waitFor(10, TimeUnit.MINUTES)) {
            stop(driver);
            throw new IllegalStateException("the job did not end in 10 minutes; see " + log);
        }
        return new Commands.Result(driver.exitValue(), Files.readString(log));
    }

    private void launch(String name, List<String> args) throws IOException {
        processes.add(process(args, home.getParent().resolve(name + ".log"), Map.of()));
    }

    private Process process(List<String> args, Path log, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(flags);
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(home.resolve("conf") + "/:" + home.resolve("jars") + "/*");
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13"); // the worker's executor command needs it
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        return builder.start();
    }

    private void awaitWorkers(int workers) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START.toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("a Spark JVM ended while the cluster started; see the logs in "
                            + home.getParent());
                }
            }
            try {
                state = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUi + "/json/")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                if (state.contains("\"aliveworkers\" : " + workers) || state.contains("\"aliveworkers\":" + workers)) {
                    return;
                }
            } catch (IOException e) {
                // the master's web UI is not up yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the workers did not register in " + START.toSeconds() + " s: " + state);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy(); // a worker stops its executors when it is asked to stop
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (ProcessHandle child : children) {
            child.destroyForcibly();
        }
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            stop(processes.get(i));
        }
        processes.clear();
    }
}

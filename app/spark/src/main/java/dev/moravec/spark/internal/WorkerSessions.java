package dev.moravec.spark.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.app.Environment;
import dev.moravec.app.PluginSetup;
import dev.moravec.app.Session;
import dev.moravec.catalog.ConfigurationFile;
import dev.moravec.host.PluginHostException;
import dev.moravec.host.PluginState;
import dev.moravec.host.PluginStatus;
import dev.moravec.host.PluginTrust;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import dev.moravec.scoring.ScoringEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;

/**
 * The one plugin host of an executor JVM: started on first use by whichever task comes first, from the
 * files the driver shipped, and then shared by every task of the job in that JVM (the pattern of the
 * Spark guide for connections in {@code foreachPartition}). It remembers a failure as well, so every
 * later task fails at once with the same message instead of starting Felix again, and instead of the
 * {@code NoClassDefFoundError} a class-initialisation holder would leave after its first failure.
 *
 * <p>The host must run every plugin the driver shipped: an executor that ran fewer scorers would rate
 * differently from the others, so a plugin that does not resolve or start fails the task with the
 * plugin host's message ({@link PluginHostFailure}).
 */
public final class WorkerSessions {

    private static WorkerSetup setup;
    private static Worker worker;
    private static Path home;
    private static RuntimeException failure;
    private static boolean hooked;
    private static long startNanos;

    private WorkerSessions() {}

    /**
     * The worker of this JVM for a job's setup, started on first use.
     *
     * @param wanted the setup the driver sent
     * @return the running worker
     * @throws PluginHostFailure if the plugin host did not start or did not run every shipped plugin (now or
     *     earlier in this JVM)
     */
    public static synchronized Worker get(WorkerSetup wanted) {
        if (!wanted.equals(setup)) {
            close(); // another job in the same JVM (local mode): its own plugins and configuration
            setup = wanted;
            failure = null;
        }
        if (worker != null) {
            return worker;
        }
        if (failure != null) {
            throw new PluginHostFailure(failure.getMessage() + " (failed earlier in this executor JVM)");
        }
        try {
            long started = System.nanoTime();
            worker = start(wanted);
            startNanos = System.nanoTime() - started;
            if (!hooked) {
                // an executor JVM ends with System.exit: Felix's threads and the temporary folder go with it
                Runtime.getRuntime().addShutdownHook(new Thread(WorkerSessions::close, "moravec-worker-stop"));
                hooked = true;
            }
            return worker;
        } catch (PluginHostFailure e) {
            failure = e;
            throw e;
        }
    }

    /**
     * How long this JVM's plugin host took to start, told once: the first caller after a start gets it.
     *
     * @return nanoseconds, or 0 when told already
     */
    public static synchronized long takeStartNanos() {
        long nanos = startNanos;
        startNanos = 0;
        return nanos;
    }

    /** Stops this JVM's plugin host, if one runs, and deletes its folder. */
    public static synchronized void close() {
        if (worker != null) {
            worker.session().close();
            worker = null;
        }
        if (home != null) {
            JobKit.delete(home);
            home = null;
        }
        setup = null;
        failure = null;
    }

    private static Worker start(WorkerSetup wanted) {
        String where = "executor " + executorId() + " (pid " + ProcessHandle.current().pid() + ")";
        ObjectMapper mapper = new ObjectMapper();
        Session session = null;
        try {
            home = Files.createTempDirectory("moravec-spark-worker-");
            Path bundles = copyShipped(wanted.bundles(), home.resolve("bundles"));
            Path plugins = copyShipped(List.copyOf(wanted.plugins().keySet()), home.resolve("plugins"));
            Path configFile = home.resolve("conf").resolve("moravec.json");
            Files.createDirectories(configFile.getParent());
            Files.writeString(configFile, wanted.configuration());
            EngineConfig config = ConfigurationFile.read(configFile, mapper);
            Environment environment = new Environment(bundles.getParent(), System.getenv(), InputStream.nullInputStream(),
                    System.out);
            PluginSetup plugged = new PluginSetup(plugins, config, approved(wanted.plugins()));
            Path data = wanted.dataDir() != null ? Path.of(wanted.dataDir()) : environment.dataDir(null);
            session = Session.startWorker(environment, plugged, data, mapper);
            List<String> problems = new ArrayList<>();
            for (PluginStatus plugin : session.host().plugins()) {
                if (plugin.state() != PluginState.ACTIVE && plugin.state() != PluginState.NO_SCORER) {
                    problems.add(plugin.file().getFileName() + " " + plugin.state().label() + ": " + plugin.problem());
                }
            }
            if (!problems.isEmpty()) {
                throw new PluginHostFailure("the plugin host on " + where + " cannot run every plugin the job shipped: "
                        + String.join("; ", problems) + ". Fix or remove the plugin (moravec plugins info on the"
                        + " driver's machine shows why), then run the job again");
            }
            int threads = wanted.threads() > 0 ? wanted.threads() : cores();
            ScoringEngine engine = session.engine(threads);
            Worker started = new Worker(session, engine, mapper);
            session = null;
            return started;
        } catch (BadInputException | PluginHostException e) {
            throw new PluginHostFailure("the plugin host on " + where + " did not start: " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new PluginHostFailure("the plugin host on " + where + " could not prepare its files in "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage() + "; make java.io.tmpdir writable");
        } catch (PluginHostFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PluginHostFailure("the plugin host on " + where + " failed: " + e);
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    // the jars the driver trusts, by their bytes: a file changed on the way is refused
    private static PluginTrust approved(Map<String, WorkerSetup.ApprovedJar> jars) {
        return (jar, sha256) -> {
            WorkerSetup.ApprovedJar approved = jars.get(jar.getFileName().toString());
            if (approved == null || !approved.sha256().equals(sha256)) {
                return PluginTrust.Decision.refused("not the jar the job's driver verified (its SHA-256 differs)");
            }
            return new PluginTrust.Decision(PluginTrust.Kind.valueOf(approved.kind()),
                    approved.reason() + "; verified by the job's driver");
        };
    }

    private static Path copyShipped(List<String> names, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String name : names) {
            Files.copy(shipped(name), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return folder;
    }

    // a query's tasks may resolve job files in their session's folder, while spark.files lie in the root
    // folder (SPARK-53478): look in both
    private static Path shipped(String name) throws IOException {
        Path file = Path.of(SparkFiles.get(name));
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path root = Path.of(SparkFiles.getRootDirectory(), name);
        if (Files.isRegularFile(root)) {
            return root;
        }
        throw new java.nio.file.NoSuchFileException(file.toString(), null,
                "the job's driver shipped it, but it is not among the job's files here");
    }

    private static String executorId() {
        SparkEnv env = SparkEnv.get();
        return env == null ? "?" : env.executorId();
    }

    private static int cores() {
        SparkEnv env = SparkEnv.get();
        int available = Runtime.getRuntime().availableProcessors();
        return env == null ? available : Math.max(1, env.conf().getInt("spark.executor.cores", available));
    }
}

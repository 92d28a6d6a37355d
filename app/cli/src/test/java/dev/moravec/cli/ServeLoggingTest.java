package dev.moravec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code moravec serve} logs as the distribution ships it: Javalin and Jetty announce every start and
 * stop at INFO through SLF4J, and Lucene its SIMD setup through java.util.logging, and a user sees none
 * of it, only warnings and errors. This module's test class path is the distribution's {@code lib/}
 * for logging: the {@code simplelogger.properties} that {@code moravec-cli.jar} ships, and the JDK's
 * own java.util.logging configuration (the launcher names no other), with what {@link Moravec#main}
 * adds to it. So a change to the shipped configuration shows here.
 */
class ServeLoggingTest {

    @TempDir
    Path dir;

    @Test
    void theSlf4jConfigurationOnTheClassPathIsTheOneTheCommandLineShips() throws Exception {
        List<URL> configurations = Collections.list(
                ServeLoggingTest.class.getClassLoader().getResources("simplelogger.properties"));
        URL shipped = Moravec.class.getProtectionDomain().getCodeSource().getLocation();
        assertThat(configurations).as("simplelogger.properties on the class path").hasSize(1);
        assertThat(configurations.get(0).toString()).as("the one moravec-cli.jar ships").contains(shipped.getPath());
        assertThat(System.getProperty("java.util.logging.config.file"))
                .as("the launcher leaves java.util.logging with the JDK's configuration").isNull();
        Properties configuration = new Properties();
        try (InputStream in = configurations.get(0).openStream()) {
            configuration.load(in);
        }
        // the serving test captures standard error: a log written elsewhere would pass it unseen
        assertThat(configuration.getProperty("org.slf4j.simpleLogger.logFile")).isEqualTo("System.err");
    }

    @Test
    void servingLogsNothingBelowAWarning() throws Exception {
        Moravec.quietLibraryLogging();
        // what reaches the root logger's handlers is what the JDK's console handler would print (INFO and up)
        List<LogRecord> julRecords = Collections.synchronizedList(new ArrayList<>());
        Handler recorder = new Handler() {
            @Override
            public void publish(LogRecord record) {
                julRecords.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(recorder);
        // slf4j-simple writes to the System.err of the moment it logs: captured here, on every thread
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        String commandErr;
        try {
            CliFixture.Serving serving = new CliFixture(dir).serve("--port", "0", "--data", dir.resolve("data").toString());
            URI uri = serving.uri();
            try (HttpClient client = HttpClient.newHttpClient()) {
                for (String path : List.of("api/health", "api/nothing", "")) {
                    client.send(HttpRequest.newBuilder(uri.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
                }
            }
            assertThat(serving.stop()).isZero();
            commandErr = serving.err().toString();
        } finally {
            System.setErr(err);
            root.removeHandler(recorder);
        }
        assertThat(commandErr).as("the command's own notices").contains("moravec: stopping");
        assertThat(captured.toString(StandardCharsets.UTF_8)).as("what SLF4J printed on standard error")
                .doesNotContain("INFO").doesNotContain("DEBUG").doesNotContain("TRACE");
        assertThat(julRecords).as("java.util.logging records below WARNING")
                .noneMatch(record -> record.getLevel().intValue() < Level.WARNING.intValue());
        // Lucene announces its SIMD setup once per JVM, maybe before this test: its level is checked instead
        assertThat(Logger.getLogger("org.apache.lucene.internal.vectorization").isLoggable(Level.INFO))
                .as("Lucene's SIMD announcement at INFO").isFalse();
    }
}

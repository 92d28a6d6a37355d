package dev.moravec.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code moravec serve} and {@code moravec report} through the launcher, as a new user runs them on
 * the built-in catalog: the printed address answers with the page and the API, a termination signal
 * (what Ctrl-C sends, as SIGTERM here) stops it cleanly, and the report is one file.
 */
class ServeIT {

    private static final Pattern URL = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+/)");

    @TempDir
    Path dir;

    @Test
    void servePrintsItsAddressAnswersAndStopsOnASignal() throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = new ProcessBuilder(Distribution.HOME.resolve("bin/moravec").toString(), "serve", "--port", "0",
                "--data", dir.resolve("data").toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            URI uri = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (uri == null && process.isAlive() && System.nanoTime() < deadline) {
                Matcher matcher = URL.matcher(Files.readString(out));
                if (matcher.find()) {
                    uri = URI.create(matcher.group(1));
                } else {
                    Thread.sleep(100);
                }
            }
            assertThat(uri).as(Files.readString(err)).isNotNull();
            try (HttpClient client = HttpClient.newHttpClient()) {
                for (String path : List.of("", "api/health", "api/rank?level=major", "api/openapi.json",
                        "webjars/chart.js/4.5.1/dist/chart.umd.js")) {
                    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri.resolve(path)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(path).isEqualTo(200);
                }
                HttpResponse<String> classify = client.send(HttpRequest.newBuilder(uri.resolve("api/classify"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"statement\": \"Repair hydraulic lifts\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(classify.body()).contains("\"scorer\":\"lexicon\"");
            }
        } finally {
            process.destroy(); // SIGTERM: the shutdown hook closes the server, the plugin host and the index
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("serve stopped within 30 s").isTrue();
        assertThat(Files.readString(err)).contains("moravec: stopping").doesNotContain("Exception");
    }

    @Test
    void reportWritesAFileThatNeedsNothingElse() throws Exception {
        Path report = dir.resolve("r.html");
        Distribution.Run run = Distribution.run("report", "--out", report.toString(), "--data",
                dir.resolve("data").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote " + report);
        assertThat(Files.readString(report)).contains("Chart.js v4.5.1").doesNotContain("<script src");
    }
}

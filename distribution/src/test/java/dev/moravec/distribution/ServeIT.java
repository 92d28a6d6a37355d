package dev.moravec.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.host.HostOptions;
import dev.moravec.testing.TestBundles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
                        .header("Content-Type", "application/json")
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

    /**
     * Issue 8's promise, through the launcher: a plugin installed into the plugins folder of a running
     * server appears in the API and rates without a restart, a jar copied in without installing is
     * listed as refused and does not rate, and a plugin removed disappears.
     */
    @Test
    void pluginsInstalledAndRemovedWhileTheServerRunsTakeEffectWithoutARestart() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Map<String, String> env = Map.of("MORAVEC_HOME", dir.resolve("home").toString());
        Path lexicon = HostOptions.jarsIn(Distribution.HOME.resolve("plugins")).stream()
                .filter(p -> p.getFileName().toString().contains("lexicon")).findFirst().orElseThrow();
        assertThat(Distribution.run(env, "plugins", "install", lexicon.toString(), "--plugins", plugins.toString())
                .exitCode()).isZero();
        Path steady = TestBundles.build(dir.resolve("built").resolve("steady.jar"), "test.steady", "1.0.0",
                "dev.moravec.testing.plugins.steady", Map.of());

        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(Distribution.HOME.resolve("bin/moravec").toString(), "serve",
                "--port", "0", "--data", dir.resolve("data").toString(), "--plugins", plugins.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try (HttpClient client = HttpClient.newHttpClient()) {
            URI uri = awaitAddress(process, out, err);
            assertThat(get(client, uri, "api/plugins")).contains("\"id\":\"lexicon\"").doesNotContain("\"id\":\"steady\"");

            Distribution.Run install = Distribution.run(env, "plugins", "install", steady.toString(), "--plugins",
                    plugins.toString());
            assertThat(install.exitCode()).as(install.err()).isZero();
            await(() -> get(client, uri, "api/plugins").contains("\"id\":\"steady\""));
            assertThat(classify(client, uri)).contains("\"scorer\":\"steady\"").contains("steady as ever");

            Files.copy(Distribution.HOME.resolve("plugins").resolve(lexicon.getFileName()), plugins.resolve("copied.jar"));
            await(() -> get(client, uri, "api/plugins").contains("\"file\":\"copied.jar\""));
            assertThat(get(client, uri, "api/plugins")).contains("\"state\":\"refused\"").contains("not installed");

            Distribution.Run remove = Distribution.run(env, "plugins", "remove", "steady", "--plugins", plugins.toString());
            assertThat(remove.exitCode()).as(remove.err()).isZero();
            await(() -> !get(client, uri, "api/plugins").contains("\"id\":\"steady\""));
            assertThat(classify(client, uri)).contains("\"scorer\":\"lexicon\"").doesNotContain("\"scorer\":\"steady\"");
        } finally {
            process.destroy();
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("serve stopped within 30 s").isTrue();
        assertThat(Files.readString(err)).doesNotContain("Exception");
    }

    private static URI awaitAddress(Process process, Path out, Path err) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (process.isAlive() && System.nanoTime() < deadline) {
            Matcher matcher = URL.matcher(Files.readString(out));
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve printed no address: " + Files.readString(err));
    }

    private static String get(HttpClient client, URI uri, String path) {
        try {
            return client.send(HttpRequest.newBuilder(uri.resolve(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String classify(HttpClient client, URI uri) throws Exception {
        return client.send(HttpRequest.newBuilder(uri.resolve("api/classify"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"statement\": \"Write unit tests for the billing code\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the change took effect within 30 s").isLessThan(deadline);
            Thread.sleep(200);
        }
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

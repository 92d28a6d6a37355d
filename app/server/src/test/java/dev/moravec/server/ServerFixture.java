package dev.moravec.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.model.EngineConfig;
import dev.moravec.host.HostOptions;
import dev.moravec.host.PluginHost;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.testing.TestBundles;
import dev.moravec.taxonomy.sources.StarterCatalog;
import dev.moravec.taxonomy.index.TaxonomyClassifier;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A running server as a user gets it: the real plugin host with the build's runtime bundles, the
 * lexicon bundle and a test bundle that names bottleneck factors (the {@code word-factors} scorer of
 * {@code dev.moravec.testing.plugins.factors}), the built-in starter catalog indexed and classified, the
 * server on a free loopback port; and an HTTP client for it.
 */
final class ServerFixture implements AutoCloseable {

    final ObjectMapper mapper = new ObjectMapper();
    final Path plugins;
    final TaxonomyIndex index;
    final PluginHost host;
    final ScoringEngine engine;
    final MoravecServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Which scorer plugins the fixture's plugins folder holds. */
    enum Plugins { LEXICON_AND_FACTORS, NONE, LEXICON_AND_SLEEPY }

    ServerFixture(Path dir) throws Exception {
        this(dir, ServerOptions.defaults(0), EngineConfig.defaults(), Plugins.LEXICON_AND_FACTORS);
    }

    ServerFixture(Path dir, ServerOptions options, EngineConfig config, Plugins which) throws Exception {
        this(dir, options, config, which, List.of());
    }

    /**
     * A server whose plugins folder also holds test plugins of {@code dev.moravec.testing.plugins}, and
     * whose engine runs long as {@code serve}'s does (a quarantine needs a failed probe, and lifts after
     * the {@link dev.moravec.app.Session#QUARANTINE_COOL_DOWN cool-down}).
     */
    ServerFixture(Path dir, ServerOptions options, EngineConfig config, Plugins which, List<String> testPlugins)
            throws Exception {
        plugins = Files.createDirectories(dir.resolve("plugins"));
        for (String name : testPlugins) {
            TestBundles.build(plugins.resolve(name + ".jar"), "test." + name, "1.0.0", "dev.moravec.testing.plugins." + name,
                    Map.of());
        }
        if (which != Plugins.NONE) {
            try (Stream<Path> jars = Files.list(Path.of("target", "test-plugins"))) {
                for (Path jar : jars.toList()) {
                    Files.copy(jar, plugins.resolve(jar.getFileName()));
                }
            }
        }
        if (which == Plugins.LEXICON_AND_FACTORS) {
            // names EMBODIMENT for "lift/carry/repair/install", COMPUTER_USE for "portal/click", TASTE for
            // "design", SLOW_FEEDBACK for "trial/strategy", ... with verification modes
            TestBundles.build(plugins.resolve("word-factors.jar"), "test.factors", "1.0.0",
                    "dev.moravec.testing.plugins.factors", Map.of());
        }
        if (which == Plugins.LEXICON_AND_SLEEPY) {
            // sleeps on tasks that say "slow", far past any time limit
            TestBundles.build(plugins.resolve("sleepy.jar"), "test.sleepy", "1.0.0",
                    "dev.moravec.testing.plugins.sleepy", Map.of());
        }
        index = TaxonomyIndex.open(dir.resolve("index"), mapper);
        index.replace(StarterCatalog.release(), line -> { });
        host = PluginHost.start(new HostOptions(TestBundles.runtimeBundles(), plugins, Map.of()));
        engine = new ScoringEngine(host.registry(), config, 2, null,
                testPlugins.isEmpty() ? null : dev.moravec.app.Session.QUARANTINE_COOL_DOWN);
        if (which == Plugins.LEXICON_AND_FACTORS && testPlugins.isEmpty()) {
            new TaxonomyClassifier(engine).classify(index, line -> { });
        }
        server = MoravecServer.start(options, mapper, index, host, engine, null);
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, false);
    }

    /**
     * Posts a body, optionally announcing it with {@code Expect: 100-continue} first, as curl does for
     * large bodies: a server that refuses the body then answers before it is sent. Without it, a server
     * that answers 413 without reading the body may close the connection while the client still
     * sends, and the client sees the connection closed instead of the answer.
     */
    HttpResponse<String> post(String path, String body, boolean expectContinue)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").expectContinue(expectContinue)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode json(HttpResponse<String> response) throws IOException {
        return mapper.readTree(response.body());
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            try {
                engine.close();
                host.close();
            } finally {
                index.close();
            }
        }
    }
}

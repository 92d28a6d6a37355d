package dev.moravec.server.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.app.JsonViews;
import dev.moravec.app.TaxonomyService;
import dev.moravec.host.PluginHost;
import dev.moravec.scoring.ScorerHandle;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.server.ServerOptions;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import dev.moravec.taxonomy.sources.ImportReport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code /api/health} and {@code /api/plugins}: what the server serves, with which scorers and limits. */
public final class StatusRoutes {

    private final JsonViews views;
    private final TaxonomyService taxonomy;
    private final PluginHost host;
    private final ScoringEngine engine;
    private final ServerOptions options;
    private final String version;

    /**
     * @param views the JSON views
     * @param taxonomy the taxonomy served
     * @param host the plugin host
     * @param engine the engine, which says which scorers are active
     * @param options the limits
     * @param version Moravec's version
     */
    public StatusRoutes(JsonViews views, TaxonomyService taxonomy, PluginHost host, ScoringEngine engine,
            ServerOptions options, String version) {
        this.views = views;
        this.taxonomy = taxonomy;
        this.host = host;
        this.engine = engine;
        this.options = options;
        this.version = version;
    }

    /**
     * Adds the routes.
     *
     * @param routes the server's routes
     */
    public void register(RoutesConfig routes) {
        routes.get("/api/health", this::health);
        routes.get("/api/plugins", ctx -> Json.send(ctx, views.plugins(host, engine)));
    }

    // the folder or file an import read, by its name: the server's own paths are not the client's business
    private static String name(String source) {
        return source == null ? null : source.replaceAll("[/\\\\]+$", "").replaceAll(".*[/\\\\]", "");
    }

    private void health(Context ctx) throws IOException {
        ObjectNode node = views.object();
        List<ScorerHandle> scorers = engine.scorers();
        List<String> problems = new ArrayList<>();
        if (scorers.isEmpty()) {
            problems.add("no scorer is active: classify and explain answer 503 until a scorer plugin is in the"
                    + " server's plugins folder");
        }
        for (ScorerHandle scorer : scorers) {
            if (engine.isDegraded(scorer)) {
                problems.add("scorer " + scorer.id() + " is degraded: " + scorer.stuckCalls() + " of its calls ran past"
                        + " the time limit and still run, deaf to interrupts; it is not asked until one returns");
            } else if (scorer.isQuarantined()) {
                problems.add("scorer " + scorer.id() + " is " + scorer.quarantineReason());
            }
        }
        node.put("status", problems.isEmpty() ? "ok" : "degraded");
        if (!problems.isEmpty()) {
            node.put("problem", String.join("; ", problems));
        }
        node.put("version", version);
        ArrayNode ids = node.putArray("scorers");
        scorers.forEach(s -> ids.add(s.id()));
        ObjectNode served = node.putObject("taxonomy");
        ImportReport report = taxonomy.report();
        Map<String, String> commit = taxonomy.index().commitData();
        served.put("source", report == null ? null : name(report.source()));
        served.put("release", report == null ? null : report.release());
        served.put("attribution", report == null ? null : report.attribution());
        served.put("occupations", report == null ? 0 : report.occupations());
        served.put("tasks", report == null ? 0 : report.tasks());
        served.put("imported", commit.get(TaxonomyIndex.IMPORTED_KEY));
        String classified = commit.get(TaxonomyIndex.CLASSIFIED_KEY);
        served.put("classified", classified == null ? null : classified.split(" ", 2)[0]);
        node.set("thresholds", views.thresholds(engine.config().thresholds()));
        node.putObject("limits")
                .put("maxBodyBytes", options.maxBodyBytes())
                .put("maxBatch", options.maxBatch())
                .put("classifyTimeoutMillis", options.classifyTimeout().toMillis())
                .put("taskTimeLimitMillis", engine.config().taskTimeLimit().toMillis())
                .put("maxPoints", options.maxPoints());
        Json.send(ctx, node);
    }
}

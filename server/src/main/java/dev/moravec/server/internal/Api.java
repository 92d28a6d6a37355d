package dev.moravec.server.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.api.Embedder;
import dev.moravec.api.Task;
import dev.moravec.api.TaskWeights;
import dev.moravec.engine.BadInputException;
import dev.moravec.engine.PluginHost;
import dev.moravec.engine.Quadrant;
import dev.moravec.engine.ScorerHandle;
import dev.moravec.engine.ScoringEngine;
import dev.moravec.engine.Verdict;
import dev.moravec.engine.catalog.CatalogRecord;
import dev.moravec.engine.catalog.JsonLinesVerdictWriter;
import dev.moravec.server.JsonViews;
import dev.moravec.server.ServerOptions;
import dev.moravec.taxonomy.ImportReport;
import dev.moravec.taxonomy.OccupationDetails;
import dev.moravec.taxonomy.Rankings;
import dev.moravec.taxonomy.TaskPoints;
import dev.moravec.taxonomy.TaxonomyIndex;
import dev.moravec.taxonomy.TaxonomySearch;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The API's handlers. Every request reads the scorers the engine has at that moment (the plugin
 * host's registry follows bundles as they come and go), and the taxonomy index's latest commit.
 */
public final class Api {

    private static final Pattern CODE = Pattern.compile("\\d{2}-\\d{4}(\\.\\d{2})?");
    private static final String JSON = "application/json";
    private static final int MAX_STATEMENT = 2000;

    private final ObjectMapper mapper;
    private final JsonViews views;
    private final TaxonomyIndex index;
    private final PluginHost host;
    private final ScoringEngine engine;
    private final Embedder embedder;
    private final ServerOptions options;
    private final ExecutorService classifiers;
    private final String version;
    private volatile Titles titles;

    /** The occupations' titles as the index had them at a version of its content. */
    private record Titles(long version, Map<String, String> byCode) {}

    /**
     * @param mapper the project's mapper
     * @param index the taxonomy index
     * @param host the plugin host
     * @param engine the engine, reading the host's registry
     * @param embedder the embedder of the index's vectors, for semantic search, or {@code null}
     * @param options the limits
     * @param classifiers runs classify requests so that their time can be bounded; the caller shuts it down
     * @param version Moravec's version
     */
    public Api(ObjectMapper mapper, TaxonomyIndex index, PluginHost host, ScoringEngine engine, Embedder embedder,
            ServerOptions options, ExecutorService classifiers, String version) {
        this.mapper = mapper;
        this.views = new JsonViews(mapper);
        this.index = index;
        this.host = host;
        this.engine = engine;
        this.embedder = embedder;
        this.options = options;
        this.classifiers = classifiers;
        this.version = version;
    }

    /**
     * Adds the API's routes.
     *
     * @param routes the server's routes
     */
    public void register(RoutesConfig routes) {
        routes.get("/api/health", this::health);
        routes.post("/api/classify", this::classify);
        routes.get("/api/explain", this::explain);
        routes.get("/api/search", this::search);
        routes.get("/api/rank", this::rank);
        routes.get("/api/occupations/{code}", this::occupation);
        routes.get("/api/tasks", this::tasks);
        routes.get("/api/plugins", this::plugins);
    }

    void health(Context ctx) throws IOException {
        ObjectNode node = views.object();
        List<ScorerHandle> scorers = engine.scorers();
        node.put("status", scorers.isEmpty() ? "degraded" : "ok");
        if (scorers.isEmpty()) {
            node.put("problem", "no scorer is active: classify and explain answer 503 until a scorer plugin is in "
                    + host.pluginsDir());
        }
        node.put("version", version);
        ArrayNode ids = node.putArray("scorers");
        scorers.forEach(s -> ids.add(s.id()));
        ObjectNode taxonomy = node.putObject("taxonomy");
        ImportReport report = index.report();
        Map<String, String> commit = index.commitData();
        taxonomy.put("source", report == null ? null : report.source());
        taxonomy.put("release", report == null ? null : report.release());
        taxonomy.put("attribution", report == null ? null : report.attribution());
        taxonomy.put("occupations", report == null ? 0 : report.occupations());
        taxonomy.put("tasks", report == null ? 0 : report.tasks());
        taxonomy.put("imported", commit.get(TaxonomyIndex.IMPORTED_KEY));
        String classified = commit.get(TaxonomyIndex.CLASSIFIED_KEY);
        taxonomy.put("classified", classified == null ? null : classified.split(" ", 2)[0]);
        node.set("thresholds", views.thresholds(engine.config().thresholds()));
        node.putObject("limits")
                .put("maxBodyBytes", options.maxBodyBytes())
                .put("maxBatch", options.maxBatch())
                .put("classifyTimeoutMillis", options.classifyTimeout().toMillis())
                .put("taskTimeLimitMillis", engine.config().taskTimeLimit().toMillis())
                .put("maxPoints", options.maxPoints());
        json(ctx, node);
    }

    void classify(Context ctx) throws IOException {
        byte[] body = body(ctx);
        ClassifyRequests.Parsed parsed = new ClassifyRequests(mapper, options.maxBatch(), new Function<>() {
            private Map<String, String> known; // checked against the index once per request, when first needed

            @Override
            public Optional<String> apply(String code) {
                if (known == null) {
                    known = titles();
                }
                return Optional.ofNullable(known.get(code));
            }
        }).parse(body);
        List<Verdict> verdicts = rate(parsed.records().stream().map(CatalogRecord::task).toList());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            if (parsed.batch()) {
                json.writeStartObject();
                json.writeArrayFieldStart("results");
            }
            for (int i = 0; i < verdicts.size(); i++) {
                JsonLinesVerdictWriter.writeRecord(json, parsed.records().get(i), verdicts.get(i));
            }
            if (parsed.batch()) {
                json.writeEndArray();
                json.writeEndObject();
            }
        }
        ctx.contentType(JSON).result(out.toByteArray());
    }

    void explain(Context ctx) throws IOException {
        String statement = required(ctx, "task");
        if (statement.length() > MAX_STATEMENT) {
            throw new ApiException(400, "the task statement is " + statement.length() + " characters long; at most "
                    + MAX_STATEMENT + " are explained");
        }
        String occupation = optional(ctx, "occupation");
        if (occupation != null && !CODE.matcher(occupation).matches()) {
            throw new ApiException(400, "occupation '" + occupation + "' is not an O*NET-SOC code (##-####.##)");
        }
        Task task;
        try {
            task = new Task("explain", statement, occupation, null, TaskWeights.NONE);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, e.getMessage());
        }
        Verdict verdict = rate(List.of(task)).get(0);
        CatalogRecord record = new CatalogRecord("request", 1, task,
                occupation == null ? null : title(occupation).orElse(null), mapper.createObjectNode());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            JsonLinesVerdictWriter.writeRecord(json, record, verdict);
        }
        ObjectNode node = (ObjectNode) mapper.readTree(out.toByteArray());
        node.put("meaning", verdict.quadrant().meaning());
        json(ctx, node);
    }

    void search(Context ctx) throws IOException, BadInputException {
        boolean semantic = bool(ctx, "semantic");
        if (semantic && embedder == null) {
            throw new ApiException(501, "semantic search is not available on this server (it runs without an"
                    + " embedder); leave out semantic=true to search by words");
        }
        String query = required(ctx, "q");
        boolean occupations = bool(ctx, "occupations");
        String family = family(ctx);
        Quadrant quadrant = quadrant(ctx);
        int limit = limit(ctx, 10, 100);
        TaxonomySearch search = new TaxonomySearch(index, "<mark>", "</mark>");
        TaxonomySearch.Request request = new TaxonomySearch.Request(query, occupations, family, quadrant, limit);
        json(ctx, views.search(query, occupations,
                semantic ? search.semantic(request, embedder) : search.search(request)));
    }

    void rank(Context ctx) throws IOException, BadInputException {
        String level = Optional.ofNullable(optional(ctx, "level")).orElse("occupation").toLowerCase(Locale.ROOT);
        String order = Optional.ofNullable(optional(ctx, "order")).orElse("lagging").toLowerCase(Locale.ROOT);
        if (!order.equals("lagging") && !order.equals("leading")) {
            throw new ApiException(400, "order must be lagging or leading, not '" + order + "'");
        }
        String family = family(ctx);
        int limit = limit(ctx, 25, 2000);
        try {
            json(ctx, views.ranking(new Rankings(index).rank(
                    new Rankings.Request(level, order.equals("lagging"), family, limit)), family));
        } catch (BadInputException e) {
            throw new ApiException(400, e.getMessage().replace("--level", "level"));
        }
    }

    void occupation(Context ctx) throws IOException {
        String code = ctx.pathParam("code");
        if (!CODE.matcher(code).matches()) {
            throw new ApiException(400, "'" + code + "' is not an O*NET-SOC code such as 15-1252.00");
        }
        try {
            json(ctx, views.occupation(new OccupationDetails(index).show(code)));
        } catch (BadInputException e) {
            throw new ApiException(404, "no occupation " + code + " in the taxonomy; find codes with"
                    + " /api/search?occupations=true&q=job+title");
        }
    }

    void tasks(Context ctx) throws IOException {
        String family = family(ctx);
        int limit = limit(ctx, 5000, options.maxPoints());
        json(ctx, views.points(new TaskPoints(index).points(family, limit), family, engine.config().thresholds()));
    }

    void plugins(Context ctx) throws IOException {
        json(ctx, views.plugins(host, engine));
    }

    private List<Verdict> rate(List<Task> tasks) {
        if (engine.scorers().isEmpty()) {
            throw new ApiException(503, "no scorer is active: put a scorer plugin in " + host.pluginsDir()
                    + " (GET /api/plugins says why the ones there do not work)");
        }
        Future<List<Verdict>> verdicts = classifiers.submit(() -> engine.classify(tasks));
        try {
            return verdicts.get(options.classifyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            verdicts.cancel(true);
            throw new ApiException(503, "classifying " + tasks.size() + " tasks took longer than "
                    + options.classifyTimeout().toSeconds() + " s; send fewer tasks per request");
        } catch (InterruptedException e) {
            verdicts.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiException(503, "the server is stopping");
        } catch (ExecutionException e) {
            throw new IllegalStateException("classification failed", e.getCause());
        }
    }

    private byte[] body(Context ctx) throws IOException {
        long limit = options.maxBodyBytes();
        if (ctx.contentLength() > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        }
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(413, "the body is larger than " + limit + " bytes; send fewer tasks per request");
    }

    /**
     * The attribution of the taxonomy the server serves now, as its import recorded it.
     *
     * @return the attribution, or {@code null} when nothing was imported
     * @throws IOException if the index cannot be read
     */
    public String attribution() throws IOException {
        ImportReport report = index.report();
        return report == null ? null : report.attribution();
    }

    private Optional<String> title(String code) {
        return Optional.ofNullable(titles().get(code));
    }

    /**
     * The occupations' titles by code, read again once the index has changed, as after a
     * 'moravec taxonomy import' while serving; none when the index cannot be read.
     */
    private Map<String, String> titles() {
        Titles known = titles;
        try {
            long version = index.version();
            if (known == null || known.version() != version) {
                known = new Titles(version, new OccupationDetails(index).titles());
                titles = known;
            }
        } catch (IOException e) {
            return Map.of();
        }
        return known.byCode();
    }

    private void json(Context ctx, JsonNode node) throws IOException {
        ctx.contentType(JSON).result(mapper.writeValueAsBytes(node));
    }

    private static String optional(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String required(Context ctx, String name) {
        String value = optional(ctx, name);
        if (value == null) {
            throw new ApiException(400, "the query parameter '" + name + "' is missing or empty");
        }
        return value;
    }

    private static boolean bool(Context ctx, String name) {
        String value = optional(ctx, name);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new ApiException(400, name + " must be true or false, not '" + value + "'");
    }

    private static int limit(Context ctx, int fallback, int max) {
        String value = optional(ctx, "limit");
        if (value == null) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, as an out-of-range value is
        }
        throw new ApiException(400, "limit must be a whole number from 1 to " + max + ", not '" + value + "'");
    }

    private static Quadrant quadrant(Context ctx) {
        String value = optional(ctx, "quadrant");
        if (value == null) {
            return null;
        }
        try {
            return Quadrant.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "quadrant must be one of " + java.util.Arrays.toString(Quadrant.values())
                    + ", not '" + value + "'");
        }
    }

    private String family(Context ctx) throws IOException {
        String family = optional(ctx, "family");
        if (family == null) {
            return null;
        }
        if (!CODE.matcher(family).matches()) {
            throw new ApiException(400, "family '" + family + "' is not a SOC or O*NET-SOC code such as 15-0000,"
                    + " 15-1200, 15-1250, 15-1252 or 15-1252.00");
        }
        if (!new TaxonomySearch(index, "", "").hasFamily(family)) {
            throw new ApiException(404, "no family or occupation " + family + " in the taxonomy");
        }
        return family;
    }
}

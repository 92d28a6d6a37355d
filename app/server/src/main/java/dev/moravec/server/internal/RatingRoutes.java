package dev.moravec.server.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.api.Task;
import dev.moravec.api.TaskWeights;
import dev.moravec.app.RatingService;
import dev.moravec.app.TaxonomyService;
import dev.moravec.catalog.CatalogRecord;
import dev.moravec.catalog.VerdictJson;
import dev.moravec.model.OccupationCode;
import dev.moravec.model.Verdict;
import dev.moravec.server.ServerOptions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code POST /api/classify} and {@code GET /api/explain}: rate tasks with the scorers active at that
 * moment and answer with the record {@code classify} writes.
 */
public final class RatingRoutes {

    private static final int MAX_STATEMENT = 2000;

    private final ObjectMapper mapper;
    private final RatingService rating;
    private final TaxonomyService taxonomy;
    private final ServerOptions options;

    /**
     * @param mapper the project's mapper
     * @param rating rates a request's tasks within its time limit
     * @param taxonomy the taxonomy, for occupation titles
     * @param options the limits
     */
    public RatingRoutes(ObjectMapper mapper, RatingService rating, TaxonomyService taxonomy, ServerOptions options) {
        this.mapper = mapper;
        this.rating = rating;
        this.taxonomy = taxonomy;
        this.options = options;
    }

    /**
     * Adds the routes.
     *
     * @param routes the server's routes
     */
    public void register(RoutesConfig routes) {
        routes.post("/api/classify", this::classify);
        routes.get("/api/explain", this::explain);
    }

    private void classify(Context ctx) throws IOException {
        byte[] body = Params.body(ctx, options.maxBodyBytes());
        ClassifyRequests.Parsed parsed = new ClassifyRequests(mapper, options.maxBatch(), new Function<>() {
            private Map<String, String> known; // checked against the index once per request, when first needed

            @Override
            public Optional<String> apply(String code) {
                if (known == null) {
                    known = taxonomy.titles();
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
                VerdictJson.writeRecord(json, parsed.records().get(i), verdicts.get(i));
            }
            if (parsed.batch()) {
                json.writeEndArray();
                json.writeEndObject();
            }
        }
        Json.send(ctx, out.toByteArray());
    }

    private void explain(Context ctx) throws IOException {
        String statement = Params.required(ctx, "task");
        if (statement.length() > MAX_STATEMENT) {
            throw new ApiException(400, "the task statement is " + statement.length() + " characters long; at most "
                    + MAX_STATEMENT + " are explained");
        }
        String occupation = Params.optional(ctx, "occupation");
        if (occupation != null && !OccupationCode.isValid(occupation)) {
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
                occupation == null ? null : taxonomy.title(occupation).orElse(null), mapper.createObjectNode());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            VerdictJson.writeRecord(json, record, verdict);
        }
        ObjectNode node = (ObjectNode) mapper.readTree(out.toByteArray());
        node.put("meaning", verdict.quadrant().meaning());
        Json.send(ctx, node);
    }

    private List<Verdict> rate(List<Task> tasks) {
        try {
            return rating.rate(tasks);
        } catch (RatingService.NotRated e) {
            throw new ApiException(503, switch (e.reason()) {
                case NO_SCORER -> "no scorer is active: put a scorer plugin in the server's plugins folder"
                        + " (GET /api/plugins says why the ones there do not work)";
                case TIMED_OUT, STOPPING -> e.getMessage();
            });
        }
    }
}

package dev.moravec.server.internal;

import dev.moravec.api.Embedder;
import dev.moravec.app.JsonViews;
import dev.moravec.app.OverrideStore;
import dev.moravec.app.TaxonomyService;
import dev.moravec.model.BadInputException;
import dev.moravec.model.OccupationCode;
import dev.moravec.model.EngineConfig;
import dev.moravec.scoring.Relief;
import dev.moravec.server.ServerOptions;
import dev.moravec.taxonomy.index.Rankings;
import dev.moravec.taxonomy.index.WeightBasis;
import dev.moravec.taxonomy.sources.crosswalk.Classification;
import dev.moravec.taxonomy.index.TaxonomySearch;
import dev.moravec.taxonomy.index.ViewOptions;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /api/search}, {@code /api/rank}, {@code /api/occupations/{code}}, {@code /api/tasks},
 * {@code /api/bottlenecks}, {@code /api/scenarios}, and in other classifications {@code /api/groups/{classification}/{code}},
 * {@code /api/industries} and {@code /api/classifications}.
 */
public final class TaxonomyRoutes {

    private final JsonViews views;
    private final TaxonomyService taxonomy;
    private final Embedder embedder;
    private final ServerOptions options;
    private final Supplier<EngineConfig> config;
    private final OverrideStore overrides;

    /**
     * @param views the JSON views
     * @param taxonomy the taxonomy's queries
     * @param embedder the embedder of the index's vectors, for semantic search, or {@code null}
     * @param options the limits
     * @param config the configuration: the quadrants' borders, drawn on the scatter, and the scenarios
     * @param overrides the analyst overrides kept in the data folder, applied unless a request says
     *     {@code overrides=false}
     */
    public TaxonomyRoutes(JsonViews views, TaxonomyService taxonomy, Embedder embedder, ServerOptions options,
            Supplier<EngineConfig> config, OverrideStore overrides) {
        this.views = views;
        this.taxonomy = taxonomy;
        this.embedder = embedder;
        this.options = options;
        this.config = config;
        this.overrides = overrides;
    }

    /**
     * Adds the routes.
     *
     * @param routes the server's routes
     */
    public void register(RoutesConfig routes) {
        routes.get("/api/search", this::search);
        routes.get("/api/rank", this::rank);
        routes.get("/api/occupations/{code}", this::occupation);
        routes.get("/api/tasks", this::tasks);
        routes.get("/api/bottlenecks", this::bottlenecks);
        routes.get("/api/scenarios", this::scenarios);
        routes.get("/api/groups/{classification}/{code}", this::group);
        routes.get("/api/industries", this::industries);
        routes.get("/api/classifications", this::classifications);
    }

    /** The {@code classification} parameter: soc2018 (the default), soc2010, isco08 or esco. */
    private static Classification classification(Context ctx) {
        try {
            return Classification.parse(Params.optional(ctx, "classification"));
        } catch (BadInputException e) {
            throw new ApiException(400, e.getMessage().replace("--classification", "classification"));
        }
    }

    /** The {@code weight} parameter: employment (the default) or wages. */
    private static WeightBasis weight(Context ctx) {
        try {
            return WeightBasis.parse(Params.optional(ctx, "weight"));
        } catch (BadInputException e) {
            throw new ApiException(400, e.getMessage().replace("--weight", "weight"));
        }
    }

    /** The family to stay within: a SOC code, checked; or, in another classification, a code of it as given. */
    private String family(Context ctx, Classification classification) throws IOException {
        return classification == Classification.SOC_2018 ? Params.family(ctx, taxonomy) : Params.optional(ctx, "family");
    }

    private static ApiException badRequest(BadInputException e) {
        return new ApiException(400, e.getMessage().replace("--level", "level").replace("--classification",
                "classification").replace("--weight", "weight"));
    }

    private void search(Context ctx) throws IOException, BadInputException {
        boolean semantic = Params.bool(ctx, "semantic");
        if (semantic && embedder == null) {
            throw new ApiException(501, "semantic search is not available on this server (it runs without an"
                    + " embedder); leave out semantic=true to search by words");
        }
        String query = Params.required(ctx, "q");
        boolean occupations = Params.bool(ctx, "occupations");
        Classification classification = classification(ctx);
        if (classification != Classification.SOC_2018 && !occupations) {
            throw new ApiException(400, "classification searches occupations: add occupations=true");
        }
        TaxonomySearch.Request request = new TaxonomySearch.Request(query, occupations,
                family(ctx, classification), Params.quadrant(ctx), Params.limit(ctx, 10, 100), classification);
        try {
            Json.send(ctx, views.search(query, occupations, semantic ? taxonomy.semantic(request, embedder)
                    : taxonomy.search(request, TaxonomyService.MARK_OPEN, TaxonomyService.MARK_CLOSE),
                    classification.label()));
        } catch (BadInputException e) {
            throw badRequest(e);
        }
    }

    private void rank(Context ctx) throws IOException, BadInputException {
        Classification classification = classification(ctx);
        String level = Optional.ofNullable(Params.optional(ctx, "level"))
                .orElse(classification == Classification.SOC_2018 ? "occupation" : null);
        level = level == null ? null : level.toLowerCase(Locale.ROOT);
        String order = Optional.ofNullable(Params.optional(ctx, "order")).orElse("lagging").toLowerCase(Locale.ROOT);
        if (!order.equals("lagging") && !order.equals("leading")) {
            throw new ApiException(400, "order must be lagging or leading, not '" + order + "'");
        }
        String family = family(ctx, classification);
        int limit = Params.limit(ctx, 25, 2000);
        Relief relief = scenario(ctx);
        ViewOptions view = ViewParams.of(ctx, overrides, config.get().thresholds());
        try {
            Json.send(ctx, views.ranking(taxonomy.rank(new Rankings.Request(level, order.equals("lagging"), family, limit,
                    classification, weight(ctx)), relief, view), family));
        } catch (BadInputException e) {
            throw badRequest(e);
        }
    }

    private void occupation(Context ctx) throws IOException, BadInputException {
        String code = ctx.pathParam("code");
        if (!OccupationCode.isValid(code)) {
            throw new ApiException(400, "'" + code + "' is not an O*NET-SOC code such as 15-1252.00");
        }
        ViewOptions view = ViewParams.of(ctx, overrides, config.get().thresholds());
        try {
            Json.send(ctx, views.occupation(taxonomy.occupation(code, view)));
        } catch (BadInputException e) {
            throw new ApiException(404, "no occupation " + code + " in the taxonomy; find codes with"
                    + " /api/search?occupations=true&q=job+title");
        }
    }

    private void tasks(Context ctx) throws IOException, BadInputException {
        String family = Params.family(ctx, taxonomy);
        int limit = Params.limit(ctx, 5000, options.maxPoints());
        Relief relief = scenario(ctx);
        Json.send(ctx, views.points(taxonomy.points(family, limit, relief,
                ViewParams.overrides(ctx, overrides, config.get().thresholds())), family, config.get().thresholds(),
                relief == null ? null : relief.scenario().name()));
    }

    private void bottlenecks(Context ctx) throws IOException, BadInputException {
        String level = Optional.ofNullable(Params.optional(ctx, "level")).orElse("major").toLowerCase(Locale.ROOT);
        Classification classification = classification(ctx);
        String family = family(ctx, classification);
        ViewOptions view = ViewParams.of(ctx, overrides, config.get().thresholds());
        try {
            Json.send(ctx, views.bottlenecks(taxonomy.bottlenecks(level, family, classification, weight(ctx), view),
                    family));
        } catch (BadInputException e) {
            throw badRequest(e);
        }
    }

    private void group(Context ctx) throws IOException, BadInputException {
        Classification classification;
        try {
            classification = Classification.parse(ctx.pathParam("classification"));
        } catch (BadInputException e) {
            throw new ApiException(400, e.getMessage().replace("--classification", "classification"));
        }
        if (classification == Classification.SOC_2018) {
            throw new ApiException(400, "SOC 2018 occupations are at /api/occupations/{code}");
        }
        String code = java.net.URLDecoder.decode(ctx.pathParam("code"), java.nio.charset.StandardCharsets.UTF_8);
        ViewOptions view = ViewParams.of(ctx, overrides, config.get().thresholds());
        try {
            Json.send(ctx, views.group(taxonomy.group(classification, code, view)));
        } catch (BadInputException e) {
            throw new ApiException(e.getMessage().contains("holds no crosswalks") ? 400 : 404, e.getMessage());
        }
    }

    private void industries(Context ctx) throws IOException, BadInputException {
        String order = Optional.ofNullable(Params.optional(ctx, "order")).orElse("lagging").toLowerCase(Locale.ROOT);
        if (!order.equals("lagging") && !order.equals("leading")) {
            throw new ApiException(400, "order must be lagging or leading, not '" + order + "'");
        }
        ViewOptions view = ViewParams.of(ctx, overrides, config.get().thresholds());
        try {
            Json.send(ctx, views.industries(taxonomy.industries(order.equals("lagging"),
                    Params.limit(ctx, 100, 100), weight(ctx), scenario(ctx), view)));
        } catch (BadInputException e) {
            throw badRequest(e);
        }
    }

    private void classifications(Context ctx) throws IOException {
        Json.send(ctx, views.classifications().summary(taxonomy.classifications()));
    }

    private void scenarios(Context ctx) throws IOException {
        String level = Optional.ofNullable(Params.optional(ctx, "level")).orElse("major").toLowerCase(Locale.ROOT);
        String family = Params.family(ctx, taxonomy);
        int limit = Params.limit(ctx, 5, 100);
        Relief one = scenario(ctx);
        EngineConfig engineConfig = config.get();
        try {
            Json.send(ctx, views.scenarios(taxonomy.scenarios(one == null ? TaxonomyService.reliefs(engineConfig)
                    : List.of(one), engineConfig.thresholds(), level, family, limit)));
        } catch (BadInputException e) {
            throw new ApiException(400, e.getMessage().replace("--level", "level"));
        }
    }

    /** The {@code scenario} parameter: one scenario, or several joined by {@code +}; or none. */
    private Relief scenario(Context ctx) {
        try {
            return TaxonomyService.relief(config.get(), Params.optional(ctx, "scenario"));
        } catch (BadInputException e) {
            throw new ApiException(400, e.getMessage());
        }
    }
}

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
 * {@code /api/bottlenecks} and {@code /api/scenarios}.
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
    }

    private void search(Context ctx) throws IOException, BadInputException {
        boolean semantic = Params.bool(ctx, "semantic");
        if (semantic && embedder == null) {
            throw new ApiException(501, "semantic search is not available on this server (it runs without an"
                    + " embedder); leave out semantic=true to search by words");
        }
        String query = Params.required(ctx, "q");
        boolean occupations = Params.bool(ctx, "occupations");
        TaxonomySearch.Request request = new TaxonomySearch.Request(query, occupations,
                Params.family(ctx, taxonomy), Params.quadrant(ctx), Params.limit(ctx, 10, 100));
        Json.send(ctx, views.search(query, occupations, semantic ? taxonomy.semantic(request, embedder)
                : taxonomy.search(request, TaxonomyService.MARK_OPEN, TaxonomyService.MARK_CLOSE)));
    }

    private void rank(Context ctx) throws IOException, BadInputException {
        String level = Optional.ofNullable(Params.optional(ctx, "level")).orElse("occupation").toLowerCase(Locale.ROOT);
        String order = Optional.ofNullable(Params.optional(ctx, "order")).orElse("lagging").toLowerCase(Locale.ROOT);
        if (!order.equals("lagging") && !order.equals("leading")) {
            throw new ApiException(400, "order must be lagging or leading, not '" + order + "'");
        }
        String family = Params.family(ctx, taxonomy);
        int limit = Params.limit(ctx, 25, 2000);
        Relief relief = scenario(ctx);
        ViewOptions view = ViewParams.of(ctx, overrides, config.get().thresholds());
        try {
            Json.send(ctx, views.ranking(taxonomy.rank(new Rankings.Request(level, order.equals("lagging"), family, limit),
                    relief, view), family));
        } catch (BadInputException e) {
            throw new ApiException(400, e.getMessage().replace("--level", "level"));
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
        String family = Params.family(ctx, taxonomy);
        ViewOptions view = ViewParams.of(ctx, overrides, config.get().thresholds());
        try {
            Json.send(ctx, views.bottlenecks(taxonomy.bottlenecks(level, family, view), family));
        } catch (BadInputException e) {
            throw new ApiException(400, e.getMessage().replace("--level", "level"));
        }
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

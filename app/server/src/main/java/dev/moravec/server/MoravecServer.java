package dev.moravec.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Embedder;
import dev.moravec.app.JsonViews;
import dev.moravec.app.OverrideStore;
import dev.moravec.app.RatingService;
import dev.moravec.app.TaxonomyService;
import dev.moravec.host.PluginHost;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Quoted;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.server.internal.ApiException;
import dev.moravec.server.internal.RatingRoutes;
import dev.moravec.server.internal.ReadDeadlines;
import dev.moravec.server.internal.RequestGuard;
import dev.moravec.server.internal.StatusRoutes;
import dev.moravec.server.internal.TaxonomyRoutes;
import dev.moravec.server.internal.WebAssets;
import dev.moravec.taxonomy.index.SearchTimeoutException;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.net.BindException;
import java.net.URI;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moravec's HTTP server (Javalin on Jetty): the JSON API under {@code /api/}, described by
 * {@code /api/openapi.json}, and the web page at {@code /}. It binds loopback unless told otherwise.
 * Errors are JSON, {@code {"error": {"status": 400, "message": "..."}}}, never stack traces, exception
 * names or paths. It guards itself against pages elsewhere ({@link RequestGuard}: the {@code Host} of a
 * loopback server, JSON for POSTs, CORS only for allowed origins), slow clients ({@link ReadDeadlines})
 * and slow searches (a time limit, then 503).
 *
 * <p>The server does not own what it is given: the caller closes the index, the engine and the plugin
 * host after {@link #close() closing} the server.
 */
public final class MoravecServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MoravecServer.class);

    private final Javalin app;
    private final RatingService rating;
    private final String host;

    private MoravecServer(Javalin app, RatingService rating, String host) {
        this.app = app;
        this.rating = rating;
        this.host = host;
    }

    /**
     * Starts a server.
     *
     * @param options address, port and limits
     * @param mapper the project's mapper, used for every JSON body
     * @param index the taxonomy index the API reads
     * @param pluginHost the plugin host whose plugins the API lists
     * @param engine the engine that classifies; it reads the host's registry, so the API follows
     *     scorers as bundles start and stop
     * @param embedder the embedder that made the index's vectors, for semantic search; {@code null}
     *     answers semantic searches with 501
     * @return the running server
     * @throws BindException if the port is taken or the address cannot be bound
     */
    public static MoravecServer start(ServerOptions options, ObjectMapper mapper, TaxonomyIndex index,
            PluginHost pluginHost, ScoringEngine engine, Embedder embedder) throws BindException {
        Objects.requireNonNull(mapper, "mapper");
        String version = Objects.requireNonNullElse(MoravecServer.class.getPackage().getImplementationVersion(),
                "development");
        WebAssets assets = new WebAssets();
        String page = assets.web("page.html").replace("{{chartjs}}", assets.chartJsPath());
        String openApi = assets.openApi().replace("{{version}}", version);
        JsonViews views = new JsonViews(mapper);
        TaxonomyService taxonomy = new TaxonomyService(index, options.searchTimeLimit());
        RatingService rating = new RatingService(engine, options.classifyTimeout());
        StatusRoutes status = new StatusRoutes(views, taxonomy, pluginHost, engine, options, version);
        RatingRoutes ratings = new RatingRoutes(mapper, rating, taxonomy, options);
        RequestGuard guard = new RequestGuard(options);
        // the analyst overrides kept in the data folder, the folder that holds the index
        OverrideStore overrides = new OverrideStore(index.path().toAbsolutePath().getParent(), mapper);
        TaxonomyRoutes queries = new TaxonomyRoutes(views, taxonomy, embedder, options, engine::config, overrides);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = options.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = WebAssets.WEB_DIR;
                files.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            config.routes.before(guard);
            config.routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8")
                    .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none';"
                            + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
                    .header("X-Content-Type-Options", "nosniff")
                    // the taxonomy's attribution as it is now: an import while serving may change the release
                    .result(page.replace("{{attribution}}",
                            WebAssets.escapeHtml(Objects.requireNonNullElse(taxonomy.attribution(), "")))));
            config.routes.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            status.register(config.routes);
            ratings.register(config.routes);
            queries.register(config.routes);
            config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
            config.routes.exception(BadInputException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(SearchTimeoutException.class, (e, ctx) -> error(ctx, 503, e.getMessage()));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), switch (e.getStatus()) {
                case 404 -> "no such path: " + ctx.method() + " " + ctx.path() + " (the API is described at /api/openapi.json)";
                case 405 -> ctx.method() + " is not allowed on " + ctx.path() + " (the API is described at /api/openapi.json)";
                case 413 -> "the body is larger than " + options.maxBodyBytes() + " bytes; send fewer tasks per request";
                default -> e.getMessage();
            }));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error; the server log has the details");
            });
        });
        boolean started = false;
        try {
            app.start(options.host(), options.port());
            guard.listening(app.port());
            ReadDeadlines.apply(app.jettyServer().server(), options.headerTimeout(), options.idleTimeout());
            started = true;
            return new MoravecServer(app, rating, options.host());
        } catch (JavalinBindException e) {
            BindException bind = new BindException(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
            bind.initCause(e);
            throw bind;
        } finally {
            if (!started) {
                rating.close();
            }
        }
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).contentType("application/json");
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("status", status);
        body.put("message", Quoted.message(message));
        ctx.json(java.util.Map.of("error", body));
    }

    /** @return the port the server listens on (the free one picked when 0 was asked for) */
    public int port() {
        return app.port();
    }

    /** @return the address the server is bound to */
    public String host() {
        return host;
    }

    /** @return the page's address, such as {@code http://127.0.0.1:8080/} */
    public URI uri() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + port() + "/");
    }

    /** Stops the server: open requests end, the port is released. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            rating.close();
        }
    }
}

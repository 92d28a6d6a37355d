package dev.moravec.cli;

import dev.moravec.app.Session;
import dev.moravec.model.BadInputException;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.server.MoravecServer;
import dev.moravec.server.ServerOptions;
import dev.moravec.taxonomy.index.TaxonomyClassifier;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code moravec serve}: the JSON API and the web page, until Ctrl-C. The taxonomy is classified first
 * where its verdicts are missing or stale (incrementally, as {@code classify --taxonomy} does).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the web page (quadrant scatter, family ranking, search, occupation drill-down, explain)"
                + " and the JSON API (described at /api/openapi.json) until Ctrl-C.",
            "It listens on 127.0.0.1 only, unless --bind says otherwise. The taxonomy is classified first where"
                + " needed, as 'moravec classify --taxonomy' does."})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    Moravec moravec;

    @Mixin
    HostMixin options;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "The port (default: 8080; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServerOptions.LOOPBACK,
            description = "The address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for every"
                    + " interface: the API has no authentication).")
    String bind;

    @Option(names = "--threads", paramLabel = "N", description = "Scoring threads (default: the number of cores).")
    Integer threads;

    @Option(names = "--allow-origin", paramLabel = "ORIGIN",
            description = "A web origin, such as https://dashboard.example.org, whose pages may call the API from a"
                    + " browser (CORS); repeat for more. None by default: only the server's own page can.")
    List<String> allowOrigins = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535");
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > ClassifyCommand.MAX_THREADS) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--threads must be 1 to " + ClassifyCommand.MAX_THREADS + ", not " + workers);
        }
        for (String origin : allowOrigins) {
            if (!origin.matches("https?://[^/\\s]+")) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--allow-origin takes an origin"
                        + " such as https://dashboard.example.org (scheme, host and port, no path), not '" + origin + "'");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Ctrl-C runs the shutdown hook: it lets the command close the server, the host and the index in
        // order, and waits for that, since the JVM halts once its hooks return
        StopOnSignal stop = new StopOnSignal(Duration.ofSeconds(20));
        boolean interrupted = false;
        try (TaxonomyIndex index = options.data.openTaxonomy(moravec, err);
                Session session = Session.start(moravec.environment, options.session(), moravec.mapper, index)) {
            Moravec.warn(err, session.pluginWarnings());
            ScoringEngine engine = session.serverEngine(workers);
            classify(index, engine, session, err);
            try (MoravecServer server = start(index, session, engine)) {
                out.println("Moravec is serving " + server.uri() + " (API: " + server.uri().resolve("api/openapi.json")
                        + "). Press Ctrl-C to stop.");
                out.flush();
                if (!isLoopback(bind)) {
                    err.println("moravec: warning: listening on " + bind + ": other machines can reach the page and"
                            + " the API, which has no authentication");
                    err.flush();
                }
                interrupted = awaitStop(stop);
                err.println("moravec: stopping");
                err.flush();
            }
        } finally {
            stop.close();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    /**
     * Waits for Ctrl-C (the shutdown hook) or an interrupt of the command's thread, either of which stops
     * the server.
     *
     * @return whether the thread was interrupted; the flag is set again once everything is closed, since
     *     closing Felix waits for its threads
     */
    private static boolean awaitStop(StopOnSignal stop) {
        try {
            stop.await();
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    private void classify(TaxonomyIndex index, ScoringEngine engine, Session session, PrintWriter err) throws Exception {
        if (engine.scorers().isEmpty()) {
            err.println("moravec: warning: no scorer is active (see 'moravec plugins list'): the page shows the"
                    + " taxonomy as last classified, and classify and explain answer 503");
            err.flush();
            return;
        }
        TaxonomyClassifier.Result result = new TaxonomyClassifier(engine, session.embedder()).classify(index, line -> { });
        if (result.rated() + result.recombined() > 0) {
            err.printf(Locale.ROOT, "moravec: classified the taxonomy in %.1f s: rated %s tasks, re-combined %s, reused %s%n",
                    result.elapsed().toMillis() / 1000.0, Format.count(result.rated()),
                    Format.count(result.recombined()), Format.count(result.reused()));
            err.flush();
        }
    }

    private MoravecServer start(TaxonomyIndex index, Session session, ScoringEngine engine) throws BadInputException {
        ServerOptions serverOptions = ServerOptions.defaults(port).withHost(bind).withAllowedOrigins(allowOrigins);
        try {
            return MoravecServer.start(serverOptions, moravec.mapper, index, session.host(), engine,
                    session.embedder());
        } catch (java.net.BindException e) {
            throw new BadInputException("cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                    + " (is another program using the port? --port 0 picks a free one)", e);
        }
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

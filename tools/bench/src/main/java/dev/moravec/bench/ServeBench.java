package dev.moravec.bench;

import static dev.moravec.bench.Measures.deleteRecursively;
import static dev.moravec.bench.Measures.millis;
import static dev.moravec.bench.Measures.percentile;

import dev.moravec.app.Session;
import dev.moravec.app.Taxonomies;
import dev.moravec.cli.ExitCodes;
import dev.moravec.cli.Format;
import dev.moravec.cli.HostMixin;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.server.MoravecServer;
import dev.moravec.server.ServerOptions;
import dev.moravec.taxonomy.index.OccupationDetails;
import dev.moravec.taxonomy.index.TaxonomyClassifier;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code moravec-bench serve}: a bounded load on the server, on loopback. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the server on a free loopback port and send it a bounded load from concurrent"
                + " clients: searches, rankings, occupation drill-downs and one-task classifications in turn.",
            "Without --data it serves the built-in starter catalog from a scratch folder."})
final class ServeBench implements Callable<Integer> {

    @ParentCommand
    MoravecBench parent;

    @Mixin
    HostMixin host;

    @Spec
    CommandSpec spec;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "10000",
            description = "Requests to send after the warm-up (default: 10000).")
    int requests;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "50",
            description = "Concurrent clients (default: 50).")
    int clients;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "300",
            description = "Stop sending after this many seconds even if not all were sent (default: 300).")
    int maxSeconds;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || clients < 1 || maxSeconds < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--requests, --clients and --max-seconds must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        MoravecBench moravec = parent;
        Path scratch = host.data.data == null ? Files.createTempDirectory("moravec-bench-serve-") : null;
        if (scratch != null) {
            host.data.data = scratch;
        }
        try (TaxonomyIndex index = Taxonomies.open(host.data.dir(moravec.environment), moravec.mapper, line -> { });
                Session session = Session.start(moravec.environment, host.session(), moravec.mapper, index)) {
            ScoringEngine engine = session.engine(Runtime.getRuntime().availableProcessors());
            new TaxonomyClassifier(engine, session.embedder()).classify(index, line -> { });
            List<String> occupations = new ArrayList<>(new OccupationDetails(index).titles().keySet());
            try (MoravecServer server = MoravecServer.start(ServerOptions.defaults(0), moravec.mapper, index,
                    session.host(), engine, session.embedder())) {
                LoadCheck load = new LoadCheck(server.uri(), occupations);
                LoadCheck.Result warmUp = load.run(Math.min(2000, requests), clients, Duration.ofSeconds(maxSeconds));
                LoadCheck.Result result = load.run(requests, clients, Duration.ofSeconds(maxSeconds));
                out.printf(Locale.ROOT, "Server benchmark on %d cores, Java %s: %s (%s tasks), %s at %s%n",
                        Runtime.getRuntime().availableProcessors(), Runtime.version(), index.report().source(),
                        Format.count(index.report().tasks()), engine.scorers().stream().map(h -> h.id()).toList(),
                        server.uri());
                out.printf(Locale.ROOT, "  warm-up: %s requests, %s errors%n", Format.count(warmUp.requests()),
                        Format.count(warmUp.errors()));
                List<Long> all = result.all();
                out.printf(Locale.ROOT, "  load: %s requests from %d clients in %.2f s (%,.0f requests/s): %s errors;"
                                + " p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        Format.count(result.requests()), clients, result.elapsed().toMillis() / 1000.0,
                        result.requests() / Math.max(1e-9, result.elapsed().toNanos() / 1e9),
                        Format.count(result.errors()), millis(percentile(all, 50)),
                        millis(percentile(all, 99)), millis(percentile(all, 100)));
                for (LoadCheck.Kind kind : LoadCheck.Kind.values()) {
                    List<Long> nanos = result.nanos().get(kind);
                    out.printf(Locale.ROOT, "    %-10s %s requests: p50 %.2f ms, p99 %.2f ms%n",
                            kind.name().toLowerCase(Locale.ROOT), Format.count(nanos.size()),
                            millis(percentile(nanos, 50)), millis(percentile(nanos, 99)));
                }
                result.errorSamples().forEach(e -> out.println("  error: " + e));
                out.flush();
                return result.errors() == 0 && result.requests() == requests ? ExitCodes.OK : ExitCodes.INTERNAL;
            }
        } finally {
            if (scratch != null) {
                deleteRecursively(scratch);
            }
        }
    }

}

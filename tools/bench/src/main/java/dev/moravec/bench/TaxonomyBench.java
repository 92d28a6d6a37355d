package dev.moravec.bench;

import static dev.moravec.bench.Measures.deleteRecursively;
import static dev.moravec.bench.Measures.millis;
import static dev.moravec.bench.Measures.percentile;
import static dev.moravec.bench.Measures.seconds;

import dev.moravec.app.Session;
import dev.moravec.cli.ExitCodes;
import dev.moravec.cli.Format;
import dev.moravec.cli.HostMixin;
import dev.moravec.cli.ReleaseMixin;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.taxonomy.index.Rankings;
import dev.moravec.taxonomy.index.TaxonomyClassifier;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import dev.moravec.taxonomy.index.TaxonomySearch;
import dev.moravec.taxonomy.sources.Release;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** {@code moravec-bench taxonomy SOURCE}. */
@Command(name = "taxonomy", mixinStandardHelpOptions = true,
        description = "Import a release into a scratch index, classify it, then time searches and rankings.")
final class TaxonomyBench implements Callable<Integer> {

    /** The fixed query set: task searches (filtered and not) and job-title searches. */
    static final List<String[]> QUERIES = List.of(
            new String[] {"task", "repair hydraulic"}, new String[] {"task", "software"},
            new String[] {"task", "write reports"}, new String[] {"task", "patients"},
            new String[] {"task", "drive truck"}, new String[] {"task", "budget OR financial"},
            new String[] {"task", "\"safety procedures\""}, new String[] {"task", "inspect AND equipment"},
            new String[] {"task", "teach students"}, new String[] {"task", "clean*"},
            new String[] {"task", "statistical analysis"}, new String[] {"task", "legal documents"},
            new String[] {"task", "weld metal parts"}, new String[] {"task", "customer complaints"},
            new String[] {"task", "machine operation -computer"}, new String[] {"lagging", "operate machines"},
            new String[] {"lagging", "install"}, new String[] {"family", "design"},
            new String[] {"occupation", "software engineer"}, new String[] {"occupation", "nurse"},
            new String[] {"occupation", "truck driver"}, new String[] {"occupation", "accountant"},
            new String[] {"occupation", "chef"}, new String[] {"occupation", "data scientist"},
            new String[] {"occupation", "electrician apprentice"}, new String[] {"occupation", "teacher"});

    @ParentCommand
    MoravecBench parent;

    @Mixin
    HostMixin host;

    @Spec
    CommandSpec spec;

    @Mixin
    ReleaseMixin source;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "100",
            description = "How many times the query set runs after the warm-up (default: 100).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        MoravecBench moravec = parent;
        Path scratch = Files.createTempDirectory("moravec-bench-");
        try (TaxonomyIndex index = TaxonomyIndex.open(scratch.resolve("index"), moravec.mapper);
                Session session = Session.start(moravec.environment, host.session(), moravec.mapper, index)) {
            long t0 = System.nanoTime();
            Release release = source.read(line -> { });
            long t1 = System.nanoTime();
            index.replace(release, line -> { });
            long t2 = System.nanoTime();
            ScoringEngine engine = session.engine(Runtime.getRuntime().availableProcessors());
            TaxonomyClassifier.Result classified = new TaxonomyClassifier(engine, session.embedder()).classify(index, line -> { });
            long t3 = System.nanoTime();
            TaxonomyClassifier.Result again = new TaxonomyClassifier(engine, session.embedder()).classify(index, line -> { });
            long t4 = System.nanoTime();

            TaxonomySearch search = new TaxonomySearch(index, "[", "]");
            for (int i = 0; i < 20; i++) {
                runQueries(search, null);
            }
            List<Long> searchNanos = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                runQueries(search, searchNanos);
            }
            Rankings rankings = new Rankings(index);
            for (int i = 0; i < 20; i++) {
                rankings.rank(new Rankings.Request("major", true, null, 30));
            }
            List<Long> rankNanos = new ArrayList<>();
            for (int i = 0; i < Math.max(10, rounds / 2); i++) {
                long start = System.nanoTime();
                rankings.rank(new Rankings.Request("major", true, null, 30));
                rankNanos.add(System.nanoTime() - start);
            }
            out.printf(Locale.ROOT, "Taxonomy benchmark on %d cores, Java %s (%s tasks, %s occupations)%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(),
                    Format.count(release.tasks().size()), Format.count(release.occupations().size()));
            out.printf(Locale.ROOT, "  import: read files %.2f s + index %.2f s = %.2f s%n", seconds(t1 - t0),
                    seconds(t2 - t1), seconds(t2 - t0));
            out.printf(Locale.ROOT, "  classify --taxonomy with %s: first %.2f s (%s rated), again %.2f s (%s reused)%n",
                    engine.scorers().stream().map(h -> h.id()).toList(), seconds(t3 - t2),
                    Format.count(classified.rated()), seconds(t4 - t3), Format.count(again.reused()));
            out.printf(Locale.ROOT, "  search: %d queries x %d rounds: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    QUERIES.size(), rounds, millis(percentile(searchNanos, 50)), millis(percentile(searchNanos, 99)),
                    millis(percentile(searchNanos, 100)));
            out.printf(Locale.ROOT, "  rank --level major: p50 %.2f ms, p99 %.2f ms (%d runs)%n",
                    millis(percentile(rankNanos, 50)), millis(percentile(rankNanos, 99)), rankNanos.size());
            out.flush();
        } finally {
            deleteRecursively(scratch);
        }
        return ExitCodes.OK;
    }

    private static void runQueries(TaxonomySearch search, List<Long> nanos) throws Exception {
        for (String[] query : QUERIES) {
            long start = System.nanoTime();
            switch (query[0]) {
                case "occupation" -> search.search(new TaxonomySearch.Request(query[1], true, null, null, 10));
                case "lagging" -> search.search(new TaxonomySearch.Request(query[1], false, null,
                        dev.moravec.model.Quadrant.LAGGING, 10));
                case "family" -> search.search(new TaxonomySearch.Request(query[1], false, "27-0000", null, 10));
                default -> search.search(new TaxonomySearch.Request(query[1], false, null, null, 10));
            }
            if (nanos != null) {
                nanos.add(System.nanoTime() - start);
            }
        }
    }
}

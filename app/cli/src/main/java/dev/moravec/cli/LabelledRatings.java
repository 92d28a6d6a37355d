package dev.moravec.cli;

import dev.moravec.app.Session;
import dev.moravec.evaluation.Join;
import dev.moravec.evaluation.Joined;
import dev.moravec.evaluation.LabelReader;
import dev.moravec.evaluation.LabelSet;
import dev.moravec.evaluation.ScoresReader;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Verdict;
import dev.moravec.scoring.ScorerHandle;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The labels of one command and the verdicts on the labelled tasks, made once: rated by the plugins
 * (the host then stops) or read from a classify output. Every later figure combines these ratings
 * again instead of rating anything twice.
 *
 * @param labels the labels
 * @param joined the labels joined to their verdicts
 * @param config the configuration the ratings were made with ({@code --config}, else the defaults)
 */
record LabelledRatings(LabelSet labels, Joined joined, EngineConfig config) {

    static LabelledRatings load(Moravec moravec, HostMixin host, LabelOptions options, PrintWriter err)
            throws Exception {
        long start = System.nanoTime();
        LabelSet labels = new LabelReader(moravec.mapper).read(options.labels, options.column, options.positive);
        EngineConfig config = host.config(moravec.environment, moravec.mapper);
        Joined joined;
        String how;
        if (options.scores != null) {
            List<Verdict> verdicts = new ScoresReader(moravec.mapper).read(options.scores, config);
            joined = Join.byIdOrStatement(labels.tasks(), verdicts);
            how = "Read " + Format.count(verdicts.size()) + " verdicts from " + options.scores.getFileName()
                    + " and matched " + Format.count(joined.matched().size()) + " of them to the labels";
        } else {
            try (Session session = Session.start(moravec.environment, host.session(), moravec.mapper)) {
                Moravec.warn(err, session.pluginWarnings());
                var engine = session.engine(options.workers());
                joined = Join.classify(labels.tasks(), engine);
                how = "Rated " + Format.count(joined.matched().size()) + " labelled tasks with " + engine.scorers()
                        .stream().map(h -> h.id() + " " + h.info().version()).collect(Collectors.joining(", "));
                reportFailures(err, engine.scorers());
            }
        }
        if (joined.matched().isEmpty()) {
            throw new BadInputException("none of the " + Format.count(labels.tasks().size()) + " labels of "
                    + labels.source() + " matched a verdict by task id or statement: check that the labels and"
                    + (options.scores != null ? " the --scores file" : " their statements") + " describe the same tasks");
        }
        err.printf(Locale.ROOT, "%s in %.1f s.%n", how, (System.nanoTime() - start) / 1e9);
        err.flush();
        return new LabelledRatings(labels, joined, config);
    }

    private static void reportFailures(PrintWriter err, List<ScorerHandle> scorers) {
        for (ScorerHandle scorer : scorers) {
            if (scorer.failedCount() + scorer.timedOutCount() > 0 || scorer.isQuarantined()) {
                err.printf("moravec: warning: scorer %s: %s failed, %s timed out%s; those ratings are missing%n",
                        scorer.id(), Format.count(scorer.failedCount()), Format.count(scorer.timedOutCount()),
                        scorer.isQuarantined() ? "; " + scorer.quarantineReason() : "");
            }
        }
    }
}

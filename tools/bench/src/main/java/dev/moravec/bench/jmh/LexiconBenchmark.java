package dev.moravec.bench.jmh;

import dev.moravec.api.Rating;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.lexicon.LexiconScorer;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The lexicon scorer on one task: analysis (Lucene's English stems), matching the cues, the rating. */
@State(Scope.Thread)
public class LexiconBenchmark extends Benchmarks {

    private static final ScoringContext NO_TAXONOMY = ScoringContext.standalone();

    private LexiconScorer scorer;
    private List<Task> tasks;
    private int next;

    @Setup
    public void setUp() throws Exception {
        scorer = new LexiconScorer(null, "benchmark");
        tasks = Statements.tasks(4096);
    }

    @Benchmark
    public Rating rate() {
        Task task = tasks.get(next);
        next = (next + 1) & 4095;
        return scorer.rate(task, NO_TAXONOMY);
    }
}

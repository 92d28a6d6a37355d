package dev.moravec.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Rating;
import dev.moravec.catalog.CatalogRecord;
import dev.moravec.catalog.JsonLinesVerdictWriter;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.Verdict;
import dev.moravec.scoring.VerdictAggregator;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Writing one output record of three scorers' ratings as JSON Lines, as each batch is rendered. */
@State(Scope.Thread)
public class OutputBenchmark extends Benchmarks {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
    private JsonLinesVerdictWriter writer;
    private CatalogRecord record;
    private Verdict verdict;

    @Setup
    public void setUp() throws Exception {
        writer = new JsonLinesVerdictWriter(bytes, new ObjectMapper());
        record = Statements.records(1).get(0);
        verdict = new VerdictAggregator(EngineConfig.defaults()).combine(record.task(), List.of(
                ScorerOutcome.rated("descriptors", "0.1.0.SNAPSHOT+571247f0", Rating.of(0.28, 0.65, 0.6, List.of(
                        "occupation's skills and knowledge (Mechanical 4.8, Repairing 3.8, Troubleshooting 3.6) -> T 0.39,"
                                + " V 0.60", "32 technology skills (Shop invoicing suite, Parts catalog viewer,"
                                + " ...) and 287 tools (torque wrenches of three sizes, engine hoists, ...) -> T 0.31, V 0.62",
                        "job zone 3 -> T 0.45"))),
                ScorerOutcome.rated("lexicon", "0.1.0.SNAPSHOT", Rating.of(0.21, 0.75, 0.77, List.of(
                        "'Rebuild' -> repair, maintenance and troubleshooting of physical systems",
                        "'parts' -> physical handling and manual work"))),
                ScorerOutcome.rated("semantic", "0.1.0.SNAPSHOT+d3bda819", Rating.of(0.19, 0.76, 0.9, List.of(
                        "learned exposure layer: 0.09, 10% of T beside the exemplars' 0.20 (trained on"
                                + " exposure_labels_dev.tsv, grouped CV AUC 0.8986)",
                        "'Rebuild a diesel engine, fitting pistons, rings and bearings by hand.' (similarity 0.70; T 0.15,"
                                + " V 0.80)",
                        "'Work the floor of an oil drilling rig, handling pipe and reacting to pressure kicks.'"
                                + " (similarity 0.46; T 0.12, V 0.88)")))));
    }

    @Benchmark
    public int writeRecord() throws Exception {
        if (bytes.size() > (1 << 19)) {
            bytes.reset();
        }
        writer.write(record, verdict);
        return bytes.size();
    }
}

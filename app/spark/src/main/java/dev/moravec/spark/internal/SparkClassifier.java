package dev.moravec.spark.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.catalog.OnError;
import dev.moravec.catalog.VerdictJson;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Quadrant;
import dev.moravec.taxonomy.sources.SocLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Classifies a catalog with Spark in one pass over the input: the executors rate the records in batches,
 * one plugin host per executor JVM, and write the verdict records, the rejected records beside them; then
 * the verdicts written are summed per occupation code in Spark SQL, and the driver scores and ranks
 * occupations and families from those sums and writes the summary. Output, under {@code --out}:
 *
 * <pre>
 * verdicts/          the verdict records, Parquet or JSON Lines (part files, as Spark writes them)
 * rejects/           the rejected records, JSON Lines as classify's rejects file, a part file per partition
 * scores/LEVEL.parquet, scores/LEVEL.csv   occupation scores and family rankings at every SOC level
 * summary.json       the counts (read = classified + rejected), the scorers' outcomes, where the time went
 * </pre>
 */
public final class SparkClassifier {

    /** The passes, as job descriptions: the Spark UI and the summary name them so. */
    static final String VERDICTS_PASS = "moravec: rate and write verdicts";
    static final String SCORES_PASS = "moravec: count and rank";

    /** The columns of {@link VerdictRows#SCHEMA} the sums read. */
    private static final StructType SUMMED = summed();

    /**
     * What to classify and how.
     *
     * @param inputs catalog files, folders or globs
     * @param inputFormat their layout, or empty to recognise it
     * @param out the output folder, a path or URI Spark writes to
     * @param layout how the verdict records are written
     * @param overwrite whether an output folder that exists is replaced
     * @param onError stop at the first bad record, or write it to the rejects and go on
     * @param partitions the number of pieces to cut the input into, or {@code null} for Spark's own split
     * @param employment a BLS OEWS national file to weight families by, or {@code null} to weight them equally
     * @param startup how long the driver took from its JVM's start to a running Spark session, for the summary
     */
    public record Request(List<String> inputs, Optional<InputFormat> inputFormat, String out, OutputLayout layout,
            boolean overwrite, OnError onError, Integer partitions, Path employment, Duration startup) {

        /** Copies the inputs. */
        public Request {
            inputs = List.copyOf(inputs);
        }
    }

    private final SparkSession spark;
    private final WorkerSetup setup;
    private final FailFast failFast;
    private final TaskClock clock;
    private final ObjectMapper mapper;

    /**
     * @param spark the session
     * @param setup what the executors start their plugin host with (the kit shipped already)
     * @param failFast the listener that stops a job whose executors cannot run the plugins
     * @param clock the listener that adds up the tasks' times
     * @param mapper the mapper for the summary and the rejects
     */
    public SparkClassifier(SparkSession spark, WorkerSetup setup, FailFast failFast, TaskClock clock,
            ObjectMapper mapper) {
        this.spark = spark;
        this.setup = setup;
        this.failFast = failFast;
        this.clock = clock;
        this.mapper = mapper;
    }

    /**
     * Runs the job.
     *
     * @param request what to classify
     * @return the summary, also written as {@code summary.json}
     * @throws BadInputException if an input is wrong, the output folder exists, or (with
     *     {@link OnError#FAIL}) a record is bad: the message says what to do
     * @throws IOException if the file system fails
     * @throws JobFailedException if the executors cannot run the plugins, or Spark gives up on the job
     */
    public JobSummary run(Request request) throws BadInputException, IOException, JobFailedException {
        long started = System.nanoTime();
        SparkContext context = spark.sparkContext();
        org.apache.hadoop.fs.Path out = new org.apache.hadoop.fs.Path(request.out());
        FileSystem fs = out.getFileSystem(context.hadoopConfiguration());
        prepare(fs, out, request.overwrite());
        CatalogInput input = CatalogInput.open(spark, request.inputs(), request.inputFormat());
        Dataset<Row> rows = request.partitions() == null ? input.rows() : input.rows().repartition(request.partitions());
        JobMeters meters = JobMeters.register(context);
        String rejectsDir = child(out, "rejects");
        String verdictsDir = child(out, "verdicts");

        long t0 = System.nanoTime();
        context.setJobDescription(VERDICTS_PASS);
        OutputLayout layout = request.layout();
        RejectsOutput rejects = new RejectsOutput(rejectsDir, context.hadoopConfiguration());
        try {
            inSpark(() -> {
                var writer = rows.mapPartitions(new RatePartition(setup, input.parser(), layout, meters, rejects,
                        request.onError()), Encoders.row(layout.schema())).write().mode(SaveMode.ErrorIfExists);
                if (layout.partitionBy() != null) {
                    writer = writer.partitionBy(layout.partitionBy());
                }
                if (layout.format() == OutputFormat.PARQUET) {
                    writer.parquet(verdictsDir);
                } else {
                    writer.text(verdictsDir);
                }
            });
        } catch (JobFailedException e) {
            rejects.abort();
            Optional<String> bad = failFast.badRecordMessage(e.getCause());
            if (bad.isPresent()) {
                fs.delete(out, true); // what was written is the verdicts of some pieces of the input: of no use
                throw new BadInputException(bad.get() + ". Fix the record, or run with --on-error skip to rate the"
                        + " others and keep the bad ones in " + rejectsDir);
            }
            throw e;
        }
        rejects.commit();

        long t1 = System.nanoTime();
        context.setJobDescription(SCORES_PASS);
        if (!context.getConf().contains("spark.sql.shuffle.partitions")) {
            // the sums shuffle a row per occupation code from each task: Spark's default of 200 pieces costs more
            // than it saves
            spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(context.defaultParallelism()));
        }
        if (!context.getConf().contains("spark.sql.adaptive.enabled")) {
            // one small aggregation: adaptive execution would run each of its stages as a job of its own
            spark.conf().set("spark.sql.adaptive.enabled", "false");
        }
        List<Row> sums = OccupationSums.byCode(readVerdicts(verdictsDir, layout)).collectAsList();
        long classified = sums.stream().mapToLong(row -> row.<Long>getAs("tasks")).sum();
        long rejected = meters.rejected().value();
        Map<Quadrant, Long> quadrants = OccupationSums.quadrants(sums);
        writeScores(sums, child(out, "scores"), request.employment());
        long t2 = System.nanoTime();
        ObjectNode json = mapper.createObjectNode();
        json.set("inputs", mapper.valueToTree(request.inputs()));
        json.put("inputFormat", input.format().name().toLowerCase(java.util.Locale.ROOT));
        json.put("out", request.out());
        json.put("format", layout.format().name().toLowerCase(java.util.Locale.ROOT));
        json.put("partitionBy", layout.partitionBy());
        json.put("master", context.master());
        json.put("spark", spark.version());
        json.put("partitions", rows.rdd().getNumPartitions());
        json.put("read", meters.read().value());
        json.put("classified", classified);
        json.put("rejected", rejected);
        json.put("reconciles", meters.read().value() == classified + rejected);
        ObjectNode byQuadrant = json.putObject("quadrants");
        quadrants.forEach((q, n) -> byQuadrant.put(q.name(), n));
        json.set("scorers", scorers(meters.outcomes().value()));
        json.set("plugins", mapper.valueToTree(List.copyOf(setup.plugins().keySet())));
        ObjectNode seconds = json.putObject("seconds");
        seconds.put("startup", seconds(request.startup().toNanos()));
        seconds.put("openInput", seconds(t0 - started));
        seconds.put("verdictsPass", seconds(t1 - t0));
        seconds.put("countAndRank", seconds(t2 - t1));
        seconds.put("job", seconds(t2 - started));
        json.set("taskSeconds", taskSeconds(meters));
        JobSummary summary = new JobSummary(meters.read().value(), classified, rejected, quadrants,
                Duration.ofNanos(t2 - started));
        writeSummary(fs, new org.apache.hadoop.fs.Path(out, "summary.json"), json);
        return summary;
    }

    /** Runs a Spark action, turning a failed job into the plugin host's message where that is the reason. */
    private void inSpark(Runnable action) throws JobFailedException {
        try {
            action.run();
        } catch (Exception e) { // Spark's Scala code throws SparkException, a checked exception, undeclared
            Optional<String> plugins = failFast.pluginHostMessage(e);
            throw new JobFailedException(plugins.orElse("Spark gave up on the job: " + rootMessage(e)), plugins.isPresent(),
                    e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        int lineBreak = message.indexOf('\n');
        return lineBreak < 0 ? message : message.substring(0, lineBreak);
    }

    private static void prepare(FileSystem fs, org.apache.hadoop.fs.Path out, boolean overwrite)
            throws IOException, BadInputException {
        if (!fs.exists(out)) {
            return;
        }
        FileStatus status = fs.getFileStatus(out);
        if (status.isDirectory() && fs.listStatus(out).length == 0) {
            fs.delete(out, false);
            return;
        }
        if (!overwrite) {
            throw new BadInputException(out + " exists: choose another --out, or pass --overwrite to replace it");
        }
        fs.delete(out, true);
    }

    private static String child(org.apache.hadoop.fs.Path parent, String name) {
        return new org.apache.hadoop.fs.Path(parent, name).toString();
    }

    /**
     * The verdicts read back for the sums: only the columns they use (occupation, task type, weights, T, V,
     * S and quadrant), so Parquet reads those columns alone and the JSON reader builds nothing else.
     */
    private Dataset<Row> readVerdicts(String verdictsDir, OutputLayout layout) {
        StructType schema = SUMMED;
        if (layout.partitionBy() != null) {
            // a partition column comes from the folder names, not from the part files
            schema = new StructType(java.util.Arrays.stream(SUMMED.fields())
                    .filter(field -> !field.name().equals(layout.partitionBy())).toArray(StructField[]::new));
        }
        var reader = spark.read().schema(schema);
        return layout.format() == OutputFormat.PARQUET ? reader.parquet(verdictsDir) : reader.json(verdictsDir);
    }

    private static StructType summed() {
        StructType schema = new StructType();
        for (StructField field : VerdictRows.SCHEMA.fields()) {
            switch (field.name()) {
                case "occupation", "taskType", VerdictJson.TRANSFERABILITY, VerdictJson.VERIFICATION_COST, VerdictJson.SCORE,
                        VerdictJson.QUADRANT -> schema = schema.add(field.name(), field.dataType(), true);
                case "weights" -> schema = schema.add(field.name(), new StructType().add("importance", DataTypes.DoubleType)
                        .add("relevance", DataTypes.DoubleType), true);
                default -> { }
            }
        }
        return schema;
    }

    private ArrayNode scorers(Map<OutcomeCounts.Outcome, Long> outcomes) {
        ArrayNode scorers = mapper.createArrayNode();
        ObjectNode current = null;
        for (Map.Entry<OutcomeCounts.Outcome, Long> counted : outcomes.entrySet()) {
            OutcomeCounts.Outcome outcome = counted.getKey();
            if (current == null || !current.get("scorer").asText().equals(outcome.scorer())
                    || !current.get("version").asText().equals(outcome.version())) {
                current = scorers.addObject().put("scorer", outcome.scorer()).put("version", outcome.version());
                current.putObject("outcomes");
            }
            ((ObjectNode) current.get("outcomes")).put(outcome.status(), counted.getValue());
        }
        return scorers;
    }

    private void writeScores(List<Row> sums, String scoresDir, Path employment) throws BadInputException, IOException {
        List<String> codes = sums.stream().map(row -> row.<String>getAs("code")).filter(java.util.Objects::nonNull).toList();
        Map<SocLevel, List<Row>> rankings = FamilyRankings.of(sums, OccupationGroups.of(codes, employment));
        for (Map.Entry<SocLevel, List<Row>> ranking : rankings.entrySet()) {
            String name = scoresDir + "/" + ranking.getKey().label();
            Dataset<Row> rows = spark.createDataFrame(ranking.getValue(), FamilyRankings.SCHEMA).coalesce(1);
            rows.write().parquet(name + ".parquet");
            FamilyRankings.flat(rows).write().option("header", "true").csv(name + ".csv");
        }
    }

    private ObjectNode taskSeconds(JobMeters meters) {
        ObjectNode node = mapper.createObjectNode();
        node.put("hostStart", seconds(meters.hostStartNanos().value()));
        node.put("parse", seconds(meters.parseNanos().value()));
        node.put("rate", seconds(meters.rateNanos().value()));
        node.put("render", seconds(meters.renderNanos().value()));
        TaskClock.Times times = clock.of(VERDICTS_PASS);
        ObjectNode of = node.putObject("verdictsPassTasks");
        of.put("tasks", times.tasks());
        of.put("run", times.run() / 1000.0);
        of.put("deserialize", times.deserialize() / 1000.0);
        of.put("serializeResults", times.serializeResults() / 1000.0);
        of.put("gc", times.gc() / 1000.0);
        return node;
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1000.0;
    }

    private void writeSummary(FileSystem fs, org.apache.hadoop.fs.Path file, ObjectNode json) throws IOException {
        try (OutputStream stream = fs.create(file, true)) {
            stream.write((mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}

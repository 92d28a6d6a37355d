package dev.moravec.spark.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.catalog.OnError;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Quadrant;
import dev.moravec.taxonomy.sources.SocLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
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
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Classifies a catalog with Spark, in passes over the input: the first reads every record and writes the
 * rejected ones (it rates nothing); the second rates the records in batches on the executors, one plugin
 * host per executor JVM, and writes the verdict records; then the verdicts are read back to count them,
 * to rank occupations and families in Spark SQL, and to write the summary. Output, under {@code --out}:
 *
 * <pre>
 * verdicts/          the verdict records, Parquet or JSON Lines (part files, as Spark writes them)
 * rejects/           the rejected records, JSON Lines as classify's rejects file
 * scores/LEVEL.parquet, scores/LEVEL.csv   occupation scores and family rankings at every SOC level
 * summary.json       the counts (read = classified + rejected), the scorers' outcomes, where the time went
 * </pre>
 */
public final class SparkClassifier {

    /** The passes, as job descriptions: the Spark UI and the summary name them so. */
    static final String REJECTS_PASS = "moravec: read and reject";
    static final String VERDICTS_PASS = "moravec: rate and write verdicts";
    static final String SCORES_PASS = "moravec: count and rank";

    /** The columns of {@link VerdictRows#SCHEMA} the counts and the rankings read. */
    private static final StructType COUNTED = counted();

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
        context.setJobDescription(REJECTS_PASS);
        inSpark(() -> rows.mapPartitions(new RejectPartition(input.parser(), meters), Encoders.STRING())
                .write().mode(SaveMode.ErrorIfExists).text(rejectsDir));
        long rejected = spark.read().text(rejectsDir).count();
        if (rejected > 0 && request.onError() == OnError.FAIL) {
            throw new BadInputException(firstRejection(rejectsDir) + ". Fix the record, or run with --on-error skip to"
                    + " rate the others and keep the " + rejected + " bad record" + (rejected == 1 ? "" : "s")
                    + " in " + rejectsDir);
        }

        long t1 = System.nanoTime();
        context.setJobDescription(VERDICTS_PASS);
        OutputLayout layout = request.layout();
        inSpark(() -> {
            var writer = rows.mapPartitions(new RatePartition(setup, input.parser(), layout, meters),
                    Encoders.row(layout.schema())).write().mode(SaveMode.ErrorIfExists);
            if (layout.partitionBy() != null) {
                writer = writer.partitionBy(layout.partitionBy());
            }
            if (layout.format() == OutputFormat.PARQUET) {
                writer.parquet(verdictsDir);
            } else {
                writer.text(verdictsDir);
            }
        });

        long t2 = System.nanoTime();
        context.setJobDescription(SCORES_PASS);
        if (!context.getConf().contains("spark.sql.shuffle.partitions")) {
            // the counts and rankings shuffle little: Spark's default of 200 pieces costs more than it saves
            spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(context.defaultParallelism()));
        }
        if (!context.getConf().contains("spark.sql.adaptive.enabled")) {
            // small queries: adaptive execution would run each of their stages as a job of its own
            spark.conf().set("spark.sql.adaptive.enabled", "false");
        }
        Dataset<Row> verdicts = readVerdicts(verdictsDir, layout).cache();
        try {
            long classified = verdicts.count();
            Map<Quadrant, Long> quadrants = quadrants(verdicts);
            writeScores(verdicts, child(out, "scores"), request.employment());
            long t3 = System.nanoTime();
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
            json.set("scorers", scorers(verdicts));
            json.set("plugins", mapper.valueToTree(List.copyOf(setup.plugins().keySet())));
            ObjectNode seconds = json.putObject("seconds");
            seconds.put("startup", seconds(request.startup().toNanos()));
            seconds.put("openInput", seconds(t0 - started));
            seconds.put("rejectsPass", seconds(t1 - t0));
            seconds.put("verdictsPass", seconds(t2 - t1));
            seconds.put("countAndRank", seconds(t3 - t2));
            seconds.put("job", seconds(t3 - started));
            json.set("taskSeconds", taskSeconds(meters));
            JobSummary summary = new JobSummary(meters.read().value(), classified, rejected, quadrants,
                    Duration.ofNanos(t3 - started), json);
            writeSummary(fs, new org.apache.hadoop.fs.Path(out, "summary.json"), json);
            return summary;
        } finally {
            verdicts.unpersist();
        }
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

    private String firstRejection(String rejectsDir) throws IOException {
        JsonNode first = mapper.readTree(spark.read().text(rejectsDir).first().getString(0));
        String line = first.path("line").isNumber() ? ":" + first.get("line").asLong() : "";
        String field = first.path("field").isTextual() ? "field '" + first.get("field").asText() + "': " : "";
        return first.path("source").asText() + line + ": " + field + first.path("reason").asText();
    }

    /**
     * The verdicts read back for the counts and the rankings: only the columns they use (each rating's scorer,
     * version and status; occupation, task type, weights, T, V, S and quadrant), so Parquet reads those
     * columns alone and the JSON reader builds nothing else, and what the pass caches is a few numbers and
     * words per task, not the whole record with its evidence and the input's other columns.
     */
    private Dataset<Row> readVerdicts(String verdictsDir, OutputLayout layout) {
        StructType schema = COUNTED;
        if (layout.partitionBy() != null) {
            // a partition column comes from the folder names, not from the part files
            schema = new StructType(java.util.Arrays.stream(COUNTED.fields())
                    .filter(field -> !field.name().equals(layout.partitionBy())).toArray(StructField[]::new));
        }
        var reader = spark.read().schema(schema);
        return layout.format() == OutputFormat.PARQUET ? reader.parquet(verdictsDir) : reader.json(verdictsDir);
    }

    private static StructType counted() {
        StructType schema = new StructType();
        for (StructField field : VerdictRows.SCHEMA.fields()) {
            switch (field.name()) {
                case "id", "statement", "fields" -> { }
                case "weights" -> schema = schema.add(field.name(), new StructType().add("importance", DataTypes.DoubleType)
                        .add("relevance", DataTypes.DoubleType), true);
                case "ratings" -> schema = schema.add(field.name(), DataTypes.createArrayType(new StructType()
                        .add("scorer", DataTypes.StringType).add("version", DataTypes.StringType)
                        .add("status", DataTypes.StringType), false), true);
                default -> schema = schema.add(field.name(), field.dataType(), true);
            }
        }
        return schema;
    }

    private static Map<Quadrant, Long> quadrants(Dataset<Row> verdicts) {
        Map<Quadrant, Long> quadrants = new EnumMap<>(Quadrant.class);
        for (Quadrant q : Quadrant.values()) {
            quadrants.put(q, 0L);
        }
        for (Row row : verdicts.groupBy("quadrant").count().collectAsList()) {
            quadrants.put(Quadrant.valueOf(row.getString(0)), row.getLong(1));
        }
        return quadrants;
    }

    private ArrayNode scorers(Dataset<Row> verdicts) {
        List<Row> rows = verdicts.select(functions.explode(functions.col("ratings")).as("r"))
                .groupBy("r.scorer", "r.version", "r.status").count()
                .orderBy("scorer", "version", "status").collectAsList();
        ArrayNode scorers = mapper.createArrayNode();
        ObjectNode current = null;
        for (Row row : rows) {
            if (current == null || !current.get("scorer").asText().equals(row.getString(0))
                    || !current.get("version").asText().equals(row.getString(1))) {
                current = scorers.addObject().put("scorer", row.getString(0)).put("version", row.getString(1));
                current.putObject("outcomes");
            }
            ((ObjectNode) current.get("outcomes")).put(row.getString(2), row.getLong(3));
        }
        return scorers;
    }

    private void writeScores(Dataset<Row> verdicts, String scoresDir, Path employment)
            throws BadInputException, IOException {
        List<String> codes = new ArrayList<>();
        for (Row row : verdicts.select(functions.col("occupation.code")).where(functions.col("occupation.code").isNotNull())
                .distinct().collectAsList()) {
            codes.add(row.getString(0));
        }
        Aggregations aggregations = new Aggregations(spark, verdicts, OccupationGroups.of(spark, codes, employment));
        try {
            for (Map.Entry<SocLevel, Dataset<Row>> ranking : aggregations.rankings().entrySet()) {
                String name = scoresDir + "/" + ranking.getKey().label();
                Dataset<Row> rows = ranking.getValue().coalesce(1);
                rows.write().parquet(name + ".parquet");
                Aggregations.flat(rows).write().option("header", "true").csv(name + ".csv");
            }
        } finally {
            aggregations.close();
        }
    }

    private ObjectNode taskSeconds(JobMeters meters) {
        ObjectNode node = mapper.createObjectNode();
        node.put("hostStart", seconds(meters.hostStartNanos().value()));
        node.put("parse", seconds(meters.parseNanos().value()));
        node.put("rate", seconds(meters.rateNanos().value()));
        node.put("render", seconds(meters.renderNanos().value()));
        for (String pass : List.of(REJECTS_PASS, VERDICTS_PASS)) {
            TaskClock.Times times = clock.of(pass);
            ObjectNode of = node.putObject(pass.equals(VERDICTS_PASS) ? "verdictsPassTasks" : "rejectsPassTasks");
            of.put("tasks", times.tasks());
            of.put("run", times.run() / 1000.0);
            of.put("deserialize", times.deserialize() / 1000.0);
            of.put("serializeResults", times.serializeResults() / 1000.0);
            of.put("gc", times.gc() / 1000.0);
        }
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

package dev.moravec.semantic;

import dev.moravec.api.Axis;
import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.Embedder;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.ScoringException;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import dev.moravec.api.VerificationMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Rates a task from the exemplars nearest to it in meaning: the task statement is embedded with the
 * host's {@link Embedder}, compared with every exemplar (task statements written for Moravec with
 * transferability and verification cost targets), and the targets of the nearest ones are averaged,
 * each weighted by its similarity raised to a power, so close exemplars count far more than distant
 * ones. Confidence follows the similarity of the nearest exemplars. Evidence cites them. Each exemplar
 * also names how an attempt at it is checked (a {@link VerificationMode}) and the bottleneck factors that
 * hold it back: the task gets the mode with the most similarity weight behind it, and each factor as the
 * similarity-weighted mean of the neighbours' strengths (a neighbour that does not name it counting 0),
 * with the neighbours that raise it most as evidence.
 *
 * <p>A learned layer rates transferability: a logistic regression from the embedding to the
 * probability of a positive reference label, fitted by {@code moravec train semantic} on exposure
 * labels (a proxy for transferability). Transferability blends the layer's probability with the
 * exemplars' targets: the closer the nearest exemplars (the higher the neighbours' confidence), the
 * more they say, since they were written for exactly the cases where exposure and transferability
 * part (software operated through screens, work that needs taste); where no exemplar is close, the
 * layer says most. The setting {@code learnedWeight} scales the layer's share. Verification cost
 * always comes from the exemplars: the learned layer never touches it, so it cannot erase that axis,
 * and without a model both axes come from the exemplars.
 *
 * <p>Settings ({@code scorers.semantic.settings} in the configuration, declared in {@link Settings}):
 * {@code exemplars}, {@code neighbours}, {@code model} and {@code learnedWeight}.
 */
@Component(service = TaskScorer.class, configurationPid = TaskScorer.SETTINGS_PID_PREFIX + "semantic")
@Designate(ocd = SemanticScorer.Settings.class)
public final class SemanticScorer implements TaskScorer {

    /** The semantic scorer's settings. */
    @ObjectClassDefinition(name = "Semantic scorer",
            description = "Rates tasks from the exemplar tasks nearest to them in meaning, with a learned layer for transferability.")
    public @interface Settings {
        /** @return a replacement exemplar file in the layout of the built-in exemplars.tsv; empty for the built-in one */
        @AttributeDefinition(description = "an exemplar file in the layout of the built-in exemplars.tsv; empty for the built-in exemplars")
        String exemplars() default "";

        /** @return how many of the nearest exemplars are averaged */
        @AttributeDefinition(description = "how many of the nearest exemplars are averaged, 1 to 100", min = "1", max = "100")
        int neighbours() default DEFAULT_NEIGHBOURS;

        /** @return a model file from {@code moravec train semantic}, {@code none} for no layer, empty for the built-in model */
        @AttributeDefinition(description = "the learned layer: a model file from 'moravec train semantic', none to rate from the exemplars alone, empty for the built-in model")
        String model() default "";

        /** @return the learned layer's share of transferability where no exemplar is close, 0 to 1 */
        @AttributeDefinition(description = "the learned layer's share of transferability where no exemplar is close, 0 to 1", min = "0", max = "1")
        double learnedWeight() default DEFAULT_LEARNED_WEIGHT;
    }

    private static final String BUILT_IN = "exemplars.tsv";
    private static final String BUILT_IN_MODEL = "exposure-model.json";
    static final double DEFAULT_LEARNED_WEIGHT = 1.0;
    static final int DEFAULT_NEIGHBOURS = 8;
    private static final double SHARPNESS = 6.0;
    private static final int EVIDENCE = 3;
    /** Factors the neighbours raise less than this are not reported. */
    private static final double MIN_FACTOR = 0.05;
    /** The longest exemplar statement quoted in the evidence of a factor or mode. */
    private static final int FACTOR_STATEMENT = 120;

    private final Embedder embedder;
    private final Exemplars exemplars;
    private final int neighbours;
    private final LearnedLayer learned;
    private final double learnedWeight;
    private final ScorerInfo info;

    /**
     * Activated by Declarative Services once the host's embedder is there.
     *
     * @param context the bundle's context, for its version
     * @param embedder the host's embedder
     * @param settings the scorer's settings, checked against their declared ranges by the host
     * @throws IOException if the exemplar file cannot be read
     */
    @Activate
    public SemanticScorer(BundleContext context, @Reference Embedder embedder, Settings settings) throws IOException {
        this(embedder, settings.exemplars(), settings.neighbours(), settings.model(), settings.learnedWeight(),
                context.getBundle().getVersion().toString());
    }

    /**
     * A scorer outside OSGi, for tests and tools.
     *
     * @param embedder the embedder
     * @param exemplarFile a replacement exemplar file, or {@code null} for the built-in exemplars
     * @param neighbours how many exemplars are averaged
     * @param modelFile a learned layer's model file, {@code none} for no layer, or {@code null} for the built-in one
     * @param learnedWeight the learned layer's share of transferability, 0 to 1
     * @param version the version to report, before the fingerprint of the exemplars and model
     * @throws IOException if the exemplar or model file cannot be read or does not fit the embedder
     */
    public SemanticScorer(Embedder embedder, String exemplarFile, int neighbours, String modelFile, double learnedWeight,
            String version) throws IOException {
        this.embedder = embedder;
        this.neighbours = neighbours;
        this.learnedWeight = learnedWeight;
        byte[] exemplarBytes = read(exemplarFile, BUILT_IN, "exemplars");
        this.exemplars = Exemplars.read(new ByteArrayInputStream(exemplarBytes), source(exemplarFile, BUILT_IN), embedder);
        byte[] modelBytes = "none".equalsIgnoreCase(modelFile) ? new byte[0] : read(modelFile, BUILT_IN_MODEL, "model");
        this.learned = modelBytes.length == 0 ? null
                : LearnedLayer.read(modelBytes, source(modelFile, BUILT_IN_MODEL), embedder);
        // the version carries the fingerprint of exemplars and model, so stored verdicts are redone when they change
        byte[] both = java.util.Arrays.copyOf(exemplarBytes, exemplarBytes.length + modelBytes.length);
        System.arraycopy(modelBytes, 0, both, exemplarBytes.length, modelBytes.length);
        String weight = learned == null ? "" : "|" + learnedWeight;
        this.info = new ScorerInfo("semantic", version + "+" + sha256(both, embedder.modelId() + weight).substring(0, 8),
                "the targets of the nearest of " + exemplars.all().size() + " exemplar tasks in meaning ("
                        + embedder.modelId() + " embeddings)" + (learned == null ? ""
                                : ", with a learned exposure layer for transferability"),
                EnumSet.allOf(Axis.class));
    }

    private static byte[] read(String file, String builtIn, String setting) throws IOException {
        if (file == null || file.isBlank()) {
            try (InputStream in = SemanticScorer.class.getResourceAsStream(builtIn)) {
                return in.readAllBytes();
            }
        }
        Path path = Path.of(file);
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IOException("cannot read the " + setting + " file " + path.toAbsolutePath()
                    + " named by scorers.semantic.settings." + setting + ": " + e.getMessage(), e);
        }
    }

    private static String source(String file, String builtIn) {
        return file == null || file.isBlank() ? builtIn : file;
    }

    private static String sha256(byte[] bytes, String model) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(model.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public ScorerInfo info() {
        return info;
    }

    @Override
    public Rating rate(Task task, ScoringContext context) throws ScoringException {
        return rateAll(List.of(task), context).get(0);
    }

    @Override
    public List<Rating> rateAll(List<Task> tasks, ScoringContext context) throws ScoringException {
        List<float[]> vectors;
        try {
            vectors = embedder.embedAll(tasks.stream().map(Task::statement).toList());
        } catch (RuntimeException e) {
            throw new ScoringException("the embedder failed: " + e.getMessage(), e);
        }
        List<Rating> ratings = new ArrayList<>(tasks.size());
        for (float[] vector : vectors) {
            ratings.add(learned == null ? rate(vector) : withLearnedLayer(rate(vector), vector));
        }
        return ratings;
    }

    private Rating rate(float[] vector) {
        List<Exemplars.Neighbour> nearest = exemplars.nearest(vector, neighbours);
        double tSum = 0;
        double vSum = 0;
        double weights = 0;
        double[] weightOf = new double[nearest.size()];
        Map<VerificationMode, Double> votes = new EnumMap<>(VerificationMode.class);
        Map<BottleneckFactor, Double> raised = new EnumMap<>(BottleneckFactor.class);
        for (int i = 0; i < nearest.size(); i++) {
            Exemplars.Exemplar exemplar = nearest.get(i).exemplar();
            double w = Math.pow(Math.max(0, nearest.get(i).similarity()), SHARPNESS);
            weightOf[i] = w;
            tSum += w * exemplar.t();
            vSum += w * exemplar.v();
            weights += w;
            if (exemplar.mode() != null) {
                votes.merge(exemplar.mode(), w, Double::sum);
            }
            exemplar.factors().forEach((factor, strength) -> raised.merge(factor, w * strength, Double::sum));
        }
        double top = nearest.isEmpty() ? 0 : nearest.get(0).similarity();
        if (weights == 0 || top < 0.15) {
            return Rating.abstain("no exemplar is similar in meaning (nearest similarity "
                    + String.format(Locale.ROOT, "%.2f", top) + ")");
        }
        // similarities of unrelated sentences sit near 0.2, of paraphrases above 0.8
        double confidence = Math.max(0.05, Math.min(0.95, (top - 0.25) / 0.5));
        List<String> evidence = new ArrayList<>(EVIDENCE + 1);
        for (Exemplars.Neighbour neighbour : nearest.subList(0, Math.min(EVIDENCE, nearest.size()))) {
            Exemplars.Exemplar e = neighbour.exemplar();
            evidence.add(String.format(Locale.ROOT, "'%s' (similarity %.2f; T %.2f, V %.2f%s)", shortened(e.statement(), 180),
                    neighbour.similarity(), e.t(), e.v(), e.mode() == null ? "" : ", " + e.mode()));
        }
        Optional<VerificationMode> mode = strongestVote(votes);
        if (mode.isPresent()) {
            double share = votes.get(mode.get()) / weights;
            evidence.add(String.format(Locale.ROOT, "verification %s: %.0f%% of the nearest exemplars' weight, the nearest"
                    + " being '%s'", mode.get(), 100 * share, shortened(first(nearest, e -> e.mode() == mode.get()), FACTOR_STATEMENT)));
        }
        List<Bottleneck> bottlenecks = new ArrayList<>();
        final double total = weights;
        raised.forEach((factor, sum) -> {
            double strength = Math.min(1, sum / total);
            if (strength >= MIN_FACTOR) {
                bottlenecks.add(Bottleneck.of(factor, strength, factorEvidence(nearest, weightOf, factor)));
            }
        });
        bottlenecks.sort(Comparator.comparingDouble(Bottleneck::strength).reversed());
        Rating rating = Rating.of(tSum / weights, vSum / weights, confidence, evidence).withBottlenecks(bottlenecks);
        return mode.isPresent() ? rating.withVerification(mode.get()) : rating;
    }

    /** The mode with the most similarity weight behind it; of equal ones, the cheaper. */
    private static Optional<VerificationMode> strongestVote(Map<VerificationMode, Double> votes) {
        // an EnumMap runs cheapest first, and max keeps the first of equals
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    private static String first(List<Exemplars.Neighbour> nearest, java.util.function.Predicate<Exemplars.Exemplar> which) {
        return nearest.stream().map(Exemplars.Neighbour::exemplar).filter(which).findFirst().orElseThrow().statement();
    }

    /** The neighbours that raise a factor most, such as {@code 'Lift and ...' (similarity 0.71; EMBODIMENT 0.95)}. */
    private static String factorEvidence(List<Exemplars.Neighbour> nearest, double[] weightOf, BottleneckFactor factor) {
        List<Integer> raising = new ArrayList<>();
        for (int i = 0; i < nearest.size(); i++) {
            if (nearest.get(i).exemplar().factors().containsKey(factor)) {
                raising.add(i);
            }
        }
        raising.sort(Comparator.comparingDouble((Integer i) -> weightOf[i] * nearest.get(i).exemplar().factors().get(factor))
                .reversed());
        List<String> parts = new ArrayList<>();
        for (int i : raising.subList(0, Math.min(2, raising.size()))) {
            Exemplars.Neighbour neighbour = nearest.get(i);
            parts.add(String.format(Locale.ROOT, "'%s' (similarity %.2f; %s %.2f)",
                    shortened(neighbour.exemplar().statement(), FACTOR_STATEMENT),
                    neighbour.similarity(), factor, neighbour.exemplar().factors().get(factor)));
        }
        String reason = "like " + String.join(" and ", parts);
        return reason.length() <= Rating.MAX_EVIDENCE_LENGTH ? reason
                : reason.substring(0, Rating.MAX_EVIDENCE_LENGTH - 3) + "...";
    }

    private static String shortened(String statement, int length) {
        return statement.length() > length ? statement.substring(0, length - 3) + "..." : statement;
    }

    private Rating withLearnedLayer(Rating neighbours, float[] vector) {
        double probability = learned.probability(vector);
        List<String> evidence = new ArrayList<>();
        if (neighbours.isAbstention()) {
            evidence.add(String.format(Locale.ROOT, "learned exposure layer: %.2f (%s)", probability, learned.summary()));
            evidence.addAll(neighbours.evidence());
            return Rating.ofTransferability(probability, 0.3, evidence);
        }
        // close exemplars take over from the layer in proportion to the neighbours' confidence
        double share = learnedWeight * (1 - neighbours.confidence());
        double t = (1 - share) * neighbours.transferability().getAsDouble() + share * probability;
        evidence.add(String.format(Locale.ROOT, "learned exposure layer: %.2f, %.0f%% of T beside the exemplars' %.2f (%s)",
                probability, 100 * share, neighbours.transferability().getAsDouble(), learned.summary()));
        evidence.addAll(neighbours.evidence());
        Rating rating = Rating.of(t, neighbours.verificationCost().getAsDouble(), neighbours.confidence(), evidence)
                .withBottlenecks(neighbours.bottlenecks());
        return neighbours.verification().map(rating::withVerification).orElse(rating);
    }

    /** @return the number of exemplars, for reports */
    public int exemplarCount() {
        return exemplars.all().size();
    }

    /** @return the exemplars, for tests */
    List<Exemplars.Exemplar> exemplars() {
        return exemplars.all();
    }

    /** @return each exemplar's targets by statement, for tests */
    Map<String, double[]> targets() {
        Map<String, double[]> targets = new java.util.LinkedHashMap<>();
        exemplars.all().forEach(e -> targets.put(e.statement(), new double[] {e.t(), e.v()}));
        return targets;
    }
}

package dev.moravec.lexicon;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Axis;
import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Rates a task from the cues of a lexicon found in its statement. Each cue signals a category of
 * work with a transferability and/or verification cost, the way an attempt at it is checked (a
 * {@link VerificationMode}) and the bottleneck factors it raises; the rating is the mean of the
 * categories found, weighted by the cues' weights (the statement's first word counting more), the
 * mode is the one with the most cue weight behind it, each factor's strength is the weighted mean of
 * what the cues say of it (a cue whose category does not name it counts as 0), and the confidence
 * grows with the total weight of the cues. With no cue it abstains.
 *
 * <p>The lexicon is the built-in {@code lexicon.json} unless the setting {@code file}
 * ({@code scorers.lexicon.settings.file} in the configuration) names another file in the same format.
 */
@Component(service = TaskScorer.class, configurationPid = TaskScorer.SETTINGS_PID_PREFIX + "lexicon")
@Designate(ocd = LexiconScorer.Settings.class)
public final class LexiconScorer implements TaskScorer {

    /** The lexicon scorer's settings. */
    @ObjectClassDefinition(name = "Lexicon scorer", description = "Rates tasks from the cues of a lexicon found in their statements.")
    public @interface Settings {
        /**
         * @return a lexicon file in the layout of the built-in lexicon.json; empty for the built-in one
         */
        @AttributeDefinition(description = "a lexicon file in the layout of the built-in lexicon.json; empty for the built-in lexicon")
        String file() default "";
    }

    private static final String BUILT_IN = "lexicon.json";
    private static final int MAX_EVIDENCE = 5;
    private static final double MAX_CONFIDENCE = 0.95;
    /** Factors the cues raise less than this are not reported. */
    private static final double MIN_FACTOR = 0.05;

    private final Lexicon lexicon;
    private final ScorerInfo info;

    /**
     * Activated by Declarative Services: the built-in lexicon, or the file the settings name.
     *
     * @param context the bundle's context, for its version
     * @param settings the scorer's settings
     * @throws LexiconException if the lexicon file is invalid
     * @throws IOException if the lexicon file cannot be read
     */
    @Activate
    public LexiconScorer(BundleContext context, Settings settings) throws LexiconException, IOException {
        this(settings.file(), context.getBundle().getVersion().toString());
    }

    /**
     * A scorer outside OSGi, for tests and tools.
     *
     * @param file a lexicon file, or {@code null} for the built-in lexicon
     * @param version the version to report
     * @throws LexiconException if the lexicon file is invalid
     * @throws IOException if the lexicon file cannot be read
     */
    public LexiconScorer(String file, String version) throws LexiconException, IOException {
        byte[] bytes;
        String source;
        if (file == null || file.isBlank()) {
            try (InputStream in = LexiconScorer.class.getResourceAsStream(BUILT_IN)) {
                bytes = in.readAllBytes();
            }
            source = BUILT_IN;
        } else {
            Path path = Path.of(file);
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw new IOException("cannot read the lexicon file " + path.toAbsolutePath()
                        + " named by scorers.lexicon.settings.file: " + e.getMessage(), e);
            }
            source = path.toString();
        }
        this.lexicon = Lexicon.read(new ByteArrayInputStream(bytes), source, new ObjectMapper());
        // the version carries the lexicon's fingerprint, so stored verdicts are redone when the cues change
        this.info = info(version + "+" + sha256(bytes).substring(0, 8));
    }

    private static ScorerInfo info(String version) {
        return new ScorerInfo("lexicon", version,
                "cue words for physical, interpersonal, creative, textual and checkable work, matched on stems",
                EnumSet.allOf(Axis.class));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public ScorerInfo info() {
        return info;
    }

    @Override
    public Rating rate(Task task, ScoringContext context) {
        List<Lexicon.Match> matches = lexicon.match(task.statement());
        if (matches.isEmpty()) {
            return Rating.abstain("no lexicon cue matched");
        }
        double tSum = 0;
        double tWeight = 0;
        double vSum = 0;
        double vWeight = 0;
        double total = 0;
        Map<String, Double> evidence = new LinkedHashMap<>();
        Map<BottleneckFactor, Raised> factors = new EnumMap<>(BottleneckFactor.class);
        Map<VerificationMode, Raised> modes = new EnumMap<>(VerificationMode.class);
        for (Lexicon.Match match : matches) {
            double weight = match.weight() * (match.position() == 0 ? lexicon.leadingWordWeight() : 1.0);
            Lexicon.Category category = match.category();
            OptionalDouble t = category.transferability();
            OptionalDouble v = category.verificationCost();
            if (t.isPresent()) {
                tSum += weight * t.getAsDouble();
                tWeight += weight;
            }
            if (v.isPresent()) {
                vSum += weight * v.getAsDouble();
                vWeight += weight;
            }
            total += weight;
            evidence.merge("'" + match.surface() + "' -> " + category.name(), weight, Double::sum);
            category.factors().forEach((factor, strength) ->
                    factors.computeIfAbsent(factor, f -> new Raised()).add(match, weight * strength));
            category.mode().ifPresent(mode -> modes.computeIfAbsent(mode, m -> new Raised()).add(match, weight));
        }
        double confidence = Math.min(MAX_CONFIDENCE, 1 - Math.exp(-total / lexicon.confidenceScale()));
        List<String> reasons = new ArrayList<>(strongestFirst(evidence).stream().limit(MAX_EVIDENCE).map(LexiconScorer::cut)
                .toList());
        Optional<VerificationMode> mode = mode(modes);
        mode.ifPresent(m -> reasons.add(cut("verification " + m + ": " + modes.get(m).cues())));
        Rating rating = new Rating(
                tWeight > 0 ? OptionalDouble.of(tSum / tWeight) : OptionalDouble.empty(),
                vWeight > 0 ? OptionalDouble.of(vSum / vWeight) : OptionalDouble.empty(),
                confidence,
                reasons).withBottlenecks(bottlenecks(factors, total));
        return mode.isPresent() ? rating.withVerification(mode.get()) : rating;
    }

    /**
     * Each factor's strength is the weighted mean of the strengths the matched cues' categories give it, a
     * cue whose category does not name the factor counting as 0: so one passing cue among many raises a
     * factor little. Factors weaker than {@link #MIN_FACTOR} are left out.
     */
    private static List<Bottleneck> bottlenecks(Map<BottleneckFactor, Raised> factors, double total) {
        List<Bottleneck> bottlenecks = new ArrayList<>();
        factors.forEach((factor, raised) -> {
            double strength = Math.min(1, raised.sum / total);
            if (strength >= MIN_FACTOR) {
                bottlenecks.add(Bottleneck.of(factor, strength, cut(raised.cues())));
            }
        });
        bottlenecks.sort(Comparator.comparingDouble(Bottleneck::strength).reversed());
        return bottlenecks;
    }

    /** The mode with the most cue weight behind it; of equal ones, the cheaper. */
    private static Optional<VerificationMode> mode(Map<VerificationMode, Raised> modes) {
        // an EnumMap runs cheapest first, and max keeps the first of equals
        return modes.entrySet().stream().max(Comparator.comparingDouble(e -> e.getValue().sum)).map(Map.Entry::getKey);
    }

    private static List<String> strongestFirst(Map<String, Double> weights) {
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(weights.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        return ranked.stream().map(Map.Entry::getKey).toList();
    }

    private static String cut(String reason) {
        return reason.length() > Rating.MAX_EVIDENCE_LENGTH ? reason.substring(0, Rating.MAX_EVIDENCE_LENGTH - 3) + "..."
                : reason;
    }

    /** What raised a factor or voted for a mode: the summed weight, and the cues by category. */
    private static final class Raised {
        double sum;
        final Map<String, Map<String, Double>> byCategory = new LinkedHashMap<>();

        void add(Lexicon.Match match, double weight) {
            sum += weight;
            byCategory.computeIfAbsent(match.category().name(), c -> new LinkedHashMap<>())
                    .merge("'" + match.surface() + "'", weight, Double::sum);
        }

        /** @return the cues, heaviest category first, such as {@code 'lift', 'carry' -> physical handling} */
        String cues() {
            Map<String, Double> categories = new LinkedHashMap<>();
            byCategory.forEach((category, cues) -> categories.put(category,
                    cues.values().stream().mapToDouble(Double::doubleValue).sum()));
            List<String> parts = new ArrayList<>();
            for (String category : strongestFirst(categories)) {
                parts.add(String.join(", ", strongestFirst(byCategory.get(category))) + " -> " + category);
            }
            return String.join("; ", parts);
        }
    }
}

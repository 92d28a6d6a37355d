package dev.moravec.lexicon;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Rates a task from the cues of a lexicon found in its statement. Each cue signals a category of
 * work with a transferability and/or verification cost; the rating is the mean of the categories
 * found, weighted by the cues' weights (the statement's first word counting more), and the
 * confidence grows with the total weight of the cues. With no cue it abstains.
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
        ObjectMapper mapper = new ObjectMapper();
        if (file == null || file.isBlank()) {
            try (InputStream in = LexiconScorer.class.getResourceAsStream(BUILT_IN)) {
                this.lexicon = Lexicon.read(in, BUILT_IN, mapper);
            }
            this.info = info(version);
        } else {
            Path path = Path.of(file);
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw new IOException("cannot read the lexicon file " + path.toAbsolutePath()
                        + " named by scorers.lexicon.settings.file: " + e.getMessage(), e);
            }
            this.lexicon = Lexicon.read(new java.io.ByteArrayInputStream(bytes), path.toString(), mapper);
            this.info = info(version + "+" + sha256(bytes).substring(0, 8));
        }
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
        }
        double confidence = Math.min(MAX_CONFIDENCE, 1 - Math.exp(-total / lexicon.confidenceScale()));
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(evidence.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        List<String> reasons = ranked.stream().limit(MAX_EVIDENCE).map(Map.Entry::getKey)
                .map(r -> r.length() > Rating.MAX_EVIDENCE_LENGTH ? r.substring(0, Rating.MAX_EVIDENCE_LENGTH) : r)
                .toList();
        return new Rating(
                tWeight > 0 ? OptionalDouble.of(tSum / tWeight) : OptionalDouble.empty(),
                vWeight > 0 ? OptionalDouble.of(vSum / vWeight) : OptionalDouble.empty(),
                confidence,
                reasons);
    }
}

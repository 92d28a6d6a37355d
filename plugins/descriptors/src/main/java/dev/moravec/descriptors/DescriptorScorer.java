package dev.moravec.descriptors;

import dev.moravec.api.Axis;
import dev.moravec.api.OccupationDescriptor;
import dev.moravec.api.OccupationProfile;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import dev.moravec.api.TaxonomyView;
import dev.moravec.api.WorkActivity;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Rates a task from what O*NET records about it, through the host's taxonomy view: the task's work
 * activities (each intermediate activity the mapping lists, else its generalized activity) are its
 * own evidence; its occupation's skills and knowledge (those rated important enough, each weighted by
 * its importance) and job zone are context with less weight. The mapping is a replaceable resource.
 * It abstains on tasks the taxonomy does not link.
 *
 * <p>Setting: {@code mapping} ({@code scorers.descriptors.settings.mapping}), a replacement mapping
 * file in the layout of the built-in {@code descriptors.json}.
 */
@Component(service = TaskScorer.class, configurationPid = TaskScorer.SETTINGS_PID_PREFIX + "descriptors")
@Designate(ocd = DescriptorScorer.Settings.class)
public final class DescriptorScorer implements TaskScorer {

    /** The descriptor scorer's settings. */
    @ObjectClassDefinition(name = "Descriptor scorer", description = "Rates tasks from what O*NET records about them and their occupations.")
    public @interface Settings {
        /**
         * @return a mapping file in the layout of the built-in descriptors.json; empty for the built-in one
         */
        @AttributeDefinition(description = "a mapping of O*NET descriptors in the layout of the built-in descriptors.json; empty for the built-in mapping")
        String mapping() default "";
    }

    private static final String BUILT_IN = "descriptors.json";

    private final DescriptorMapping mapping;
    private final ScorerInfo info;

    /**
     * Activated by Declarative Services.
     *
     * @param context the bundle's context, for its version
     * @param settings the scorer's settings
     * @throws IOException if the mapping cannot be read
     */
    @Activate
    public DescriptorScorer(BundleContext context, Settings settings) throws IOException {
        this(settings.mapping(), context.getBundle().getVersion().toString());
    }

    /**
     * A scorer outside OSGi, for tests and tools.
     *
     * @param mappingFile a replacement mapping, or {@code null} for the built-in one
     * @param version the version to report, before the mapping's fingerprint
     * @throws IOException if the mapping cannot be read
     */
    public DescriptorScorer(String mappingFile, String version) throws IOException {
        byte[] bytes;
        if (mappingFile == null || mappingFile.isBlank()) {
            try (InputStream in = DescriptorScorer.class.getResourceAsStream(BUILT_IN)) {
                bytes = in.readAllBytes();
            }
        } else {
            try {
                bytes = Files.readAllBytes(Path.of(mappingFile));
            } catch (IOException e) {
                throw new IOException("cannot read the mapping file " + Path.of(mappingFile).toAbsolutePath()
                        + " named by scorers.descriptors.settings.mapping: " + e.getMessage(), e);
            }
        }
        this.mapping = DescriptorMapping.read(bytes, mappingFile == null ? BUILT_IN : mappingFile);
        this.info = new ScorerInfo("descriptors", version + "+" + sha256(bytes).substring(0, 8),
                "O*NET work activities of the task, and skills, knowledge and job zone of its occupation",
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

    /**
     * One piece of evidence: where it puts the task, with what weight, and how to say so.
     *
     * @param own whether it is the task's own (a work activity) rather than its occupation's
     * @param evidence the text and where it puts the task, as the rating's evidence says it
     */
    private record Signal(boolean own, Double t, Double v, double weight, String evidence) {
        Signal(boolean own, String text, Double t, Double v, double weight) {
            this(own, t, v, weight, text + " -> " + axes(t, v));
        }
    }

    /**
     * What an occupation says about every task of it, worked out once: its signals, and the rating of a
     * task the taxonomy links to no activity of the mapping, which these signals alone make. Kept with
     * the profile it comes from, so a different taxonomy's profile of the same code is worked out anew.
     */
    private record OccupationEvidence(OccupationProfile profile, List<Signal> signals, Rating alone) {}

    /** By occupation code; as many entries as the taxonomy has occupations. */
    private final Map<String, OccupationEvidence> occupations = new ConcurrentHashMap<>();

    @Override
    public Rating rate(Task task, ScoringContext context) {
        Optional<TaxonomyView> taxonomy = context.taxonomy();
        if (taxonomy.isEmpty()) {
            return Rating.abstain("no taxonomy is imported, so no O*NET descriptors are known");
        }
        List<Signal> signals = new ArrayList<>();
        List<WorkActivity> activities = taxonomy.get().activities(task);
        for (WorkActivity activity : activities) {
            DescriptorMapping.Position position = mapping.intermediate(activity.iwaId());
            String name = position != null ? activity.iwaTitle() : activity.gwaTitle();
            if (position == null && activity.gwaId() != null) {
                position = mapping.generalizedActivities().get(activity.gwaId());
            }
            if (position != null) {
                signals.add(new Signal(true, "activity '" + strip(name != null ? name : activity.dwaTitle()) + "' (DWA '"
                        + strip(activity.dwaTitle()) + "')", position.t(), position.v(), mapping.weights().activity()));
            }
        }
        Optional<OccupationProfile> profile = task.occupation().flatMap(taxonomy.get()::occupation);
        if (profile.isPresent()) {
            OccupationEvidence occupation = occupation(profile.get());
            if (signals.isEmpty()) {
                return occupation.alone();
            }
            signals.addAll(occupation.signals());
        }
        if (signals.isEmpty()) {
            return Rating.abstain(activities.isEmpty()
                    ? "the taxonomy links neither the task nor its occupation"
                    : "none of the task's descriptors is in the mapping");
        }
        return rating(signals);
    }

    private OccupationEvidence occupation(OccupationProfile profile) {
        OccupationEvidence known = occupations.get(profile.code());
        if (known != null && known.profile() == profile) {
            return known;
        }
        List<Signal> signals = new ArrayList<>();
        addOccupation(profile, signals);
        OccupationEvidence evidence = new OccupationEvidence(profile, List.copyOf(signals), signals.isEmpty()
                ? Rating.abstain("none of the task's descriptors is in the mapping") : rating(signals));
        occupations.put(profile.code(), evidence);
        return evidence;
    }

    private static Rating rating(List<Signal> signals) {
        double tSum = 0;
        double tWeight = 0;
        double vSum = 0;
        double vWeight = 0;
        long own = 0;
        for (Signal signal : signals) {
            if (signal.t() != null) {
                tSum += signal.weight() * signal.t();
                tWeight += signal.weight();
            }
            if (signal.v() != null) {
                vSum += signal.weight() * signal.v();
                vWeight += signal.weight();
            }
            if (signal.own()) {
                own++;
            }
        }
        // a task's own activities say the most; occupation context alone is a weak guess
        double confidence = own == 0 ? 0.3 : Math.min(0.85, 0.5 + 0.1 * own);
        List<Signal> strongest = new ArrayList<>(signals);
        strongest.sort(Comparator.comparingDouble(Signal::weight).reversed());
        List<String> evidence = new ArrayList<>(Math.min(5, strongest.size()));
        for (Signal signal : strongest.subList(0, Math.min(5, strongest.size()))) {
            evidence.add(signal.evidence());
        }
        return new Rating(
                tWeight > 0 ? java.util.OptionalDouble.of(tSum / tWeight) : java.util.OptionalDouble.empty(),
                vWeight > 0 ? java.util.OptionalDouble.of(vSum / vWeight) : java.util.OptionalDouble.empty(),
                confidence, evidence);
    }

    private void addOccupation(OccupationProfile profile, List<Signal> signals) {
        double minimum = mapping.weights().minimumImportance();
        List<Signal> parts = new ArrayList<>();
        for (OccupationDescriptor descriptor : profile.descriptors()) {
            DescriptorMapping.Position position = switch (descriptor.domain()) {
                case "skills" -> mapping.skill(descriptor.id());
                case "knowledge" -> mapping.knowledgeArea(descriptor.id());
                default -> null;
            };
            if (position == null || descriptor.importance().isEmpty() || descriptor.importance().getAsDouble() < minimum) {
                continue;
            }
            // importance 3 counts a little, importance 5 fully
            double weight = (descriptor.importance().getAsDouble() - minimum + 0.5) / (5 - minimum + 0.5);
            parts.add(new Signal(false, descriptor.domain().equals("skills") ? "skill" : "knowledge", position.t(),
                    position.v(), weight));
        }
        if (!parts.isEmpty()) {
            // the occupation's descriptors together count as one piece of evidence of the configured weight
            double total = parts.stream().mapToDouble(Signal::weight).sum();
            double t = weighted(parts, true);
            double v = weighted(parts, false);
            List<String> names = profile.descriptors().stream()
                    .filter(d -> (d.domain().equals("skills") && mapping.skill(d.id()) != null)
                            || (d.domain().equals("knowledge") && mapping.knowledgeArea(d.id()) != null))
                    .filter(d -> d.importance().isPresent() && d.importance().getAsDouble() >= minimum)
                    .sorted(Comparator.comparingDouble((OccupationDescriptor d) -> d.importance().getAsDouble()).reversed())
                    .limit(3)
                    .map(d -> d.name() + String.format(Locale.ROOT, " %.1f", d.importance().getAsDouble()))
                    .toList();
            signals.add(new Signal(false, "occupation's skills and knowledge (" + String.join(", ", names) + ")",
                    Double.isNaN(t) ? null : t, Double.isNaN(v) ? null : v,
                    mapping.weights().occupation() * Math.min(1, total / 3)));
        }
        addEquipment(profile, signals);
        if (profile.jobZone().isPresent()) {
            DescriptorMapping.Position zone = mapping.jobZone(profile.jobZone().getAsInt());
            if (zone != null) {
                signals.add(new Signal(false, "job zone " + profile.jobZone().getAsInt(), zone.t(), zone.v(),
                        mapping.weights().jobZone()));
            }
        }
    }

    // the occupation's equipment: where its share of software among tools and software puts it between the poles
    private void addEquipment(OccupationProfile profile, List<Signal> signals) {
        DescriptorMapping.Position tools = mapping.toolsPole();
        DescriptorMapping.Position technology = mapping.technologyPole();
        int count = profile.tools().size() + profile.technologies().size();
        if (tools == null || technology == null || count == 0 || mapping.weights().toolsAndTechnology() <= 0) {
            return;
        }
        double share = (double) profile.technologies().size() / count;
        String text = String.format(Locale.ROOT, "%d technology skills%s and %d tools%s",
                profile.technologies().size(), examples(profile.technologies()), profile.tools().size(),
                examples(profile.tools()));
        // a handful of examples is weaker evidence than a long inventory
        signals.add(new Signal(false, text, between(tools.t(), technology.t(), share),
                between(tools.v(), technology.v(), share),
                mapping.weights().toolsAndTechnology() * Math.min(1, count / 10.0)));
    }

    private static String examples(List<String> names) {
        return names.isEmpty() ? "" : " (" + String.join(", ", names.subList(0, Math.min(2, names.size())))
                + (names.size() > 2 ? ", ..." : "") + ")";
    }

    private static Double between(Double from, Double to, double share) {
        return from == null || to == null ? null : from + share * (to - from);
    }

    private static double weighted(List<Signal> parts, boolean transferability) {
        double sum = 0;
        double weight = 0;
        for (Signal part : parts) {
            Double value = transferability ? part.t() : part.v();
            if (value != null) {
                sum += part.weight() * value;
                weight += part.weight();
            }
        }
        return weight > 0 ? sum / weight : Double.NaN;
    }

    private static String axes(Double t, Double v) {
        StringBuilder text = new StringBuilder();
        if (t != null) {
            text.append(String.format(Locale.ROOT, "T %.2f", t));
        }
        if (v != null) {
            text.append(text.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "V %.2f", v));
        }
        return text.toString();
    }

    private static String strip(String title) {
        if (title == null) {
            return "";
        }
        String text = title.endsWith(".") ? title.substring(0, title.length() - 1) : title;
        return text.length() > 90 ? text.substring(0, 87) + "..." : text;
    }
}

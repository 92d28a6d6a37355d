package dev.moravec.descriptors;

import dev.moravec.api.Axis;
import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.OccupationDescriptor;
import dev.moravec.api.OccupationProfile;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import dev.moravec.api.TaxonomyView;
import dev.moravec.api.VerificationMode;
import dev.moravec.api.WorkActivity;
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
import java.util.OptionalDouble;
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
    private static final int MAX_EVIDENCE = 5;
    /** Factors the signals raise less than this are not reported. */
    private static final double MIN_FACTOR = 0.05;

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
     * One piece of evidence: where it puts the task on the axes, how it says an attempt is checked, what
     * it says holds the task back, with what weight, and how to name it.
     *
     * @param own whether it is the task's own (a work activity) rather than its occupation's
     * @param label what it is, as the rating's evidence names it
     * @param t transferability, or {@code null}
     * @param v verification cost, or {@code null}
     * @param modes the verification modes it votes for, each with its share of the signal's weight
     * @param factors the bottleneck factors it raises, with their strengths
     * @param weight how much it counts
     */
    private record Signal(boolean own, String label, Double t, Double v, Map<VerificationMode, Double> modes,
            Map<BottleneckFactor, Double> factors, double weight) {

        Signal(boolean own, String label, DescriptorMapping.Position position, double weight) {
            this(own, label, position.t(), position.v(),
                    position.mode() == null ? Map.of() : Map.of(position.mode(), 1.0), position.factors(), weight);
        }

        /** @return the evidence of its position on the axes, or {@code null} when it has none */
        String axesEvidence() {
            return t == null && v == null ? null : label + " -> " + axes(t, v);
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
                        + strip(activity.dwaTitle()) + "')", position, mapping.weights().activity()));
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

    /**
     * The weighted means of the signals on each axis; the mode with the most signal weight behind it; each
     * factor's strength as the weighted mean of what the signals say of it, a signal that does not name it
     * counting as 0, so that context naming a factor in passing raises it little.
     */
    private static Rating rating(List<Signal> signals) {
        double tSum = 0;
        double tWeight = 0;
        double vSum = 0;
        double vWeight = 0;
        double total = 0;
        long own = 0;
        Map<VerificationMode, Double> votes = new EnumMap<>(VerificationMode.class);
        Map<BottleneckFactor, Double> raised = new EnumMap<>(BottleneckFactor.class);
        for (Signal signal : signals) {
            if (signal.t() != null) {
                tSum += signal.weight() * signal.t();
                tWeight += signal.weight();
            }
            if (signal.v() != null) {
                vSum += signal.weight() * signal.v();
                vWeight += signal.weight();
            }
            total += signal.weight();
            signal.modes().forEach((mode, share) -> votes.merge(mode, signal.weight() * share, Double::sum));
            signal.factors().forEach((factor, strength) -> raised.merge(factor, signal.weight() * strength, Double::sum));
            if (signal.own()) {
                own++;
            }
        }
        // a task's own activities say the most; occupation context alone is a weak guess
        double confidence = own == 0 ? 0.3 : Math.min(0.85, 0.5 + 0.1 * own);
        List<Signal> strongest = new ArrayList<>(signals);
        strongest.sort(Comparator.comparingDouble(Signal::weight).reversed());
        List<String> evidence = new ArrayList<>(MAX_EVIDENCE + 1);
        for (Signal signal : strongest) {
            if (signal.axesEvidence() != null && evidence.size() < MAX_EVIDENCE) {
                evidence.add(cut(signal.axesEvidence()));
            }
        }
        Optional<VerificationMode> mode = strongestVote(votes);
        mode.ifPresent(m -> evidence.add(cut("verification " + m + ": " + voters(signals, s -> s.modes().getOrDefault(m, 0.0)))));
        Rating rating = new Rating(
                tWeight > 0 ? OptionalDouble.of(tSum / tWeight) : OptionalDouble.empty(),
                vWeight > 0 ? OptionalDouble.of(vSum / vWeight) : OptionalDouble.empty(),
                confidence, evidence).withBottlenecks(bottlenecks(signals, raised, total));
        return mode.isPresent() ? rating.withVerification(mode.get()) : rating;
    }

    private static List<Bottleneck> bottlenecks(List<Signal> signals, Map<BottleneckFactor, Double> raised, double total) {
        List<Bottleneck> bottlenecks = new ArrayList<>();
        raised.forEach((factor, sum) -> {
            double strength = Math.min(1, sum / total);
            if (strength >= MIN_FACTOR) {
                bottlenecks.add(Bottleneck.of(factor, strength,
                        cut(voters(signals, s -> s.factors().getOrDefault(factor, 0.0)))));
            }
        });
        bottlenecks.sort(Comparator.comparingDouble(Bottleneck::strength).reversed());
        return bottlenecks;
    }

    /** The mode with the most weight behind it; of equal ones, the cheaper. */
    private static Optional<VerificationMode> strongestVote(Map<VerificationMode, Double> votes) {
        // an EnumMap runs cheapest first, and max keeps the first of equals
        return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** The signals that count most for something, heaviest first, named as the evidence names them. */
    private static String voters(List<Signal> signals, java.util.function.ToDoubleFunction<Signal> share) {
        List<Signal> voting = new ArrayList<>(signals.stream().filter(s -> share.applyAsDouble(s) > 0).toList());
        voting.sort(Comparator.comparingDouble((Signal s) -> s.weight() * share.applyAsDouble(s)).reversed());
        List<String> labels = new ArrayList<>();
        for (Signal signal : voting.subList(0, Math.min(2, voting.size()))) {
            labels.add(signal.label() + String.format(Locale.ROOT, " (%.2f)", share.applyAsDouble(signal)));
        }
        return String.join("; ", labels) + (voting.size() > 2 ? "; and " + (voting.size() - 2) + " more" : "");
    }

    private static String cut(String reason) {
        return reason.length() <= Rating.MAX_EVIDENCE_LENGTH ? reason
                : reason.substring(0, Rating.MAX_EVIDENCE_LENGTH - 3) + "...";
    }

    private void addOccupation(OccupationProfile profile, List<Signal> signals) {
        DescriptorMapping.Weights weights = mapping.weights();
        bundle(profile, "occupation's skills and knowledge", d -> switch (d.domain()) {
            case "skills" -> mapping.skill(d.id());
            case "knowledge" -> mapping.knowledgeArea(d.id());
            default -> null;
        }, d -> importance(d, weights.minimumImportance()), weights.occupation(), signals);
        addEquipment(profile, signals);
        bundle(profile, "occupation's abilities", d -> d.domain().equals("abilities") ? mapping.ability(d.id()) : null,
                d -> importance(d, weights.minimumImportance()), weights.abilities(), signals);
        // a work context's value runs from 1 (never, or not at all) to 5 (every day, or extremely)
        bundle(profile, "occupation's work context", d -> d.domain().equals("workContext") ? mapping.context(d.id()) : null,
                d -> d.level().isPresent() ? Math.max(0, (d.level().getAsDouble() - 1) / 4) : 0, weights.workContext(),
                signals);
        if (profile.jobZone().isPresent()) {
            DescriptorMapping.Position zone = mapping.jobZone(profile.jobZone().getAsInt());
            if (zone != null) {
                signals.add(new Signal(false, "job zone " + profile.jobZone().getAsInt(), zone, weights.jobZone()));
            }
        }
    }

    // importance 3 counts a little, importance 5 fully; below the minimum, not at all
    private static double importance(OccupationDescriptor descriptor, double minimum) {
        if (descriptor.importance().isEmpty() || descriptor.importance().getAsDouble() < minimum) {
            return 0;
        }
        return (descriptor.importance().getAsDouble() - minimum + 0.5) / (5 - minimum + 0.5);
    }

    /**
     * The occupation's descriptors of some domains, together one piece of evidence of the configured
     * weight (less where few of them count): each mapped descriptor weighted by how much it matters to the
     * occupation, named by the three that matter most.
     */
    private static void bundle(OccupationProfile profile, String label,
            java.util.function.Function<OccupationDescriptor, DescriptorMapping.Position> positions,
            java.util.function.ToDoubleFunction<OccupationDescriptor> weigh, double weight, List<Signal> signals) {
        if (weight <= 0) {
            return;
        }
        List<Signal> parts = new ArrayList<>();
        List<OccupationDescriptor> counted = new ArrayList<>();
        for (OccupationDescriptor descriptor : profile.descriptors()) {
            DescriptorMapping.Position position = positions.apply(descriptor);
            double w = position == null ? 0 : weigh.applyAsDouble(descriptor);
            if (w > 0) {
                parts.add(new Signal(false, descriptor.name(), position, w));
                counted.add(descriptor);
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        double total = parts.stream().mapToDouble(Signal::weight).sum();
        Map<VerificationMode, Double> modes = new EnumMap<>(VerificationMode.class);
        Map<BottleneckFactor, Double> factors = new EnumMap<>(BottleneckFactor.class);
        for (Signal part : parts) {
            part.modes().forEach((mode, share) -> modes.merge(mode, share * part.weight() / total, Double::sum));
            part.factors().forEach((factor, s) -> factors.merge(factor, s * part.weight() / total, Double::sum));
        }
        List<String> names = counted.stream()
                .sorted(Comparator.comparingDouble(weigh).reversed())
                .limit(3)
                .map(d -> d.name() + String.format(Locale.ROOT, " %.1f",
                        d.domain().equals("workContext") ? d.level().getAsDouble() : d.importance().getAsDouble()))
                .toList();
        double t = weighted(parts, true);
        double v = weighted(parts, false);
        signals.add(new Signal(false, label + " (" + String.join(", ", names) + ")", Double.isNaN(t) ? null : t,
                Double.isNaN(v) ? null : v, modes, factors, weight * Math.min(1, total / 3)));
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
        Map<VerificationMode, Double> modes = new EnumMap<>(VerificationMode.class);
        if (tools.mode() != null) {
            modes.merge(tools.mode(), 1 - share, Double::sum);
        }
        if (technology.mode() != null) {
            modes.merge(technology.mode(), share, Double::sum);
        }
        Map<BottleneckFactor, Double> factors = new EnumMap<>(BottleneckFactor.class);
        tools.factors().forEach((factor, s) -> factors.merge(factor, (1 - share) * s, Double::sum));
        technology.factors().forEach((factor, s) -> factors.merge(factor, share * s, Double::sum));
        // a handful of examples is weaker evidence than a long inventory
        signals.add(new Signal(false, text, between(tools.t(), technology.t(), share),
                between(tools.v(), technology.v(), share), modes, factors,
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

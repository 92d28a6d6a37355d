package com.example.presence;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Rates a task by whether it needs someone on site. Words of presence (visit, drive, install, patients,
 * customers in person) mean the knowledge is tacit and checking the work needs the physical world: low
 * transferability, high verification cost. Words of desk work (report, spreadsheet, code, email) mean
 * the opposite. A task with neither abstains.
 *
 * <p>Thread-safe and deterministic, as the host requires: it keeps no state but its settings.
 */
@Component(service = TaskScorer.class, configurationPid = TaskScorer.SETTINGS_PID_PREFIX + PresenceScorer.ID)
@Designate(ocd = PresenceScorer.Settings.class)
public final class PresenceScorer implements TaskScorer {

    /** The scorer's id: its name in outputs and under {@code scorers.presence} in the configuration. */
    public static final String ID = "presence";

    /** The settings users set under {@code scorers.presence.settings}; the host checks them against these. */
    @ObjectClassDefinition(name = "Presence scorer", description = "Rates tasks by whether they need someone on site.")
    public @interface Settings {
        /** @return words that mean the work is done on site, comma-separated */
        @AttributeDefinition(description = "words that mean the work is done on site, comma-separated")
        String presenceWords() default "visit,travel,drive,install,repair,inspect,patients,in person,on site,customers";

        /** @return words that mean desk work, comma-separated */
        @AttributeDefinition(description = "words that mean desk work, comma-separated")
        String deskWords() default "report,spreadsheet,code,software,email,document,analyze,calculate,draft";

        /** @return how sure a single matching word makes the scorer */
        @AttributeDefinition(description = "the confidence of a rating, 0 to 1", min = "0", max = "1")
        double confidence() default 0.6;
    }

    private final ScorerInfo info;
    private final List<Pattern> presence;
    private final List<Pattern> desk;
    private final double confidence;

    /**
     * Activated by Declarative Services, with the settings from the configuration.
     *
     * @param context the bundle's context, for its version
     * @param settings the settings
     */
    @Activate
    public PresenceScorer(BundleContext context, Settings settings) {
        this(context.getBundle().getVersion().toString(), settings.presenceWords(), settings.deskWords(),
                settings.confidence());
    }

    /**
     * A scorer outside OSGi, for tests.
     *
     * @param version the version to report
     * @param presenceWords words of presence, comma-separated
     * @param deskWords words of desk work, comma-separated
     * @param confidence the confidence of a rating
     */
    public PresenceScorer(String version, String presenceWords, String deskWords, double confidence) {
        this.info = new ScorerInfo(ID, version, "whether a task needs someone on site", EnumSet.allOf(Axis.class));
        this.presence = patterns(presenceWords);
        this.desk = patterns(deskWords);
        this.confidence = confidence;
    }

    private static List<Pattern> patterns(String words) {
        return Arrays.stream(words.split(",")).map(String::strip).filter(w -> !w.isEmpty())
                .map(w -> Pattern.compile("\\b" + Pattern.quote(w.toLowerCase(Locale.ROOT)) + "\\w*\\b"))
                .toList();
    }

    @Override
    public ScorerInfo info() {
        return info;
    }

    @Override
    public Rating rate(Task task, ScoringContext context) {
        String text = task.statement().toLowerCase(Locale.ROOT);
        List<String> onSite = matches(presence, text);
        List<String> atDesk = matches(desk, text);
        if (onSite.isEmpty() && atDesk.isEmpty()) {
            return Rating.abstain("no word of presence or desk work");
        }
        // the share of presence among the cues found moves both axes
        double share = (double) onSite.size() / (onSite.size() + atDesk.size());
        List<String> evidence = new ArrayList<>();
        onSite.forEach(w -> evidence.add("'" + w + "' -> done on site"));
        atDesk.forEach(w -> evidence.add("'" + w + "' -> done at a desk"));
        return Rating.of(0.8 - 0.6 * share, 0.2 + 0.65 * share, confidence, evidence);
    }

    private static List<String> matches(List<Pattern> patterns, String text) {
        List<String> found = new ArrayList<>();
        for (Pattern pattern : patterns) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }
}

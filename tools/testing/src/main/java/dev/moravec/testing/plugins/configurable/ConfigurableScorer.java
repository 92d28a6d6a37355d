package dev.moravec.testing.plugins.configurable;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.util.EnumSet;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A test plugin with settings: rates every task with the transferability its settings give; the label
 * {@code refuse} makes its activation fail.
 */
@Component(configurationPid = TaskScorer.SETTINGS_PID_PREFIX + "configurable")
@Designate(ocd = ConfigurableScorer.Settings.class)
public class ConfigurableScorer implements TaskScorer {

    /** Its settings. */
    @ObjectClassDefinition(name = "Configurable test scorer")
    public @interface Settings {
        /** @return the transferability every task gets */
        @AttributeDefinition(description = "the transferability every task gets", min = "0", max = "1")
        double transferability() default 0.5;

        /** @return the evidence given */
        @AttributeDefinition(description = "the evidence given")
        String label() default "plain";
    }

    private final Settings settings;

    /** @param settings its settings */
    @Activate
    public ConfigurableScorer(Settings settings) {
        if (settings.label().equals("refuse")) {
            throw new IllegalArgumentException("the label 'refuse' is refused, as a scorer refuses a file it cannot read");
        }
        this.settings = settings;
    }

    @Override
    public ScorerInfo info() {
        return new ScorerInfo("configurable", "1.0.0", "rates as its settings say", EnumSet.of(Axis.TRANSFERABILITY));
    }

    @Override
    public Rating rate(Task task, ScoringContext context) {
        return Rating.ofTransferability(settings.transferability(), 0.5, List.of(settings.label()));
    }
}

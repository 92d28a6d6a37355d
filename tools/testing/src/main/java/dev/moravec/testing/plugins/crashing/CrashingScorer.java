package dev.moravec.testing.plugins.crashing;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * A test plugin that, the first time any JVM rates a task whose statement holds a given word, halts that
 * JVM at once (as a killed or crashed executor stops), and remembers it in a marker file so that no JVM
 * does it again. Otherwise it rates every task alike.
 */
@Component(configurationPid = TaskScorer.SETTINGS_PID_PREFIX + "crashing")
@Designate(ocd = CrashingScorer.Settings.class)
public class CrashingScorer implements TaskScorer {

    /** Its settings. */
    @ObjectClassDefinition(name = "Crashing test scorer")
    public @interface Settings {
        /** @return the word whose first task halts the JVM */
        @AttributeDefinition(description = "the word whose first task halts the JVM")
        String word() default "crash";

        /** @return the file that records the halt; while it exists, nothing halts */
        @AttributeDefinition(description = "the file that records the halt")
        String marker();
    }

    private static final ScorerInfo INFO =
            new ScorerInfo("crashing", "1.0.0", "halts its JVM once", EnumSet.allOf(Axis.class));

    private final Settings settings;

    /** @param settings its settings */
    @Activate
    public CrashingScorer(Settings settings) {
        this.settings = settings;
    }

    @Override
    public ScorerInfo info() {
        return INFO;
    }

    @Override
    public Rating rate(Task task, ScoringContext context) {
        if (task.statement().contains(settings.word())) {
            try {
                Files.createFile(Path.of(settings.marker()));
                // as SIGKILL leaves it: no shutdown hook runs. Through reflection, since the plugin host refuses
                // the exits it finds in a plugin's byte code (a plugin cannot end the host); this one stands for a
                // crash the host cannot prevent
                Runtime.class.getMethod("halt", int.class).invoke(Runtime.getRuntime(), 137);
            } catch (FileAlreadyExistsException e) {
                // halted once already
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot halt the JVM", e);
            }
        }
        return Rating.of(0.6, 0.4, 0.5, List.of("steady but fragile"));
    }
}

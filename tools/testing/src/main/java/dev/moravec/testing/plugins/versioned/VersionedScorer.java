package dev.moravec.testing.plugins.versioned;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.util.EnumSet;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * A test plugin whose version is its bundle's, for replacing one version with another while tasks
 * are rated: it takes a little time per task, and once deactivated it refuses to rate, so a call after
 * its bundle stopped would show as a failure.
 */
@Component
public class VersionedScorer implements TaskScorer {

    private final ScorerInfo info;
    private volatile boolean deactivated;

    /** @param context its bundle's context, for the version */
    @Activate
    public VersionedScorer(BundleContext context) {
        String version = context.getBundle().getVersion().toString();
        info = new ScorerInfo("versioned", version, "says its version", EnumSet.of(Axis.TRANSFERABILITY));
    }

    /** Called when its bundle stops. */
    @Deactivate
    public void deactivate() {
        deactivated = true;
    }

    @Override
    public ScorerInfo info() {
        return info;
    }

    @Override
    public Rating rate(Task task, ScoringContext context) {
        if (deactivated) {
            throw new IllegalStateException("rated after its bundle stopped");
        }
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Rating.ofTransferability(0.5, 0.5, List.of("version " + info.version()));
    }
}

package dev.moravec.cli;

import dev.moravec.app.OverrideStore;
import dev.moravec.app.TaxonomyService;
import dev.moravec.model.AnalystOverride;
import dev.moravec.model.AnalystOverrides;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code moravec override remove}: removes an override, logging it; the scorers' rating counts again. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = "Remove the override of one task (--task) or of an occupation; the change goes to the audit log.")
final class OverrideRemoveCommand implements Callable<Integer> {

    @ParentCommand
    OverrideCommand parent;

    @Mixin
    DataMixin data;

    @Mixin
    ConfigMixin configuration;

    @Mixin
    OverrideTargetMixin target;

    @Spec
    CommandSpec spec;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "removed",
            description = "Why it is removed (default: ${DEFAULT-VALUE}).")
    String reason;

    @Override
    public Integer call() throws Exception {
        Moravec moravec = parent.moravec;
        PrintWriter out = spec.commandLine().getOut();
        EngineConfig config = configuration.read(moravec);
        Path dataDir = data.dir(moravec.environment);
        OverrideStore store = new OverrideStore(dataDir, moravec.mapper);
        String occupation = target.occupationCode();
        String name = AnalystOverride.target(occupation, target.task);
        try (TaxonomyIndex index = data.openTaxonomy(moravec, spec.commandLine().getErr())) {
            TaxonomyService taxonomy = new TaxonomyService(index);
            AnalystOverrides current = store.current(config.thresholds());
            AnalystOverride removed = current.exactly(occupation, target.task).orElseThrow(() -> new BadInputException(
                    "there is no override of " + name + " in " + store.file() + "; see them with: moravec override list"));
            List<AnalystOverride> next = new ArrayList<>(current.all());
            next.remove(removed);
            OverrideStore.Effect before = effect(taxonomy, current, occupation);
            OverrideStore.Effect after = effect(taxonomy, new AnalystOverrides(next, config.thresholds()), occupation);
            store.remove(occupation, target.task, target.who(), reason, before, after);
            out.println("Override removed for " + name + " (it set " + Format.overrideSet(removed) + ").");
            OverrideLines.effect(out, removed, before, after);
            out.println("Logged in " + store.logFile() + ".");
            out.flush();
        }
        return ExitCodes.OK;
    }

    // the target's scores; a target the taxonomy no longer has is removed all the same
    private OverrideStore.Effect effect(TaxonomyService taxonomy, AnalystOverrides overrides, String occupation)
            throws java.io.IOException {
        try {
            return taxonomy.effect(overrides, occupation, target.task);
        } catch (BadInputException e) {
            return new OverrideStore.Effect(null, null);
        }
    }
}

package dev.moravec.cli;

import dev.moravec.app.OverrideStore;
import dev.moravec.app.TaxonomyService;
import dev.moravec.model.AnalystOverride;
import dev.moravec.model.AnalystOverrides;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Quadrant;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code moravec override add}: sets a task's or an occupation's T and/or V, or its quadrant, and logs it. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Override the scorers' rating of one task (--task) or of every task of an occupation: set T and/or"
                + " V, or move it into a quadrant, saying why. It replaces an earlier override of the same target.",
            "The task or occupation must be in the taxonomy. The change, with the scores before and after, goes to the"
                + " audit log (moravec override log)."})
final class OverrideAddCommand implements Callable<Integer> {

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

    @Option(names = "--transferability", paramLabel = "T", description = "The transferability to set, in [0, 1].")
    Double transferability;

    @Option(names = "--verification-cost", paramLabel = "V", description = "The verification cost to set, in [0, 1].")
    Double verificationCost;

    @Option(names = "--quadrant", paramLabel = "QUADRANT",
            description = "Instead of T and V: PURE_REASONING, VERIFICATION_BOUND, KNOWLEDGE_BOUND or LAGGING (the axes"
                    + " on the wrong side move to the middle of the quadrant's side).")
    Quadrant quadrant;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why the rating is overridden.")
    String reason;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "When it was decided (default: today).")
    LocalDate date;

    @Override
    public Integer call() throws Exception {
        Moravec moravec = parent.moravec;
        PrintWriter out = spec.commandLine().getOut();
        AnalystOverride override;
        try {
            override = new AnalystOverride(target.occupationCode(), target.task, optional(transferability),
                    optional(verificationCost), quadrant, reason, target.who(), date == null ? LocalDate.now() : date);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        EngineConfig config = configuration.read(moravec);
        Path dataDir = data.dir(moravec.environment);
        OverrideStore store = new OverrideStore(dataDir, moravec.mapper);
        try (TaxonomyIndex index = data.openTaxonomy(moravec, spec.commandLine().getErr())) {
            TaxonomyService taxonomy = new TaxonomyService(index);
            AnalystOverrides current = store.current(config.thresholds());
            List<AnalystOverride> next = new ArrayList<>(current.all());
            next.removeIf(o -> o.target().equals(override.target()));
            next.add(override);
            OverrideStore.Effect before = taxonomy.effect(current, override.occupation(), override.taskId());
            OverrideStore.Effect after = taxonomy.effect(new AnalystOverrides(next, config.thresholds()),
                    override.occupation(), override.taskId());
            var entry = store.put(override, target.who(), before, after);
            out.println("Override " + (entry.path("action").asText().equals("add") ? "added" : "replaced") + " for "
                    + override.target() + ": " + Format.overrideSet(override) + ", by " + override.author() + " on "
                    + override.date() + ".");
            OverrideLines.effect(out, override, before, after);
            out.println("Logged in " + store.logFile() + ". Rankings, show and the API apply it now; --no-overrides"
                    + " shows the scorers' verdicts.");
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static OptionalDouble optional(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}

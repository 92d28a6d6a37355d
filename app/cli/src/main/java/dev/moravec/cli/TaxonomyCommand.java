package dev.moravec.cli;

import dev.moravec.app.TaxonomyService;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import dev.moravec.taxonomy.sources.Supplements;
import dev.moravec.taxonomy.sources.ImportReport;
import dev.moravec.taxonomy.sources.Release;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code moravec taxonomy}: import an O*NET release into the taxonomy index, and say what it holds. */
@Command(name = "taxonomy", mixinStandardHelpOptions = true,
        description = "Import the O*NET / SOC taxonomy into the index, or show what the index holds.",
        subcommands = {TaxonomyCommand.ImportCommand.class, TaxonomyCommand.InfoCommand.class})
final class TaxonomyCommand {

    @ParentCommand
    Moravec moravec;

    /** {@code moravec taxonomy import SOURCE}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import an official O*NET text release (its folder or zip) into the taxonomy index,"
                    + " replacing what it held in one step: a failed import leaves the previous index as it was.",
                "Verdicts of tasks that did not change are kept; run 'moravec classify --taxonomy' afterwards.",
                "Crosswalks (--crosswalk), ESCO (--esco) and industry employment (--industry-employment) come with the"
                    + " release or, without SOURCE, into the existing index; each replaces what the index held of its"
                    + " kind and keeps the rest."})
    static final class ImportCommand implements Callable<Integer> {

        @ParentCommand
        TaxonomyCommand parent;

        @Mixin
        DataMixin data;

        @Spec
        CommandSpec spec;

        @Mixin
        ReleaseMixin release;

        @Mixin
        SupplementMixin supplements;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Moravec moravec = parent.moravec;
            long started = System.nanoTime();
            java.util.function.Consumer<String> progress = line -> {
                err.println("  " + line);
                err.flush();
            };
            if (release.source == null && !supplements.any()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give the O*NET release to import"
                        + " (SOURCE), or --crosswalk, --esco or --industry-employment to add to the existing index");
            }
            Supplements added = supplements.read(progress);
            if (release.source == null) {
                try (TaxonomyIndex index = data.openTaxonomy(moravec, err)) {
                    index.supplement(added, progress);
                    out.printf(Locale.ROOT, "Added to %s in %.1f s (the occupations, tasks and verdicts are as they"
                            + " were):%n", index.path(), (System.nanoTime() - started) / 1e9);
                    new SupplementReport().print(out, new TaxonomyService(index), added);
                }
                out.flush();
                return ExitCodes.OK;
            }
            Release release = this.release.read(progress);
            Path path = data.dir(moravec.environment).resolve("index");
            try (TaxonomyIndex index = TaxonomyIndex.open(path, moravec.mapper)) {
                index.replace(release, added, progress);
                printRelease(out, release, path, started);
                new SupplementReport().print(out, new TaxonomyService(index), added);
            }
            out.println("Next: moravec classify --taxonomy" + data.hint());
            out.flush();
            return ExitCodes.OK;
        }

        private void printRelease(PrintWriter out, Release release, Path path, long started) {
            ImportReport report = release.report();
            out.printf(Locale.ROOT, "Imported %s into %s in %.1f s:%n", report.source(), path,
                    (System.nanoTime() - started) / 1e9);
            out.printf(Locale.ROOT, "  %s occupations, %s tasks, %s task-activity links, %s alternate titles%n",
                    Format.count(report.occupations()), Format.count(report.tasks()),
                    Format.count(report.activityLinks()), Format.count(report.alternateTitles()));
            out.printf(Locale.ROOT, "  %s tasks with importance and relevance; %s occupations with employment%n",
                    Format.count(report.ratedTasks()), Format.count(report.occupationsWithEmployment()));
            out.println("Files used:");
            report.used().forEach(line -> out.println("  " + line));
            if (!report.skipped().isEmpty()) {
                out.println("Skipped:");
                report.skipped().forEach(line -> out.println("  " + line));
            }
        }
    }

    /** {@code moravec taxonomy info}. */
    @Command(name = "info", mixinStandardHelpOptions = true, description = "Show what the taxonomy index holds.")
    static final class InfoCommand implements Callable<Integer> {

        @ParentCommand
        TaxonomyCommand parent;

        @Mixin
        DataMixin data;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Moravec moravec = parent.moravec;
            try (TaxonomyIndex index = data.openTaxonomy(moravec, spec.commandLine().getErr())) {
                Map<String, String> data = index.commitData();
                ImportReport report = index.report();
                out.println("Index:      " + index.path());
                out.println("Source:     " + data.get(TaxonomyIndex.SOURCE_KEY));
                out.println("Imported:   " + data.get(TaxonomyIndex.IMPORTED_KEY));
                out.println("Classified: " + data.getOrDefault(TaxonomyIndex.CLASSIFIED_KEY,
                        "not yet (run moravec classify --taxonomy)"));
                if (report != null) {
                    out.println("Holds:      " + Format.count(report.occupations()) + " occupations, "
                            + Format.count(report.tasks()) + " tasks");
                    report.used().forEach(line -> out.println("  used:     " + line));
                    report.skipped().forEach(line -> out.println("  skipped:  " + line));
                }
                new SupplementReport().print(out, new TaxonomyService(index), null);
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

}

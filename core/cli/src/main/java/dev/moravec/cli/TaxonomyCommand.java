package dev.moravec.cli;

import dev.moravec.taxonomy.ImportReport;
import dev.moravec.taxonomy.OnetReleaseReader;
import dev.moravec.taxonomy.Release;
import dev.moravec.taxonomy.TaxonomyIndex;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
                "Verdicts of tasks that did not change are kept; run 'moravec classify --taxonomy' afterwards."})
    static final class ImportCommand implements Callable<Integer> {

        @ParentCommand
        TaxonomyCommand parent;

        @Mixin
        TaxonomyMixin taxonomy;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "SOURCE", description = "The release's folder or zip, such as db_29_1_text.")
        Path source;

        @Option(names = "--skills", paramLabel = "FILE", description = "Skills in the O*NET column layout (tab-separated).")
        Path skills;

        @Option(names = "--knowledge", paramLabel = "FILE", description = "Knowledge in the O*NET column layout.")
        Path knowledge;

        @Option(names = "--task-ratings", paramLabel = "FILE",
                description = "The official Task Ratings file, or a per-task summary CSV with importance and relevance.")
        Path taskRatings;

        @Option(names = "--employment", paramLabel = "FILE", description = "A BLS OEWS national employment file (CSV).")
        Path employment;

        @Option(names = "--soc", paramLabel = "FILE",
                description = "A SOC structure file whose titles override the built-in ones (CSV or the BLS code list).")
        Path soc;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Moravec moravec = parent.moravec;
            long started = System.nanoTime();
            Release release = new OnetReleaseReader(line -> {
                err.println("  " + line);
                err.flush();
            }).read(source, new OnetReleaseReader.Options(skills, knowledge, taskRatings, employment, soc));
            Path path = moravec.environment.dataDir(taxonomy.data).resolve("index");
            try (TaxonomyIndex index = TaxonomyIndex.open(path, moravec.mapper)) {
                index.replace(release, line -> {
                    err.println("  " + line);
                    err.flush();
                });
            }
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
            out.println("Next: moravec classify --taxonomy" + (taxonomy.data == null ? "" : " --data " + taxonomy.data));
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code moravec taxonomy info}. */
    @Command(name = "info", mixinStandardHelpOptions = true, description = "Show what the taxonomy index holds.")
    static final class InfoCommand implements Callable<Integer> {

        @ParentCommand
        TaxonomyCommand parent;

        @Mixin
        TaxonomyMixin taxonomy;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Moravec moravec = parent.moravec;
            try (TaxonomyIndex index = taxonomy.open(moravec.environment, moravec.mapper, spec.commandLine().getErr())) {
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
                out.flush();
            }
            return ExitCodes.OK;
        }
    }

}

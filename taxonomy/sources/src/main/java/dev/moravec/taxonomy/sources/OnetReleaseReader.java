package dev.moravec.taxonomy.sources;

import dev.moravec.api.TaskWeights;
import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.sources.internal.DescriptorReader;
import dev.moravec.taxonomy.sources.internal.EmploymentSplit;
import dev.moravec.taxonomy.sources.internal.OewsEmploymentReader;
import dev.moravec.taxonomy.sources.internal.OnetTextReader;
import dev.moravec.taxonomy.sources.internal.ReadLog;
import dev.moravec.taxonomy.sources.internal.ReleaseFiles;
import dev.moravec.taxonomy.sources.internal.SocTitlesReader;
import dev.moravec.taxonomy.sources.internal.TaskRatingsReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads an official O*NET text release (its folder or zip) and the optional files that complete it
 * into a {@link Release}. Occupation Data and Task Statements are required; every other file is used
 * when present and reported as skipped, with the reason, when not. A malformed row stops the read
 * with the file, line and field, since an official release has none.
 */
public final class OnetReleaseReader {

    /**
     * Files that complete a release.
     *
     * @param skills Skills in the O*NET column layout, or {@code null}
     * @param knowledge Knowledge in the O*NET column layout, or {@code null}
     * @param taskRatings the official Task Ratings file or a per-task summary CSV, or {@code null}
     * @param employment a BLS OEWS national employment file (CSV), or {@code null}
     * @param soc a SOC structure file whose titles override the built-in ones, or {@code null}
     */
    public record Options(Path skills, Path knowledge, Path taskRatings, Path employment, Path soc) {

        /** No extra files. */
        public static final Options NONE = new Options(null, null, null, null, null);
    }

    private final Consumer<String> progress;

    /**
     * @param progress told a line per step
     */
    public OnetReleaseReader(Consumer<String> progress) {
        this.progress = progress;
    }

    /**
     * Reads a release.
     *
     * @param source the release's folder or zip
     * @param options the files that complete it
     * @return the release
     * @throws BadInputException if a required file is missing or a file is malformed
     * @throws IOException if a file cannot be read
     */
    public Release read(Path source, Options options) throws BadInputException, IOException {
        try (ReleaseFiles files = ReleaseFiles.open(source)) {
            return read(files, options, new ReadLog(progress));
        }
    }

    private static Release read(ReleaseFiles files, Options options, ReadLog log) throws BadInputException, IOException {
        OnetTextReader.Content content = OnetTextReader.read(files, log);
        DescriptorReader.read(files, options.skills(), options.knowledge(), content.occupations(), log);
        Map<String, TaskWeights> ratings = TaskRatingsReader.read(files, options.taskRatings(), log);

        // titles: the release's own for detailed codes, overridden by a SOC file's, then by the employment file's
        Map<String, String> titles = content.occupations().detailedTitles();
        if (options.soc() != null) {
            titles.putAll(SocTitlesReader.read(options.soc(), log));
        }
        Map<String, Double> employment = Map.of();
        Map<String, Double> wages = Map.of();
        if (options.employment() != null) {
            OewsEmploymentReader.Employment read = OewsEmploymentReader.read(options.employment(), log);
            titles.putAll(read.titles());
            employment = read.byCode();
            wages = read.wages();
        } else {
            log.skipped("employment: no --employment file given; families are weighted equally per occupation");
        }
        SocHierarchy hierarchy = SocHierarchy.builtIn().withTitles(titles);
        int withEmployment = EmploymentSplit.assign(employment, content.occupations(), hierarchy);
        EmploymentSplit.assignWages(wages, content.occupations(), hierarchy);

        List<TaxonomyTask> tasks = content.tasks(ratings);
        int rated = 0;
        int links = 0;
        for (TaxonomyTask task : tasks) {
            TaskWeights weights = task.task().weights();
            if (weights.importance().isPresent() && weights.relevance().isPresent()) {
                rated++;
            }
            links += task.activities().size();
        }
        Map<String, Occupation> occupations = content.occupations().build();
        ImportReport report = new ImportReport(files.source(), occupations.size(), tasks.size(), links,
                content.alternateTitles(), rated, withEmployment, log.used(), log.skipped(), content.releaseName());
        return new Release(occupations, tasks, hierarchy, report);
    }
}

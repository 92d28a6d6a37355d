package dev.moravec.taxonomy.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.OccupationProfile;
import dev.moravec.api.Task;
import dev.moravec.api.TaskWeights;
import dev.moravec.taxonomy.sources.Occupation;
import dev.moravec.taxonomy.sources.OnetReleaseReader;
import dev.moravec.taxonomy.sources.Release;
import dev.moravec.testing.FixtureRelease;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The taxonomy as scorers see it, read occupation by occupation from the index. */
class IndexTaxonomyViewTest {

    @TempDir
    Path dir;

    @Test
    void everyTaskAndOccupationOfTheReleaseReadsBackAsImported() throws Exception {
        Release release = new OnetReleaseReader(line -> { }).read(FixtureRelease.sharedRelease(),
                new OnetReleaseReader.Options(FixtureRelease.sharedExtra("skills.tsv"), null, null, null, null));
        try (TaxonomyIndex index = TaxonomyIndex.open(dir.resolve("index"), new ObjectMapper())) {
            index.replace(release, line -> { });
            IndexTaxonomyView view = new IndexTaxonomyView(index);

            assertThat(release.tasks()).isNotEmpty().allSatisfy(task ->
                    assertThat(view.activities(task.task())).as(task.task().id()).isEqualTo(task.activities()));
            assertThat(release.tasks()).anySatisfy(task -> assertThat(task.activities()).isNotEmpty());
            release.occupations().forEach((code, occupation) ->
                    assertThat(view.occupation(code)).as(code).contains(IndexTaxonomyView.profile(occupation)));
            OccupationProfile profile = view.occupation("15-1252.00").orElseThrow();
            assertThat(view.occupation("15-1252.00")).containsSame(profile); // read once, then kept

            assertThat(view.occupation("99-9999.00")).isEmpty();
            assertThat(view.activities(new Task("1", "Not in the index", "99-9999.00", null, TaskWeights.NONE))).isEmpty();
            assertThat(view.activities(new Task("no-such-task", "Write code", "15-1252.00", null, TaskWeights.NONE))).isEmpty();
            assertThat(view.activities(Task.of("1", "No occupation"))).isEmpty();
        }
    }

    @Test
    void aRunThatSpansTheTaxonomyReadsTheRestInOnePassAndKeepsWhatItReadBefore() throws Exception {
        Release release = new OnetReleaseReader(line -> { }).read(FixtureRelease.sharedRelease(),
                new OnetReleaseReader.Options(FixtureRelease.sharedExtra("skills.tsv"), null, null, null, null));
        Map<String, Occupation> many = new TreeMap<>(release.occupations());
        for (int i = 0; i < IndexTaxonomyView.ONE_BY_ONE + 10; i++) {
            String code = String.format("99-%04d.00", i);
            many.put(code, Occupation.of(code, "Occupation " + i));
        }
        Release bigger = new Release(many, release.tasks(), release.hierarchy(), release.report());
        try (TaxonomyIndex index = TaxonomyIndex.open(dir.resolve("index"), new ObjectMapper())) {
            index.replace(bigger, line -> { });
            IndexTaxonomyView view = new IndexTaxonomyView(index);
            OccupationProfile first = view.occupation("15-1252.00").orElseThrow();

            for (String code : many.keySet()) {
                assertThat(view.occupation(code)).as(code).contains(IndexTaxonomyView.profile(many.get(code)));
            }
            assertThat(view.occupation("15-1252.00")).containsSame(first);
            assertThat(release.tasks()).allSatisfy(task ->
                    assertThat(view.activities(task.task())).as(task.task().id()).isEqualTo(task.activities()));
        }
    }
}

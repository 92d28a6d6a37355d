package dev.moravec.taxonomy.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Task;
import dev.moravec.api.TaskType;
import dev.moravec.api.WorkActivity;
import dev.moravec.model.BadInputException;
import dev.moravec.testing.FixtureRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnetReleaseReaderTest {

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();

    private Release read(Path source, OnetReleaseReader.Options options) throws Exception {
        return new OnetReleaseReader(progress::add).read(source, options);
    }

    private static TaxonomyTask task(Release release, String id) {
        return release.tasks().stream().filter(t -> t.task().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void readsEveryFileOfARelease() throws Exception {
        Release release = read(FixtureRelease.sharedRelease(), OnetReleaseReader.Options.NONE);
        assertThat(release.occupations()).hasSize(5).containsKeys("15-1252.00", "55-1011.00");
        assertThat(release.tasks()).hasSize(10);
        Task code = task(release, "901").task();
        assertThat(code.occupationCode()).isEqualTo("15-1252.00");
        assertThat(code.type()).isEqualTo(TaskType.CORE);
        assertThat(task(release, "923").task().type()).isNull();
        assertThat(task(release, "901").activities()).containsExactly(new WorkActivity("4.A.3.b.1.I01.D01",
                "Write computer programs.", "4.A.3.b.1.I01", "Program computer systems.", "4.A.3.b.1",
                "Working with Computers"));
        Occupation developers = release.occupations().get("15-1252.00");
        assertThat(developers.jobZone()).isEqualTo(4);
        assertThat(developers.alternateTitles()).containsExactly("Software Engineer", "Application Programmer", "Programmer");
        assertThat(developers.technologies()).containsExactly("Git");
        assertThat(developers.emergingTasks()).containsExactly("Review code suggested by assistants.");
        assertThat(developers.employment()).isNull();
        assertThat(release.occupations().get("47-2152.00").tools()).containsExactly("Pipe wrenches");
        ImportReport report = release.report();
        assertThat(report.occupations()).isEqualTo(5);
        assertThat(report.tasks()).isEqualTo(10);
        assertThat(report.activityLinks()).isEqualTo(3);
        assertThat(report.used()).contains("Tasks to DWAs.txt: 3 links (1 links to tasks or activities not in the release left out)");
        assertThat(report.skipped()).anySatisfy(s -> assertThat(s).startsWith("Skills.txt: not in the release"))
                .anySatisfy(s -> assertThat(s).startsWith("Task Ratings.txt: not in the release"))
                .anySatisfy(s -> assertThat(s).startsWith("employment: no --employment file given"));
        assertThat(progress).contains("reading Task Statements.txt");
        assertThat(release.hierarchy().title("15-1252")).hasValue("Software Developers");
        assertThat(release.hierarchy().title("15-1200")).hasValue("Computer Occupations");
    }

    @Test
    void readsTheFilesThatCompleteARelease() throws Exception {
        Release release = read(FixtureRelease.sharedRelease(), new OnetReleaseReader.Options(FixtureRelease.sharedExtra("skills.tsv"), null,
                FixtureRelease.sharedExtra("task-ratings.csv"), FixtureRelease.sharedExtra("employment.csv"), null));
        assertThat(task(release, "901").task().weights().importance()).hasValue(4.8);
        assertThat(task(release, "901").task().weights().relevance()).hasValue(95.0);
        assertThat(task(release, "931").task().weights().isKnown()).isFalse();
        assertThat(release.report().ratedTasks()).isEqualTo(5);
        Occupation developers = release.occupations().get("15-1252.00");
        assertThat(developers.descriptors()).containsExactly(new Descriptor("skills", "2.B.3.e", "Programming", 4.5, 5.9));
        assertThat(developers.employment()).isEqualTo(3000.0);
        // no detailed figure: the broad group's, less what its detailed codes took
        assertThat(release.occupations().get("47-2152.00").employment()).isEqualTo(1500.0);
        assertThat(release.occupations().get("47-2111.00").employment()).isEqualTo(2000.0);
        assertThat(release.occupations().get("15-2021.00").employment()).as("suppressed").isNull();
        assertThat(release.report().occupationsWithEmployment()).isEqualTo(3);
        assertThat(release.hierarchy().title("15-1250")).hasValue("Software and Web Developers, Programmers, and Testers");
    }

    @Test
    void readsAZippedRelease() throws Exception {
        Release release = read(FixtureRelease.zip(dir), OnetReleaseReader.Options.NONE);
        assertThat(release.tasks()).hasSize(10);
        assertThat(release.report().source()).endsWith("db_fixture_text.zip");
    }

    @Test
    void theReleaseIsNamedByItsReadMeOrByOnetsFolderNameForItsAttribution() throws Exception {
        Path release = FixtureRelease.copy(dir);
        Files.writeString(release.resolve("Read Me.txt"), "O*NET 29.1 Database\r\nNovember 2024 Release\r\n");
        ImportReport named = read(release, OnetReleaseReader.Options.NONE).report();
        assertThat(named.release()).isEqualTo("O*NET 29.1 Database");
        assertThat(named.used()).contains("Read Me.txt: O*NET 29.1 Database");
        assertThat(named.attribution()).isEqualTo("O*NET 29.1 Database by the U.S. Department of Labor, Employment"
                + " and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.");

        Path renamed = Files.move(release, dir.resolve("db_28_3_text"));
        Files.delete(renamed.resolve("Read Me.txt"));
        assertThat(read(renamed, OnetReleaseReader.Options.NONE).report().release()).isEqualTo("O*NET 28.3 Database");
        // an index imported before releases were recorded has no release in its report: named the same way
        ImportReport old = new ObjectMapper().readValue("{\"source\": \"/data/onet/db_29_1_text.zip\", \"tasks\": 3,"
                + " \"used\": [], \"skipped\": []}", ImportReport.class);
        assertThat(old.release()).isEqualTo("O*NET 29.1 Database");

        ImportReport unnamed = read(FixtureRelease.zip(dir), OnetReleaseReader.Options.NONE).report();
        assertThat(unnamed.release()).isNull();
        assertThat(unnamed.attribution()).startsWith("O*NET Database by the U.S. Department of Labor");
        ImportReport starter = StarterCatalog.release().report();
        assertThat(starter.release()).isNull();
        assertThat(starter.attribution()).isEqualTo("Task statements written for Moravec; occupation codes and titles"
                + " from the O*NET 29.1 Database by the U.S. Department of Labor, Employment and Training"
                + " Administration (USDOL/ETA). Used under the CC BY 4.0 license.");
    }

    @Test
    void aMissingRequiredFileIsAClearError() throws Exception {
        Path release = FixtureRelease.copy(dir);
        Files.delete(release.resolve("Task Statements.txt"));
        assertThatThrownBy(() -> read(release, OnetReleaseReader.Options.NONE))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("Task Statements.txt is missing from " + release)
                .hasMessageContaining("O*NET text release");
        assertThatThrownBy(() -> read(dir.resolve("nowhere"), OnetReleaseReader.Options.NONE))
                .isInstanceOf(BadInputException.class).hasMessageContaining("does not exist");
    }

    @Test
    void aMissingOptionalFileIsSkippedWithItsReason() throws Exception {
        Path release = FixtureRelease.copy(dir);
        Files.delete(release.resolve("Alternate Titles.txt"));
        Release read = read(release, OnetReleaseReader.Options.NONE);
        assertThat(read.report().skipped()).contains(
                "Alternate Titles.txt: not in the release (job titles resolve through occupation titles only)");
        assertThat(read.occupations().get("15-1252.00").alternateTitles()).isEmpty();
    }

    @Test
    void malformedRowsNameTheFileLineAndField() throws Exception {
        Path release = FixtureRelease.copy(dir);
        Path tasks = release.resolve("Task Statements.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(tasks));
        lines.set(2, "15-1252.00\t902\tToo few fields");
        Files.write(tasks, lines);
        assertThatThrownBy(() -> read(release, OnetReleaseReader.Options.NONE))
                .isInstanceOf(BadInputException.class)
                .hasMessage("Task Statements.txt:3: 3 fields where the header has 7; the file is damaged or not in the"
                        + " expected layout");

        lines.set(2, "99-9999.00\t902\tA task of no occupation.\tCore\t1\t07/2024\tAnalyst");
        Files.write(tasks, lines);
        assertThatThrownBy(() -> read(release, OnetReleaseReader.Options.NONE))
                .hasMessage("Task Statements.txt:3: field 'O*NET-SOC Code': occupation 99-9999.00 is not in Occupation"
                        + " Data.txt; the release's files do not belong together");

        lines.set(2, "15-1252.00\t902\tA task.\tMajor\t1\t07/2024\tAnalyst");
        Files.write(tasks, lines);
        assertThatThrownBy(() -> read(release, OnetReleaseReader.Options.NONE))
                .hasMessageStartingWith("Task Statements.txt:3: field 'Task Type': 'Major' is not a task type");
    }

    @Test
    void badValuesInTheCompletingFilesAreClearErrors() throws Exception {
        Path zones = FixtureRelease.copy(dir).resolve("Job Zones.txt");
        Files.writeString(zones, "O*NET-SOC Code\tJob Zone\tDate\tDomain Source\n15-1252.00\t9\t07/2024\tAnalyst\n");
        assertThatThrownBy(() -> read(zones.getParent(), OnetReleaseReader.Options.NONE))
                .hasMessage("Job Zones.txt:2: field 'Job Zone': '9' is not a job zone (1 to 5)");

        Path ratings = Files.writeString(dir.resolve("ratings.csv"), "Task ID,importance,relevance\n901,7,50\n");
        assertThatThrownBy(() -> read(FixtureRelease.sharedRelease(), new OnetReleaseReader.Options(null, null, ratings, null, null)))
                .hasMessage("ratings.csv:2: field 'importance': importance 7.0 is outside its scale [1, 5]");

        Path notRatings = Files.writeString(dir.resolve("other.csv"), "Task ID,colour\n901,red\n");
        assertThatThrownBy(() -> read(FixtureRelease.sharedRelease(), new OnetReleaseReader.Options(null, null, notRatings, null, null)))
                .hasMessageContaining("other.csv:1: neither the official Task Ratings layout");

        Path employment = Files.writeString(dir.resolve("emp.csv"), "OCC_CODE,OCC_TITLE,TOT_EMP\n15-1252,Devs,lots\n");
        assertThatThrownBy(() -> read(FixtureRelease.sharedRelease(), new OnetReleaseReader.Options(null, null, null, employment, null)))
                .hasMessage("emp.csv:2: field 'TOT_EMP': 'lots' is not a number");

        Path skills = Files.writeString(dir.resolve("skills.tsv"), "O*NET-SOC Code\tElement ID\n15-1252.00\t2.B\n");
        assertThatThrownBy(() -> read(FixtureRelease.sharedRelease(), new OnetReleaseReader.Options(skills, null, null, null, null)))
                .hasMessageStartingWith("skills.tsv:1: the column 'Element Name' is missing");
    }

    @Test
    void aSocStructureFileOverridesTitles() throws Exception {
        Path soc = Files.writeString(dir.resolve("soc.txt"), "15-1250  Makers of Software\n15-1252  Software Builders\n");
        Release release = read(FixtureRelease.sharedRelease(), new OnetReleaseReader.Options(null, null, null, null, soc));
        assertThat(release.hierarchy().title("15-1250")).hasValue("Makers of Software");
        assertThat(release.hierarchy().title("15-1252")).hasValue("Software Builders");
    }
}

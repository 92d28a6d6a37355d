package dev.moravec.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.testing.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The taxonomy as a user meets it, through the launcher: import the real release with skills,
 * knowledge, task ratings and employment, classify it, rank, search and show.
 */
class TaxonomyIT {

    @TempDir
    static Path dir;

    private static String data;

    @BeforeAll
    static void importAndClassify() throws Exception {
        data = dir.resolve("data").toString();
        Distribution.Run imported = Distribution.run("taxonomy", "import",
                TestData.require("onet/db_29_1_text").toString(), "--data", data,
                "--skills", TestData.require("onet/db_30_1_extra/Skills.tsv").toString(),
                "--knowledge", TestData.require("onet/db_30_1_extra/Knowledge.tsv").toString(),
                "--task-ratings", TestData.require("onet/task_ratings_29_3_summary.csv").toString(),
                "--employment", TestData.require("bls/oews_national_may2021.csv").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("1,016 occupations, 18,796 tasks");
        Distribution.Run classified = Distribution.run("classify", "--taxonomy", "--data", data);
        assertThat(classified.exitCode()).as(classified.err()).isZero();
        assertThat(classified.err()).contains("18,796 tasks").contains("rated 18,796, reused 0");
    }

    @Test
    void aSecondClassificationReusesEveryVerdict() throws Exception {
        Distribution.Run again = Distribution.run("classify", "--taxonomy", "--data", data);
        assertThat(again.err()).contains("rated 0, reused 18,796, re-combined 0");
    }

    @Test
    void rankListsAllCivilianMajorGroupsAndSaysHowItWeighted() throws Exception {
        Distribution.Run rank = Distribution.run("rank", "--level", "major", "--order", "lagging", "--data", data);
        assertThat(rank.exitCode()).as(rank.err()).isZero();
        List<String> lines = rank.out().lines().toList();
        assertThat(lines.get(0)).contains("Weighting: tasks weighted by importance x relevance")
                .contains("weighted by employment");
        assertThat(lines.subList(2, lines.size()).stream().filter(l -> l.matches("\\d+ .*")).count()).isEqualTo(22);
    }

    @Test
    void searchShowAndJobTitlesAnswerSensibly() throws Exception {
        Distribution.Run repair = Distribution.run("search", "repair hydraulic", "--quadrant", "LAGGING", "--data", data);
        assertThat(repair.out()).contains("[hydraulic]").contains("LAGGING");
        Distribution.Run title = Distribution.run("search", "--occupations", "software engineer", "--data", data);
        assertThat(title.out().lines().skip(1).findFirst().orElse("")).startsWith("15-1252.00  Software Developers");
        Distribution.Run show = Distribution.run("show", "15-1252.00", "--data", data);
        assertThat(show.out()).contains("15-1252.00  Software Developers")
                .contains("broad     15-1250  Software and Web Developers, Programmers, and Testers")
                .contains("Score:").contains("Job zone:   4");
    }

    @Test
    void semanticSearchFindsMechanicsForBrokenEngines() throws Exception {
        Distribution.Run run = Distribution.run("search", "--semantic", "fix broken engines", "--format", "csv",
                "--data", data);
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> codes = run.out().lines().skip(1).map(line -> line.split(",")[1]).toList();
        assertThat(codes).hasSize(10);
        // vehicle and mobile equipment mechanics, installers and repairers
        assertThat(codes.subList(0, 5)).allMatch(code -> code.startsWith("49-3"), "mechanics' codes");
        assertThat(codes.stream().filter(code -> code.startsWith("49-")).count()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void explainShowsTheEvidenceOfAllThreeScorersForATaskOfTheTaxonomy() throws Exception {
        Distribution.Run run = Distribution.run("explain", "--occupation", "49-3023.00", "--task", "23547", "--data", data);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(statementOfTask("49-3023.00", "23547") + "  (task 23547 of the taxonomy)")
                .contains("Occupation: 49-3023.00 Automotive Service Technicians and Mechanics")
                .containsPattern("descriptors +\\S+ +OK .*activity 'Repairing and Maintaining Mechanical Equipment'")
                .containsPattern("lexicon +\\S+ +OK ")
                .containsPattern("semantic +\\S+ +OK .*learned exposure layer")
                .contains("(similarity 0.")
                .contains("Verdict:    LAGGING");
    }

    /** A task's statement as the release gives it, read from the release rather than copied here. */
    private static String statementOfTask(String code, String id) throws IOException {
        try (Stream<String> lines = Files.lines(TestData.onetTaskStatements(), StandardCharsets.UTF_8)) {
            return lines.map(line -> line.split("\t"))
                    .filter(fields -> fields.length > 2 && fields[0].equals(code) && fields[1].equals(id))
                    .map(fields -> fields[2].strip()).findFirst()
                    .orElseThrow(() -> new AssertionError("task " + id + " of " + code + " is not in the release"));
        }
    }
}

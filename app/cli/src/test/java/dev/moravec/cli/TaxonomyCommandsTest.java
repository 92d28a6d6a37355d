package dev.moravec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.model.Quadrant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** taxonomy import / info, classify --taxonomy, search, rank and show through CommandLine.execute. */
class TaxonomyCommandsTest {

    @TempDir
    Path dir;

    private CliFixture cli;
    private Path data;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void layOut() throws Exception {
        cli = new CliFixture(dir);
        data = dir.resolve("data");
    }

    private CliFixture.Run run(String... args) {
        String[] withData = java.util.Arrays.copyOf(args, args.length + 2);
        withData[args.length] = "--data";
        withData[args.length + 1] = data.toString();
        return cli.run(withData);
    }

    private Path miniRelease() throws Exception {
        Path release = Files.createDirectories(dir.resolve("release"));
        Files.writeString(release.resolve("Occupation Data.txt"), "O*NET-SOC Code\tTitle\tDescription\n"
                + "15-2021.00\tMathematicians\tStudy structures.\n"
                + "53-3032.00\tHeavy and Tractor-Trailer Truck Drivers\tDrive big trucks.\n");
        Files.writeString(release.resolve("Task Statements.txt"), "O*NET-SOC Code\tTask ID\tTask\tTask Type\n"
                + "15-2021.00\t1\tProve theorems and derive equations for statistical models.\tCore\n"
                + "15-2021.00\t2\tWrite code that computes numerical solutions.\tCore\n"
                + "53-3032.00\t3\tDrive a tractor-trailer on highways and secure the cargo.\tCore\n"
                + "53-3032.00\t4\tInspect the truck's brakes and tires before each trip.\tSupplemental\n");
        Files.writeString(release.resolve("Alternate Titles.txt"), "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)\n"
                + "53-3032.00\tLong Haul Trucker\tn/a\t01\n");
        return release;
    }

    @Test
    void importClassifyRankSearchAndShowAReleaseAsAUserWould() throws Exception {
        CliFixture.Run imported = run("taxonomy", "import", miniRelease().toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("2 occupations, 4 tasks").contains("Files used:")
                .contains("Skipped:").contains("Job Zones.txt: not in the release");

        CliFixture.Run classified = run("classify", "--taxonomy");
        assertThat(classified.exitCode()).as(classified.err()).isZero();
        assertThat(classified.err()).contains("4 tasks").contains("rated 4, reused 0");
        CliFixture.Run again = run("classify", "--taxonomy");
        assertThat(again.err()).contains("rated 0, reused 4");

        CliFixture.Run rank = run("rank", "--level", "major", "--order", "lagging");
        assertThat(rank.exitCode()).as(rank.err()).isZero();
        List<String> lines = rank.outLines();
        assertThat(lines.get(0)).startsWith("Ranking major level, lagging first. Weighting: tasks weighted core 2 /"
                + " supplemental 1 (no task ratings imported); occupations within families: weighted equally");
        assertThat(lines.get(3)).contains("53-0000").contains("Transportation and Material Moving Occupations");
        assertThat(lines.get(4)).contains("15-0000");

        // the JSON is the API's ranking view; the CSV flattens its rows
        CliFixture.Run json = run("rank", "--level", "occupation", "--order", "leading", "--format", "json");
        JsonNode ranking = mapper.readTree(json.out());
        assertThat(ranking.get("order").asText()).isEqualTo("leading");
        JsonNode rows = ranking.get("rows");
        assertThat(rows.get(0).get("code").asText()).isEqualTo("15-2021.00");
        assertThat(rows.get(0).at("/shares/PURE_REASONING").asDouble()).isEqualTo(1.0);
        CliFixture.Run csv = run("rank", "--level", "occupation", "--order", "leading", "--format", "csv");
        assertThat(csv.outLines().get(0)).isEqualTo(String.join(",", dev.moravec.app.JsonViews.RANKING_CSV));
        assertThat(csv.outLines().get(1)).startsWith("1,occupation,15-2021.00,");

        CliFixture.Run search = run("search", "truck", "--quadrant", "LAGGING");
        assertThat(search.out()).contains("53-3032.00").contains("Inspect the [truck's] brakes");
        CliFixture.Run title = run("search", "--occupations", "long haul trucker", "--format", "csv");
        assertThat(title.outLines().get(0)).startsWith("kind,code,title");
        assertThat(title.outLines().get(1)).contains("53-3032.00").contains("also known as: [Long] [Haul] [Trucker]");

        // classifying stored every task's and occupation's vector: search by meaning works
        CliFixture.Run semantic = run("search", "--semantic", "haul freight in a lorry", "--format", "csv");
        assertThat(semantic.exitCode()).as(semantic.err()).isZero();
        assertThat(semantic.outLines().get(1)).startsWith("task,53-3032.00,").contains(",3,");
        CliFixture.Run semanticTitles = run("search", "--semantic", "--occupations", "research in pure mathematics");
        assertThat(semanticTitles.outLines().get(0)).endsWith("SIMILARITY");
        assertThat(semanticTitles.outLines().get(1)).startsWith("15-2021.00  Mathematicians");

        CliFixture.Run explained = run("explain", "--occupation", "53-3032.00", "--task", "3");
        assertThat(explained.exitCode()).as(explained.err()).isZero();
        assertThat(explained.out()).contains("Drive a tractor-trailer on highways and secure the cargo.  (task 3 of the"
                + " taxonomy)").contains("Occupation: 53-3032.00 Heavy and Tractor-Trailer Truck Drivers");

        CliFixture.Run show = run("show", "15-2021.00");
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).contains("15-2021.00  Mathematicians").contains("major     15-0000  Computer and"
                + " Mathematical Occupations").contains("Score:").contains("PURE_REASONING").contains("lexicon: ");

        CliFixture.Run showJson = run("show", "15-2021.00", "--format", "json");
        assertThat(showJson.exitCode()).as(showJson.err()).isZero();
        JsonNode occupation = new ObjectMapper().readTree(showJson.out());
        assertThat(occupation.path("code").asText()).isEqualTo("15-2021.00");
        assertThat(occupation.path("family").get(0).path("code").asText()).isEqualTo("15-0000");
        assertThat(occupation.path("score").isNumber()).isTrue();
        // every quadrant has its share, zero or not, as the API's drill-down gives them
        for (Quadrant quadrant : Quadrant.values()) {
            assertThat(occupation.path("shares").path(quadrant.name()).isNumber()).as(quadrant.name()).isTrue();
        }
        assertThat(occupation.path("tasks").get(0).path("quadrant").asText()).isNotEmpty();

        CliFixture.Run info = run("taxonomy", "info");
        assertThat(info.out()).contains("Holds:      2 occupations, 4 tasks").contains("Classified: 20");
    }

    @Test
    void beforeAnyImportTheStarterCatalogIsTheTaxonomy() {
        CliFixture.Run rank = run("rank", "--level", "major");
        assertThat(rank.err()).contains("no taxonomy imported yet; indexing the built-in starter catalog")
                .contains("nothing is scored yet: run moravec classify --taxonomy");
        CliFixture.Run classified = run("classify", "--taxonomy");
        assertThat(classified.exitCode()).as(classified.err()).isZero();
        CliFixture.Run ranked = run("rank", "--level", "major", "--limit", "30");
        assertThat(ranked.outLines()).hasSize(3 + 22);
    }

    @Test
    void mistakesGetClearMessagesAndExitCodes() throws Exception {
        assertThat(run("taxonomy", "import", dir.resolve("nothing").toString()).err())
                .contains("does not exist: give the folder or the zip of an O*NET text release");
        assertThat(run("show", "99-9999.00").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        CliFixture.Run badQuery = run("search", "statement:(broken");
        assertThat(badQuery.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(badQuery.err()).contains("cannot read the query");
        assertThat(run("rank", "--level", "galaxy").err()).contains("--level must be task, occupation");
        assertThat(run("classify", "--taxonomy", "x.csv").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("search", "x", "--quadrant", "SOMEWHERE").exitCode()).isEqualTo(ExitCodes.USAGE);

        CliFixture.Run noVectors = run("search", "--semantic", "drive trucks");
        assertThat(noVectors.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(noVectors.err()).contains("has no task vectors yet: run 'moravec classify --taxonomy' once");
        CliFixture.Run taskWithoutOccupation = run("explain", "--task", "3");
        assertThat(taskWithoutOccupation.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(taskWithoutOccupation.err()).contains("--task needs --occupation");
        CliFixture.Run unknownTask = run("explain", "--occupation", "49-3023.00", "--task", "999999");
        assertThat(unknownTask.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknownTask.err()).contains("occupation 49-3023.00 has no task 999999");
    }
}

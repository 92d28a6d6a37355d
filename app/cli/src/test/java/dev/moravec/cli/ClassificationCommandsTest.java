package dev.moravec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.testing.FixtureRelease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * taxonomy import with crosswalks, ESCO and industry employment, then rank, show, search and bottlenecks in
 * other classifications and rank --by industry, through CommandLine.execute on the fixture release and its
 * crosswalk fixtures (written for these tests).
 */
class ClassificationCommandsTest {

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
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", data.toString()));
        CliFixture.Run run = cli.run(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isZero();
        return run;
    }

    private static String extra(String name) {
        return FixtureRelease.sharedExtra(name).toString();
    }

    private List<String> supplements() {
        List<String> args = new ArrayList<>();
        for (String crosswalk : FixtureRelease.CROSSWALKS) {
            args.addAll(List.of("--crosswalk", extra(crosswalk)));
        }
        args.addAll(List.of("--esco", FixtureRelease.sharedExtra("esco/occupations_en.csv").getParent().toString(),
                "--industry-employment", extra("industry.csv")));
        return args;
    }

    private void importAndClassify(boolean withSupplements) {
        List<String> args = new ArrayList<>(List.of("taxonomy", "import", FixtureRelease.sharedRelease().toString(),
                "--employment", extra("employment.csv")));
        if (withSupplements) {
            args.addAll(supplements());
        }
        CliFixture.Run imported = run(args.toArray(String[]::new));
        if (withSupplements) {
            assertThat(imported.out()).contains("Crosswalks imported:")
                    .contains("crosswalk-isco-soc2010.csv: BLS ISCO-08 -> 2010 SOC crosswalk")
                    .contains("2 codes without a partner")
                    .contains("isco08 (ISCO-08)")
                    .contains("(9999.1)")
                    .contains("This publication uses the ESCO classification of the European Commission.");
        }
        run("classify", "--taxonomy");
    }

    @Test
    void ranksShowsAndSearchesInIscoAndEsco() throws Exception {
        importAndClassify(true);

        CliFixture.Run majors = run("rank", "--classification", "isco08", "--level", "1");
        assertThat(majors.outLines().get(0)).startsWith("Ranking ISCO-08 major level");
        assertThat(majors.out()).contains("Professionals").contains("COVERAGE")
                .contains("Crosswalks: BLS ISCO-08 -> 2010 SOC crosswalk")
                .contains("90% INTERVAL").contains("RANK RANGE").contains("Intervals: 90% bootstrap");

        JsonNode json = mapper.readTree(run("rank", "--classification", "isco08", "--level", "1", "--format", "json")
                .out());
        assertThat(json.get("classification").asText()).isEqualTo("isco08");
        assertThat(json.get("rows").get(0).has("coverage")).isTrue();
        for (JsonNode row : json.get("rows")) {
            assertThat(row.at("/interval/low").asDouble()).as(row.toString()).isLessThanOrEqualTo(row.get("score").asDouble());
            assertThat(row.at("/interval/high").asDouble()).as(row.toString())
                    .isGreaterThanOrEqualTo(row.get("score").asDouble());
            assertThat(row.at("/rankRange/low").asInt()).as(row.toString()).isBetween(1, row.get("rank").asInt());
        }
        assertThat(mapper.readTree(run("rank", "--classification", "isco08", "--level", "1", "--format", "json",
                "--no-intervals").out()).at("/rows/0/interval").isNull()).isTrue();

        CliFixture.Run show = run("show", "--classification", "esco", "2511.4");
        assertThat(show.out()).contains("data scientist").contains("15-1252.00").contains("15-2021.00")
                .contains("Coverage:").contains("This publication uses the ESCO classification");
        assertThat(show.out()).contains("90% interval");
        CliFixture.Run byUri = run("show", "--classification", "esco",
                "http://data.europa.eu/esco/occupation/fixture-0003");
        assertThat(byUri.out()).contains("ESCO occupation 2511.4");

        CliFixture.Run search = run("search", "--occupations", "--classification", "esco", "data scientist");
        assertThat(search.outLines().get(1)).contains("2511.4");
        assertThat(search.out()).contains("This publication uses the ESCO classification");

        CliFixture.Run thin = run("show", "--classification", "esco", "3119.2");
        assertThat(thin.out()).contains("test rig technician");
    }

    @Test
    void ranksIndustriesByWageBill() {
        importAndClassify(true);

        CliFixture.Run industries = run("rank", "--by", "industry", "--weight", "wages");
        assertThat(industries.out()).contains("Information").contains("Construction").contains("WAGE BILL")
                .contains("LAG $").contains("employment suppressed (**)").contains("90% INTERVAL").contains("RANK RANGE");
        CliFixture.Run csv = run("rank", "--by", "industry", "--weight", "wages", "--format", "csv");
        assertThat(csv.outLines().get(0)).isEqualTo(String.join(",", dev.moravec.app.ClassificationViews.INDUSTRY_CSV))
                .contains("wages.LAGGING").contains("interval.low").contains("rankRange.high");
        assertThat(csv.outLines()).hasSize(3);
        CliFixture.Run bottlenecks = run("bottlenecks", "--classification", "isco08", "--level", "1", "--weight",
                "wages");
        assertThat(bottlenecks.out()).contains("Professionals");
    }

    @Test
    void addsCrosswalksToAnExistingIndexAndSaysWhatToImportWhenMissing() throws Exception {
        importAndClassify(false);
        CliFixture.Run missing = cli.run("rank", "--classification", "isco08", "--data", data.toString());
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("holds no crosswalks to ISCO-08").contains("--crosswalk");

        List<String> args = new ArrayList<>(List.of("taxonomy", "import"));
        args.addAll(supplements());
        CliFixture.Run added = run(args.toArray(String[]::new));
        assertThat(added.out()).contains("the occupations, tasks and verdicts are as they were");

        assertThat(run("rank", "--classification", "isco08", "--level", "1").out()).contains("Professionals");
        assertThat(Files.exists(data.resolve("index"))).isTrue();
    }

    @Test
    void classifiesACatalogWithIscoCodesMappingThemAndReportingTheUnmapped() throws Exception {
        importAndClassify(true);
        Path catalog = Files.writeString(dir.resolve("isco.csv"), "statement,ISCO-08 Code\n"
                + "Prove theorems about prime numbers,2120\n"
                + "Run a test rig in a laboratory,3119\n");
        Path out = dir.resolve("out.jsonl");

        CliFixture.Run classified = run("classify", catalog.toString(), "--out", out.toString(),
                "--occupation-classification", "isco08");

        assertThat(classified.err()).contains("Occupation codes (isco08): 1 records mapped to O*NET-SOC occupations")
                .contains("1 records with 1 codes unmapped").contains("3119 (1 records): ISCO-08 3119 has no partner");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(2);
        JsonNode mapped = mapper.readTree(lines.get(0));
        assertThat(mapped.at("/occupation/code").asText()).isEqualTo("15-2021.00");
        assertThat(mapped.at("/fields/occupationGiven").asText()).isEqualTo("2120");
        assertThat(mapped.at("/fields/occupationMapping").asText()).contains("ISCO-08 2120 -> 15-2021.00");
        JsonNode unmapped = mapper.readTree(lines.get(1));
        assertThat(unmapped.get("occupation").isNull()).isTrue();
        assertThat(unmapped.at("/fields/occupationMapping").asText()).startsWith("unmapped:");
    }
}

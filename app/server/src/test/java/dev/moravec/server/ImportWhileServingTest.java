package dev.moravec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moravec.model.EngineConfig;
import dev.moravec.taxonomy.sources.OnetReleaseReader;
import dev.moravec.taxonomy.sources.StarterCatalog;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code moravec taxonomy import} while the server runs, made as another process makes it (its own
 * index on the same folder): the server answers from the new content at once, the occupation titles it
 * fills in and the attribution it shows included.
 */
class ImportWhileServingTest {

    private static final String TASK = "{\"statement\": \"Write code that passes an automated test suite\","
            + " \"occupation\": \"15-1252.00\"}";

    @TempDir
    Path dir;

    /** Imports a small O*NET release, named "O*NET 30.1 Database" by its Read Me, into the server's index folder. */
    private void importRelease(ServerFixture fixture) throws Exception {
        Path release = Files.createDirectories(dir.resolve("release"));
        Files.writeString(release.resolve("Read Me.txt"), "O*NET 30.1 Database\r\nAugust 2025 Release\r\n");
        Files.writeString(release.resolve("Occupation Data.txt"), """
                O*NET-SOC Code\tTitle\tDescription
                15-1252.00\tSoftware Engineers\tDesign, build and test software.
                43-3031.00\tBookkeeping, Accounting, and Auditing Clerks\tKeep financial records.
                """);
        Files.writeString(release.resolve("Task Statements.txt"), """
                O*NET-SOC Code\tTask ID\tTask\tTask Type
                15-1252.00\t1\tWrite code that passes an automated test suite.\tCore
                43-3031.00\t2\tReconcile ledger accounts with bank statements.\tCore
                """);
        try (TaxonomyIndex otherProcess = TaxonomyIndex.open(fixture.index.path(), fixture.mapper)) {
            otherProcess.replace(new OnetReleaseReader(line -> { }).read(release, OnetReleaseReader.Options.NONE),
                    line -> { });
        }
    }

    private static String title(ServerFixture fixture) throws Exception {
        return fixture.json(fixture.post("/api/classify", TASK)).at("/occupation/title").asText();
    }

    private static String report(ServerFixture fixture) throws Exception {
        HtmlReport report = new HtmlReport(fixture.mapper, fixture.index);
        return report.render(report.data(new HtmlReport.Options("major", null, EngineConfig.defaults())));
    }

    @Test
    void occupationTitlesFollowTheIndex() throws Exception {
        try (ServerFixture fixture = new ServerFixture(dir.resolve("server"))) {
            assertThat(title(fixture)).isEqualTo("Software Developers");
            importRelease(fixture);
            assertThat(title(fixture)).isEqualTo("Software Engineers");
            assertThat(fixture.json(fixture.get("/api/explain?task=Write+code&occupation=15-1252.00"))
                    .at("/occupation/title").asText()).isEqualTo("Software Engineers");
            assertThat(fixture.json(fixture.post("/api/classify", "{\"statement\": \"Set revenue targets\","
                    + " \"occupation\": \"11-1011.00\"}")).at("/occupation/title").isNull())
                    .as("Chief Executives is not in the new release").isTrue();
        }
    }

    @Test
    void theAttributionNamesTheReleaseTheIndexHolds() throws Exception {
        try (ServerFixture fixture = new ServerFixture(dir.resolve("server"))) {
            JsonNode starter = fixture.json(fixture.get("/api/health")).get("taxonomy");
            assertThat(starter.path("release").isNull()).as("no O*NET release imported").isTrue();
            assertThat(starter.get("attribution").asText()).isEqualTo(StarterCatalog.ATTRIBUTION);
            assertThat(fixture.get("/").body()).contains(StarterCatalog.ATTRIBUTION);
            assertThat(report(fixture)).contains(StarterCatalog.ATTRIBUTION);

            importRelease(fixture);
            String onet = "O*NET 30.1 Database by the U.S. Department of Labor, Employment and Training Administration"
                    + " (USDOL/ETA). Used under the CC BY 4.0 license.";
            JsonNode imported = fixture.json(fixture.get("/api/health")).get("taxonomy");
            assertThat(imported.get("release").asText()).isEqualTo("O*NET 30.1 Database");
            assertThat(imported.get("attribution").asText()).isEqualTo(onet);
            assertThat(fixture.get("/").body()).contains(onet).doesNotContain("O*NET 29.1");
            assertThat(report(fixture)).contains(onet).doesNotContain("O*NET 29.1");
        }
    }
}

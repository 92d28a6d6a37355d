package dev.moravec.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.model.EngineConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import dev.moravec.app.MeasureComparison;
import dev.moravec.evaluation.OccupationMeasureReader;
import dev.moravec.model.AnalystOverrides;
import dev.moravec.taxonomy.index.IntervalSettings;
import dev.moravec.taxonomy.index.ViewOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The HTML report opened from disk in headless Chromium with the server stopped: its charts (the scatter,
 * the ranking and why families lag) and the scenarios' table draw from the embedded data and inlined
 * Chart.js, with nothing fetched from anywhere.
 */
class ReportIT {

    @TempDir
    Path dir;

    @Test
    void theReportOpensOfflineAndShowsItsCharts() throws Exception {
        try (Browser browser = Browser.start()) {
            Path report = dir.resolve("report.html");
            int tasks;
            try (ServerFixture fixture = new ServerFixture(dir.resolve("server"))) {
                // a measure the test makes up for occupations of the starter catalog in six major groups
                Path measure = dir.resolve("measure.csv");
                Files.writeString(measure, "SOC Code,value\n15-1252,0.9\n43-4051,0.8\n47-2061,0.1\n37-2011,0.2\n"
                        + "29-1141,0.3\n23-1023,0.7\n");
                MeasureComparison.Result comparison = new MeasureComparison(fixture.index).compare(
                        new OccupationMeasureReader().read(measure, null, null, null), "major", AnalystOverrides.NONE, 10,
                        new IntervalSettings(200, 1));
                tasks = new HtmlReport(fixture.mapper, fixture.index).write(report, new HtmlReport.Options("major", null,
                        EngineConfig.defaults(), new ViewOptions(AnalystOverrides.NONE, IntervalSettings.DEFAULT), comparison))
                        .tasks();
            }
            String html = Files.readString(report, StandardCharsets.UTF_8);
            assertThat(html).doesNotContain("<script src").doesNotContain("<link rel=\"stylesheet\"")
                    .doesNotContain("http://127.0.0.1");

            browser.driver.get(report.toUri().toString());
            browser.await(d -> browser.points("scatter-chart") > 0 && browser.points("ranking-chart") > 0
                    && browser.points("bottleneck-chart") > 0);
            assertThat(browser.points("scatter-chart")).isEqualTo(tasks);
            assertThat(browser.points("ranking-chart")).isEqualTo(22);
            assertThat(browser.driver.findElement(By.id("quadrant-table")).getText()).contains("Pure reasoning")
                    .contains("Lagging");
            assertThat(browser.driver.findElement(By.id("ranking-table")).getText()).contains("15-0000")
                    .contains("90% interval").contains("Rank range");
            assertThat(browser.driver.findElement(By.cssSelector("footer")).getText()).contains("USDOL/ETA");
            // why families lag: one stacked bar per major group, and its table
            assertThat(browser.js("return Chart.getChart(document.getElementById('bottleneck-chart')).data.labels.length"))
                    .isEqualTo(22L);
            assertThat(browser.js("return Chart.getChart(document.getElementById('bottleneck-chart')).data.datasets"
                    + ".map(d => d.label)")).asString().contains("Embodiment").contains("No factor named");
            assertThat(browser.driver.findElements(By.cssSelector("#bottleneck-table tbody tr"))).hasSize(22);
            // the scenarios' impact: one row per configured scenario
            List<WebElement> scenarios = browser.driver.findElements(By.cssSelector("#scenario-table tbody tr"));
            assertThat(scenarios).hasSize(4);
            assertThat(scenarios.get(0).getAttribute("textContent")).startsWith("robotics: robots that handle the physical world")
                    .contains("Embodiment 100%");
            assertThat(browser.points("comparison-chart")).isEqualTo(6);
            assertThat(browser.driver.findElement(By.id("comparison-summary")).getText())
                    .contains("6 of 6 codes matched").contains("Spearman");
            browser.screenshot(Path.of("target", "screenshots", "report.png"), 1150);

            browser.driver.findElement(By.id("order-leading")).click();
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("ranking-note"), "highest scores"));
            assertThat(browser.js("return Chart.getChart(document.getElementById('ranking-chart')).data.labels[0]"))
                    .asString().startsWith("15-0000");
            assertThat(browser.errors()).isEmpty();
        }
    }
}

package dev.moravec.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.InstanceOfAssertFactories;
import dev.moravec.app.OverrideStore;
import dev.moravec.model.AnalystOverride;
import dev.moravec.model.Quadrant;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.OptionalDouble;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web page in headless Chromium, as a user meets it: it loads, draws the scatter, the ranking and
 * why families lag with data points, re-draws the ranking and the scatter under a breakthrough scenario,
 * searches, opens an occupation with what holds it back and explains a task, by mouse and by keyboard,
 * without a script error or a refused resource.
 */
class WebPageIT {

    @TempDir
    static Path dir;

    private static ServerFixture fixture;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        fixture = new ServerFixture(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (fixture != null) {
                fixture.close();
            }
        }
    }

    private void load() {
        browser.driver.get(fixture.server.uri().toString());
        browser.await(d -> browser.points("scatter-chart") > 0 && browser.points("ranking-chart") > 0
                && browser.points("bottleneck-chart") > 0 && new Select(id("scenario")).getOptions().size() > 1);
    }

    /** The labels of a bar chart: one per bar. */
    private List<?> labels(String canvasId) {
        return (List<?>) browser.js("return Chart.getChart(document.getElementById(arguments[0])).data.labels", canvasId);
    }

    /** The ranking's scores, bar by bar. */
    private List<?> rankingScores() {
        return (List<?>) browser.js("return Chart.getChart(document.getElementById('ranking-chart')).data.datasets[0].data");
    }

    private WebElement id(String id) {
        return browser.driver.findElement(By.id(id));
    }

    @Test
    void thePageDrawsTheScatterAndTheRankingWithData() throws Exception {
        load();
        assertThat(browser.points("scatter-chart")).isEqualTo(fixture.json(fixture.get("/api/tasks")).get("total").asLong());
        assertThat(browser.js("return Chart.getChart(document.getElementById('scatter-chart')).data.datasets[0].data.length"))
                .isInstanceOf(Number.class).matches(n -> ((Number) n).intValue() > 0);
        assertThat(browser.points("ranking-chart")).isEqualTo(22);
        // every bar carries its 90% interval, low at most high, and the table says it with the rank range
        assertThat(browser.js("return Chart.getChart(document.getElementById('ranking-chart')).data.datasets"
                + ".filter(d => d.interval).flatMap(d => d.data).filter(i => i && i[0] <= i[1]).length"))
                .isInstanceOf(Number.class).matches(n -> ((Number) n).intValue() == 22);
        // the table is folded away under the chart: its text, not what is on screen
        assertThat(browser.js("return document.getElementById('ranking-table').textContent")).asString()
                .contains("90% interval").contains("Rank range");
        assertThat(id("source").getText()).contains("built-in starter catalog").contains("lexicon");
        assertThat(id("scatter-summary").getText()).contains("tasks");
        assertThat(browser.driver.findElement(By.cssSelector("footer")).getText()).contains("USDOL/ETA")
                .contains("CC BY 4.0");
        browser.screenshot(Path.of("target", "screenshots", "web-page.png"), 1900);

        new Select(id("scatter-family")).selectByValue("15-0000");
        browser.await(d -> browser.points("scatter-chart") > 0 && browser.points("scatter-chart") < 100);
        List<?> codes = (List<?>) browser.js("return Chart.getChart(document.getElementById('scatter-chart')).data.datasets"
                + ".flatMap(d => d.data.filter(p => p.point).map(p => p.point.code))");
        assertThat(codes).isNotEmpty().allSatisfy(code -> assertThat((String) code).startsWith("15-"));
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theBottleneckChartHasOneStackedBarPerFamily() throws Exception {
        load();
        JsonNode api = fixture.json(fixture.get("/api/bottlenecks?level=major"));
        List<?> labels = labels("bottleneck-chart");
        assertThat(labels).hasSize(22).hasSize(api.get("rows").size());
        assertThat((String) labels.get(0)).startsWith(api.at("/rows/0/code").asText());
        assertThat(browser.js("const c = Chart.getChart(document.getElementById('bottleneck-chart'));"
                + " return c.options.scales.x.stacked && c.options.scales.y.stacked")).isEqualTo(true);
        assertThat(browser.js("return Chart.getChart(document.getElementById('bottleneck-chart')).data.datasets"
                + ".map(d => d.label)")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("Embodiment", "No factor named");
        // each bar is as long as its family's lagging share
        Number total = (Number) browser.js("return Chart.getChart(document.getElementById('bottleneck-chart')).data.datasets"
                + ".reduce((sum, d) => sum + d.data[0], 0)");
        assertThat(total.doubleValue()).isCloseTo(api.at("/rows/0/laggingShare").asDouble(), within(1e-6));
        browser.driver.findElement(By.cssSelector("#bottleneck-section details summary")).click();
        assertThat(id("bottleneck-table").findElements(By.cssSelector("tbody tr"))).hasSize(22);
        assertThat(id("bottleneck-table").getText()).contains("Embodiment").contains("49-0000");

        int minor = Math.min(25, fixture.json(fixture.get("/api/bottlenecks?level=minor")).get("rows").size());
        new Select(id("bottleneck-level")).selectByValue("minor");
        browser.await(d -> labels("bottleneck-chart").size() == minor);
        // a family's bar opens its occupations
        browser.driver.findElement(By.cssSelector("#bottleneck-table tbody tr:first-child button")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("bottleneck-note"), "Occupations in"));
        assertThat(labels("bottleneck-chart")).allSatisfy(label -> assertThat((String) label).matches("\\d{2}-\\d{4}\\.\\d{2}.*"));
        id("bottleneck-back").click();
        browser.await(d -> !id("bottleneck-note").getText().contains("Occupations in"));
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void aScenarioRedrawsTheRankingAndMarksTheTasksItMoved() throws Exception {
        load();
        List<String> options = new Select(id("scenario")).getOptions().stream().map(o -> o.getDomProperty("value")).toList();
        assertThat(options).containsExactly("", "robotics", "multimodality", "autonomy", "memory");
        List<?> before = rankingScores();
        assertThat(browser.js("return Chart.getChart(document.getElementById('scatter-chart')).data.datasets"
                + ".some(d => d.movedLegend)")).isEqualTo(false);

        new Select(id("scenario")).selectByValue("robotics");
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("ranking-note"), "Under robotics"));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("scatter-summary"), "Under robotics"));
        JsonNode robotics = fixture.json(fixture.get("/api/scenarios?scenario=robotics")).at("/scenarios/0");
        assertThat(id("scenario-summary").getText()).contains("robotics")
                .contains(robotics.get("changedQuadrant").asInt() + " change quadrant")
                .contains("employment that stops lagging");
        assertThat(rankingScores()).isNotEqualTo(before);

        // the moved tasks are stars with a dark border, and their tooltip names the factors that moved them
        JsonNode points = fixture.json(fixture.get("/api/tasks?scenario=robotics"));
        List<?> moved = (List<?>) browser.js("const chart = Chart.getChart(document.getElementById('scatter-chart'));"
                + " const found = [];"
                + " chart.data.datasets.forEach((d, i) => d.data.forEach((p, j) => {"
                + "   if (p.point && p.point.movedBy.length) {"
                + "     found.push(chart.getDatasetMeta(i).data[j].options.pointStyle + ' ' + p.point.movedBy.join(','));"
                + "   } }));"
                + " return found;");
        assertThat(moved).hasSize(points.get("moved").asInt()).isNotEmpty()
                .allSatisfy(m -> assertThat((String) m).matches("star (EMBODIMENT|PERCEPTION)(,EMBODIMENT|,PERCEPTION)*"));
        Object tooltip = browser.js("const chart = Chart.getChart(document.getElementById('scatter-chart'));"
                + " const i = chart.data.datasets.findIndex(d => d.data.some(p => p.point && p.point.movedBy.length));"
                + " const j = chart.data.datasets[i].data.findIndex(p => p.point && p.point.movedBy.length);"
                + " const item = { raw: chart.data.datasets[i].data[j], dataset: chart.data.datasets[i] };"
                + " return chart.options.plugins.tooltip.callbacks.afterLabel(item);");
        assertThat(tooltip.toString()).containsPattern("Moved by robotics, relieving: (Embodiment|Perception)");
        assertThat(browser.js("return Chart.getChart(document.getElementById('scatter-chart')).data.datasets"
                + ".find(d => d.movedLegend).label")).asString().startsWith("Moved by robotics");

        new Select(id("scenario")).selectByValue("");
        browser.await(d -> !id("ranking-note").getText().contains("Under"));
        browser.await(d -> rankingScores().equals(before));
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void searchingAndOpeningAnOccupationShowItsTasksAndShares() {
        load();
        id("search-q").sendKeys("software");
        id("search-form").findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-results li mark")));
        assertThat(id("search-results").getText()).containsIgnoringCase("software");

        new Select(id("search-kind")).selectByValue("occupations");
        id("search-q").clear();
        id("search-q").sendKeys("software developers", Keys.ENTER); // the keyboard submits the form
        // the task results stay until the occupation results replace them
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#search-results li button"),
                "Software Developers (15-1252.00)"));
        browser.driver.findElement(By.cssSelector("#search-results li button")).click();
        browser.await(ExpectedConditions.textToBe(By.id("occupation-heading"), "Software Developers (15-1252.00)"));
        assertThat(id("occupation-path").getText()).contains("15-0000").contains("15-1252");
        assertThat(browser.points("shares-chart")).isEqualTo(4);
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#occupation-tables table:last-child tbody tr"));
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).getText()).contains("lexicon:");
        assertThat(browser.driver.getCurrentUrl()).endsWith("#occupation=15-1252.00");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theDrillDownSaysWhatHoldsTheOccupationBack() throws Exception {
        browser.driver.get(fixture.server.uri() + "#occupation=49-9071.00");
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("occupation-heading"), "49-9071.00"));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("occupation-bottlenecks"), "Mainly"));
        WebElement holds = id("occupation-bottlenecks");
        assertThat(holds.findElement(By.tagName("h3")).getText()).isEqualTo("What holds this occupation back");
        assertThat(holds.findElement(By.tagName("p")).getText()).startsWith("Mainly Embodiment: hands, bodies")
                .contains("of its tasks lag mainly for it");
        List<WebElement> factors = holds.findElements(By.cssSelector("tbody tr"));
        assertThat(factors).isNotEmpty();
        assertThat(factors.get(0).getText()).contains("Embodiment").contains("hands, bodies");
        WebElement repair = id("occupation-tables").findElements(By.cssSelector("table:last-child tbody tr")).stream()
                .filter(row -> row.getText().contains("Repair sticking doors")).findFirst().orElseThrow();
        assertThat(repair.getText()).contains("Embodiment").contains("Physical check");
        List<String> headers = id("occupation-tables").findElements(By.cssSelector("table:last-child thead th")).stream()
                .map(WebElement::getText).toList();
        assertThat(headers).contains("Held back by", "Checked by");
        browser.screenshot(Path.of("target", "screenshots", "occupation.png"), 1300);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void explainingATaskShowsTheVerificationModeAndTheBottlenecksWithTheirEvidence() {
        WebElement result = explain("Lift and carry furniture up stairs");
        assertThat(result.findElement(By.className("verdict")).getText()).contains("Checked by: Physical check");
        WebElement holds = result.findElements(By.tagName("table")).get(0);
        assertThat(holds.findElement(By.tagName("caption")).getText()).isEqualTo("What holds it back");
        assertThat(holds.findElement(By.cssSelector("tbody tr")).getText()).contains("Embodiment").contains("0.90")
                .contains("word-factors: 'lift' -> hands-on physical work");
        assertThat(result.getText()).contains("Embodiment 0.90");
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void anOccupationShowsItsIntervalItsRankAndAnAnalystOverrideWithWhoWhenAndWhy() throws Exception {
        OverrideStore store = new OverrideStore(dir, fixture.mapper);
        OverrideStore.Effect none = new OverrideStore.Effect(null, null);
        store.put(new AnalystOverride("15-2021.00", "S0058", OptionalDouble.empty(), OptionalDouble.empty(),
                Quadrant.LAGGING, "proofs need a referee", "ana", LocalDate.of(2026, 1, 2)), "ana", none, none);
        try {
            browser.driver.get(fixture.server.uri() + "#occupation=15-2021.00");
            browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("occupation-heading"), "15-2021.00"));
            assertThat(id("occupation-score").getText()).containsPattern("Score 0\\.\\d+ \\(90% interval 0\\.\\d+–0\\.\\d+\\)")
                    .containsPattern("rank \\d+ of 81, lagging first \\(90% range \\d+–\\d+\\)")
                    .contains("analyst overrides applied");
            String tasks = (String) browser.js("return document.getElementById('occupation-tables').textContent");
            assertThat(tasks).contains("* overridden by ana on 2026-01-02: proofs need a referee");
            assertThat(browser.errors()).isEmpty();
        } finally {
            store.remove("15-2021.00", "S0058", "ana", "done", none, none);
        }
    }

    /** Loads the page and explains a task with the form; returns the result. */
    private WebElement explain(String task) {
        load();
        id("explain-text").sendKeys(task);
        id("explain-form").findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("explain-result"), "Verdict"));
        return id("explain-result");
    }

    @Test
    void explainingATaskShowsEachScorersRatingAndTheVerdict() {
        String result = explain("Trim trees and remove branches using chainsaws").getText();
        assertThat(result).contains("Lagging").contains("lexicon").contains("chainsaws").contains("OK");

        // from an occupation's task, with its code
        browser.driver.get(fixture.server.uri() + "#occupation=15-2021.00");
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("occupation-heading"), "15-2021.00"));
        WebElement explain = browser.driver.findElement(By.cssSelector("#occupation-tables tbody button"));
        explain.click();
        browser.await(d -> id("explain-occupation").getDomProperty("value").equals("15-2021.00")
                && id("explain-result").getText().contains("Verdict") && !id("explain-result").getText().equals(result));
        assertThat(id("explain-text").getDomProperty("value")).isNotBlank();
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void theRankingDrillsFromAFamilyToItsOccupationsAndTurnsToLeading() {
        load();
        browser.driver.findElement(By.cssSelector("#ranking-section details summary")).click();
        WebElement family = browser.await(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#ranking-table tbody tr:first-child button")));
        family.click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("ranking-note"), "Occupations in"));
        assertThat(id("rank-back").isDisplayed()).isTrue();
        assertThat(browser.points("ranking-chart")).isPositive();
        WebElement occupation = browser.await(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#ranking-table tbody tr:first-child button")));
        String name = occupation.getText();
        occupation.click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("occupation-heading"), name));

        id("rank-back").click();
        id("order-leading").click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("ranking-note"), "Highest scores"));
        List<?> scores = (List<?>) browser.js(
                "return Chart.getChart(document.getElementById('ranking-chart')).data.datasets[0].data");
        assertThat(((Number) scores.get(0)).doubleValue()).isGreaterThanOrEqualTo(((Number) scores.get(scores.size() - 1))
                .doubleValue());
        assertThat(browser.errors()).isEmpty();
    }
}

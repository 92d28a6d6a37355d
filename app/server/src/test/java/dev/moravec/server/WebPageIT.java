package dev.moravec.server;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The web page in headless Chromium, as a user meets it: it loads, draws the scatter and the ranking
 * with data points, searches, opens an occupation and explains a task, by mouse and by keyboard,
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
        browser.await(d -> browser.points("scatter-chart") > 0 && browser.points("ranking-chart") > 0);
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
        browser.screenshot(Path.of("target", "screenshots", "web-page.png"), 1250);

        new Select(id("scatter-family")).selectByValue("15-0000");
        browser.await(d -> browser.points("scatter-chart") > 0 && browser.points("scatter-chart") < 100);
        List<?> codes = (List<?>) browser.js("return Chart.getChart(document.getElementById('scatter-chart')).data.datasets"
                + ".flatMap(d => d.data.filter(p => p.point).map(p => p.point.code))");
        assertThat(codes).isNotEmpty().allSatisfy(code -> assertThat((String) code).startsWith("15-"));
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

    @Test
    void explainingATaskShowsEachScorersRatingAndTheVerdict() {
        load();
        id("explain-text").sendKeys("Trim trees and remove branches using chainsaws");
        id("explain-form").findElement(By.cssSelector("button[type=submit]")).click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("explain-result"), "Verdict"));
        String result = id("explain-result").getText();
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

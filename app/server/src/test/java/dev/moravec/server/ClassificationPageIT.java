package dev.moravec.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.taxonomy.sources.Supplements;
import dev.moravec.testing.FixtureRelease;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The page's classification and industry views in headless Chromium: the starter catalog, classified, with the
 * fixture's crosswalks, ESCO download and industry file (written for the tests) added to the index.
 */
class ClassificationPageIT {

    @TempDir
    static Path dir;

    private static ServerFixture fixture;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Browser.start();
        fixture = new ServerFixture(dir);
        List<Path> crosswalks = FixtureRelease.CROSSWALKS.stream().map(FixtureRelease::sharedExtra).toList();
        fixture.index.supplement(Supplements.read(crosswalks,
                FixtureRelease.sharedExtra("esco/occupations_en.csv").getParent(),
                FixtureRelease.sharedExtra("industry.csv"), line -> { }), line -> { });
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

    private WebElement id(String id) {
        return browser.driver.findElement(By.id(id));
    }

    @Test
    void ranksEscoGroupsOpensOneAndShowsTheIndustries() {
        browser.driver.get(fixture.server.uri().toString());
        browser.await(d -> browser.points("ranking-chart") > 0);
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("industry-section")));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("industry-table"), "Construction"));
        assertThat(id("industry-table").getText()).contains("Information").contains("90% interval");

        new Select(id("rank-classification")).selectByValue("esco");
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("ranking-note"), "Coverage"));
        assertThat(id("classification-attribution").getText()).contains("ESCO classification of the European Commission");
        assertThat(browser.points("ranking-chart")).isPositive();

        browser.driver.findElement(By.cssSelector("#ranking-section details summary")).click();
        WebElement group = browser.await(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#ranking-table tbody tr:first-child button")));
        group.click();
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("occupation-score"), "coverage"));
        assertThat(id("occupation-tables").getText()).contains("The O*NET-SOC occupations behind it");
        assertThat(id("occupation-score").getText()).contains("90% interval");

        new Select(id("rank-weight")).selectByValue("wages");
        // the starter catalog has no wages, so the ranking stays as it was; the industry file has them
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("industry-note"), "wage bill"));
        assertThat(browser.points("ranking-chart")).isPositive();
        assertThat(browser.errors()).isEmpty();
    }
}

package dev.moravec.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Takes the documentation's screenshots of the page on a running server: docs/web-page.png (the top of
 * the page), docs/bottlenecks.png (a breakthrough scenario chosen: the selector and its summary, the
 * scatter and the ranking under it, and why families lag) and docs/occupation.png (a drill-down with what
 * holds the occupation back). Skipped unless {@code -Dmoravec.screenshot.url} names the page, so that the
 * screenshots show the real O*NET release: import and classify it, run {@code moravec serve --port 0}, then
 * {@code ./mvnw -o verify -pl app/server -Dit.test=DocsScreenshotIT -Dmoravec.screenshot.url=http://127.0.0.1:PORT/}.
 */
class DocsScreenshotIT {

    private static final Path DOCS = Path.of("..", "..", "docs");
    private static final String URL = System.getProperty("moravec.screenshot.url", "");

    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(!URL.isBlank(), "skipped: -Dmoravec.screenshot.url=http://127.0.0.1:PORT/ names no running server");
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    private static void load(String hash) {
        browser.driver.get(URL + hash);
        browser.await(d -> browser.points("scatter-chart") > 0 && browser.points("ranking-chart") > 0
                && browser.points("bottleneck-chart") >= 0 && new Select(d.findElement(By.id("scenario"))).getOptions().size() > 1);
    }

    /** The window at the screenshot's size first, so that the charts are laid out before the page scrolls to the element. */
    private static void shoot(String file, int height, String scrollTo) throws Exception {
        browser.driver.manage().window().setSize(new Dimension(1366, height));
        browser.js("document.activeElement.blur();"
                + " window.scrollTo(0, arguments[0] ? document.getElementById(arguments[0]).offsetTop - 8 : 0)", scrollTo);
        browser.screenshot(DOCS.resolve(file), height);
        assertThat(browser.errors()).isEmpty();
    }

    @Test
    void thePage() throws Exception {
        load("");
        shoot("web-page.png", 1450, null);
    }

    @Test
    void aScenarioAndWhyFamiliesLag() throws Exception {
        load("");
        String scenario = System.getProperty("moravec.screenshot.scenario", "robotics");
        new Select(browser.driver.findElement(By.id("scenario"))).selectByValue(scenario);
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("ranking-note"), "Under " + scenario));
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("scatter-summary"), "Under " + scenario));
        shoot("bottlenecks.png", 2150, "scenario-section");
    }

    @Test
    void anOccupationAndWhatHoldsItBack() throws Exception {
        load("#occupation=15-1252.00");
        browser.await(ExpectedConditions.textToBePresentInElementLocated(By.id("occupation-bottlenecks"), "What holds"));
        shoot("occupation.png", 1300, "occupation-section");
    }
}

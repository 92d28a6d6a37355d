package dev.moravec.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The web page's files (under {@code dev/moravec/server/web/} on the class path) and Chart.js, read
 * from its WebJar: the version comes from the WebJar's own Maven metadata, so the page and the report
 * follow the dependency's version without anyone editing a path.
 */
public final class WebAssets {

    /** Where the page's own files are on the class path. */
    public static final String WEB_DIR = "/dev/moravec/server/web";

    private static final String WEBJAR = "META-INF/resources/webjars/chart.js/";
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private final String chartJsVersion;

    /** Finds the Chart.js WebJar on the class path. */
    public WebAssets() {
        Properties pom = new Properties();
        try (InputStream in = open(WEBJAR_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Chart.js WebJar's " + WEBJAR_POM, e);
        }
        this.chartJsVersion = pom.getProperty("version");
    }

    /** @return the path the server serves Chart.js at (its WebJar path under {@code /webjars/}) */
    public String chartJsPath() {
        return "/webjars/chart.js/" + chartJsVersion + "/dist/chart.umd.js";
    }

    /** @return Chart.js's UMD bundle, which defines the global {@code Chart} and includes its dependencies */
    public String chartJs() {
        return read(WEBJAR + chartJsVersion + "/dist/chart.umd.js");
    }

    /**
     * One of the page's files.
     *
     * @param name its name in the web folder, such as {@code charts.js}
     * @return its text
     */
    public String web(String name) {
        return read(WEB_DIR.substring(1) + "/" + name);
    }

    /** @return the API's OpenAPI description, with {@code {{version}}} for the version */
    public String openApi() {
        return read("dev/moravec/server/openapi.json");
    }

    /**
     * Text as HTML character data or an attribute value.
     *
     * @param text any text
     * @return the text with {@code & < > "} escaped
     */
    public static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String read(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from the class path", e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = WebAssets.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not on the class path; rebuild Moravec");
        }
        return in;
    }
}

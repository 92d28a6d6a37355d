package dev.moravec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve and report through the command line, as a user runs them. */
class WebCommandsTest {

    @TempDir
    Path dir;

    private CliFixture cli;
    private Path data;

    @BeforeEach
    void layOut() throws Exception {
        cli = new CliFixture(dir);
        data = dir.resolve("data");
    }

    @Test
    void reportWritesOneSelfContainedFileClassifyingTheTaxonomyFirst() throws Exception {
        Path out = dir.resolve("out/r.html");
        CliFixture.Run run = cli.run("report", "--out", out.toString(), "--data", data.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("not classified yet: classifying it first");
        assertThat(run.out()).startsWith("Wrote " + out).contains("484 tasks on the scatter, 22 rows in the major ranking");
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(html).contains("Chart.js v4.5.1").contains("\"source\":\"built-in starter catalog\"")
                .contains("USDOL/ETA").doesNotContain("<script src");

        Path family = dir.resolve("family.html");
        CliFixture.Run again = cli.run("report", "--out", family.toString(), "--level", "occupation", "--family", "15-0000",
                "--data", data.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.err()).doesNotContain("classifying");
        assertThat(Files.readString(family)).contains("15-1252.00").doesNotContain("\"code\":\"53-3032.00\"")
                .contains("Moravec report: 15-0000 Computer and Mathematical Occupations, occupation level");
    }

    @Test
    void reportMistakesGetClearMessages() {
        String d = data.toString();
        CliFixture.Run level = cli.run("report", "--out", dir.resolve("x.html").toString(), "--level", "galaxy", "--data", d);
        assertThat(level.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(level.err()).contains("--level must be major, minor");
        CliFixture.Run family = cli.run("report", "--out", dir.resolve("x.html").toString(), "--family", "99-0000", "--data", d);
        assertThat(family.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(family.err()).contains("no family or occupation 99-0000");
        assertThat(cli.run("report").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.exists(dir.resolve("x.html"))).isFalse();
    }

    /** serve on a free port, answer over HTTP, and stop cleanly when its thread is interrupted. */
    @Test
    void serveAnswersOnTheAddressItPrintsAndStopsCleanly() throws Exception {
        CliFixture.Serving serving = cli.serve("--port", "0", "--data", data.toString());
        URI uri = serving.uri();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri.resolve("api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"").contains("\"tasks\":486");
            HttpResponse<String> rank = client.send(HttpRequest.newBuilder(uri.resolve("api/rank?level=major")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(rank.body()).contains("\"code\":\"15-0000\"");
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("<canvas id=\"scatter-chart\"");
        }
        assertThat(serving.err().toString()).contains("classified the taxonomy").contains("rated 486 tasks");
        assertThat(serving.stop()).as(serving.err().toString()).isZero();
        assertThat(serving.err().toString()).contains("moravec: stopping");
        try (ServerSocket again = new ServerSocket(uri.getPort(), 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.isBound()).as("the port is released").isTrue();
        }
    }

    @Test
    void servingOnAPortInUseSaysSo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliFixture.Run run = cli.run("serve", "--port", String.valueOf(taken.getLocalPort()), "--data", data.toString());
            assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()).contains("--port 0");
        }
        assertThat(cli.run("serve", "--port", "70000").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}

package dev.moravec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** serve and report through the command line, as a user runs them. */
class WebCommandsTest {

    private static final Pattern URL = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+/)");

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
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        FutureTask<Integer> exit = new FutureTask<>(
                () -> commandLine(out, err).execute("serve", "--port", "0", "--data", data.toString()));
        Thread thread = new Thread(exit, "serve");
        thread.start();
        URI uri = awaitUrl(out, err, exit);
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
        assertThat(err.toString()).contains("classified the taxonomy").contains("rated 486 tasks");
        thread.interrupt();
        assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(err.toString()).contains("moravec: stopping");
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

    private CommandLine commandLine(StringWriter out, StringWriter err) {
        Environment environment = new Environment(cli.home, cli.variables, new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        CommandLine commandLine = Moravec.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }

    private static URI awaitUrl(StringWriter out, StringWriter err, FutureTask<Integer> exit) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = URL.matcher(out.toString());
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
            if (exit.isDone()) {
                throw new AssertionError("serve ended with " + exit.get() + ": " + err);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("serve printed no address within 60 s: " + out + err);
    }
}

package dev.moravec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.moravec.model.EngineConfig;
import dev.moravec.taxonomy.sources.OnetReleaseReader;
import dev.moravec.testing.FixtureRelease;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests a hostile client or a page elsewhere would send, over real HTTP: JSON past the parser's
 * limits, a foreign {@code Host}, a POST that is not JSON, requests from other origins, a search past
 * its time limit, and clients that send their request too slowly. Each gets its status with a message,
 * and no answer shows the server's paths or exception names.
 */
class HostileRequestsTest {

    private static final String ALLOWED = "https://dashboard.example.org";

    @TempDir
    static Path dir;

    private static ServerFixture fixture;
    private static ServerFixture slow;

    @BeforeAll
    static void start() throws Exception {
        ServerOptions options = new ServerOptions(ServerOptions.LOOPBACK, 0, 1 << 20, 1000, Duration.ofSeconds(30),
                20_000, List.of(ALLOWED), Duration.ofNanos(1), Duration.ofSeconds(10), Duration.ofSeconds(30));
        fixture = new ServerFixture(dir.resolve("guarded"), options, EngineConfig.defaults(), ServerFixture.Plugins.LEXICON_AND_FACTORS);
        // an imported release, whose source is a folder of this machine
        fixture.index.replace(new OnetReleaseReader(line -> { }).read(FixtureRelease.sharedRelease(),
                new OnetReleaseReader.Options(null, null, null, null, null)), line -> { });
        ServerOptions deadlines = new ServerOptions(ServerOptions.LOOPBACK, 0, 1 << 20, 1000, Duration.ofSeconds(30),
                20_000, List.of(), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1));
        slow = new ServerFixture(dir.resolve("deadlines"), deadlines, EngineConfig.defaults(), ServerFixture.Plugins.NONE);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (fixture != null) {
                fixture.close();
            }
        } finally {
            if (slow != null) {
                slow.close();
            }
        }
    }

    private static String error(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.body()).doesNotContain(dir.toString()).doesNotContain("Exception").doesNotContain("at dev.");
        return fixture.json(response).at("/error/message").asText();
    }

    @Test
    void jsonPastTheParsersLimitsIsABadRequestWithItsLine() throws Exception {
        String deep = "{\"tasks\": [{\"statement\": \"x\", \"extra\": " + "[".repeat(1001) + "]".repeat(1001) + "}]}";
        assertThat(error(fixture.post("/api/classify", deep), 400)).isEqualTo("the body is not valid JSON: past a limit"
                + " of the parser: Document nesting depth (1001) exceeds the maximum allowed (1000) (line 1)");
        String huge = "{\"statement\": \"Write code\", \"importance\": " + "9".repeat(1001) + "}";
        assertThat(error(fixture.post("/api/classify", huge), 400)).startsWith("the body is not valid JSON: past a limit"
                + " of the parser: Number value length (1001) exceeds the maximum allowed (1000)");
        String large = "{\"statement\": \"Write code\", \"importance\": " + "9".repeat(999) + "}";
        assertThat(error(fixture.post("/api/classify", large), 400)).isEqualTo("the task: field 'importance': '"
                + "9".repeat(80) + "... (999 characters)' is not a number");
    }

    @Test
    void aPostThatIsNotJsonIsRefusedWith415() throws Exception {
        HttpResponse<String> plain = fixture.client.send(HttpRequest.newBuilder(fixture.uri("/api/classify"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"statement\": \"x\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(error(plain, 415)).isEqualTo("send the body as JSON, with the header Content-Type: application/json");
        HttpResponse<String> json = fixture.client.send(HttpRequest.newBuilder(fixture.uri("/api/classify"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"statement\": \"Write code\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
    }

    @Test
    void aForeignHostIsRefusedWith403AndTheServersOwnNamesAreServed() throws Exception {
        int port = fixture.server.port();
        String foreign = raw(port, "GET /api/health HTTP/1.1\r\nHost: rebound.example:" + port
                + "\r\nConnection: close\r\n\r\n");
        assertThat(foreign).startsWith("HTTP/1.1 403").contains("this server answers only requests for its own address");
        assertThat(raw(port, "GET /api/health HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200");
        assertThat(raw(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 200");
    }

    @Test
    void onlyAllowedOriginsGetTheCorsHeaders() throws Exception {
        HttpResponse<String> preflight = fixture.client.send(HttpRequest.newBuilder(fixture.uri("/api/classify"))
                .header("Origin", ALLOWED).header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).hasValue("Content-Type");
        HttpResponse<String> other = fixture.client.send(HttpRequest.newBuilder(fixture.uri("/api/health"))
                .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> allowed = fixture.client.send(HttpRequest.newBuilder(fixture.uri("/api/health"))
                .header("Origin", ALLOWED).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
    }

    @Test
    void aSearchPastItsTimeLimitAnswers503() throws Exception {
        assertThat(error(fixture.get("/api/search?q=rep*+OR+inst~2"), 503)).startsWith("the search took longer than 0 ms"
                + " and was stopped: make the query simpler");
        assertThat(error(fixture.get("/api/search?q=/a%7B1000000%7D/"), 400)).contains("is too complex");
    }

    @Test
    void theHealthNamesTheReleaseAndCountsButNoPathOfTheServer() throws Exception {
        HttpResponse<String> response = fixture.get("/api/health");
        assertThat(response.body()).doesNotContain(dir.toString()).doesNotContain(FixtureRelease.shared().toString());
        JsonNode health = fixture.json(response);
        assertThat(health.at("/taxonomy/source").asText()).isEqualTo("release");
        assertThat(health.at("/taxonomy/tasks").asInt()).isPositive();
    }

    @Test
    void aClientThatSendsItsHeadersTooSlowlyIsDisconnected() throws Exception {
        int port = slow.server.port();
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            boolean closed = false;
            for (int i = 0; i < 40 && !closed; i++) { // a header byte every 150 ms: never idle, never done
                Thread.sleep(150);
                try {
                    out.write('X');
                    out.flush();
                } catch (SocketException e) {
                    closed = true;
                }
                if (!closed && socket.getInputStream().available() == 0) {
                    continue;
                }
                closed = true;
            }
            assertThat(closed).as("the server closed the connection").isTrue();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aBodyThatStopsHalfWayIsNotWaitedForLong() throws Exception {
        int port = slow.server.port();
        long started = System.nanoTime();
        String answer = raw(port, "POST /api/classify HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"statement\": ");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
        assertThat(answer).doesNotStartWith("HTTP/1.1 200");
    }

    @Test
    void aBodyThatTricklesInIsAnswered408() throws Exception {
        int port = slow.server.port();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(("POST /api/classify HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"statement\": \"")
                    .getBytes(StandardCharsets.UTF_8));
            String answer = "";
            // ten bytes every 100 ms: never silent, far below 16 KiB/s
            for (int i = 0; i < 60 && answer.isEmpty(); i++) {
                try {
                    socket.getOutputStream().write("aaaaaaaaaa".getBytes(StandardCharsets.UTF_8));
                    socket.getOutputStream().flush();
                } catch (SocketException e) {
                    break; // the server answered and closed
                }
                Thread.sleep(100);
                if (socket.getInputStream().available() > 0) {
                    answer = new String(socket.getInputStream().readNBytes(socket.getInputStream().available()),
                            StandardCharsets.UTF_8);
                }
            }
            assertThat(answer).startsWith("HTTP/1.1 408").contains("slower than 16 KiB/s");
        }
    }

    // sends bytes as they are, then reads what comes back until the server closes the connection
    private static String raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (SocketException e) {
                return "";
            }
        }
    }
}

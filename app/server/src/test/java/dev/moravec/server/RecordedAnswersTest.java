package dev.moravec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API answers a fixed set of requests exactly as recorded: the status, and the same JSON (equal
 * values; the order of an object's members does not matter in JSON) once the few values that differ
 * between runs (times, paths, the build's version, the jar's checksum) are masked.
 * It keeps the answers stable while the code behind them is reorganised.
 *
 * <p>The requests are in {@code recorded/requests.txt}, one per line ({@code GET /path} or
 * {@code POST /path BODY}); the answers in {@code recorded/answers.txt}. To record them again after a
 * deliberate change of the API, run this test with {@code -Dmoravec.record=true} and review the diff.
 */
class RecordedAnswersTest {

    private static final Path RECORDED = Path.of("src", "test", "resources", "dev", "moravec", "server", "recorded");

    /** Values that differ from run to run, and what they are replaced with. */
    private static final List<Mask> MASKS = List.of(
            new Mask("\"(imported|classified)\":\"[^\"]*\"", "\"$1\":\"<time>\""),
            new Mask("\"version\":\"[^\"]*\"", "\"version\":\"<version>\""),
            new Mask("\"file\":\"[^\"]*/([^/\"]+)\"", "\"file\":\"<dir>/$1\""),
            new Mask("\"sha256\":\"[0-9a-f]{64}\"", "\"sha256\":\"<sha256 of the jar>\""),
            new Mask("(put a scorer plugin in |until a scorer plugin is in )[^\" ]+", "$1<dir>"),
            // BM25 counts deleted documents until Lucene's background merges drop them, so the third digit
            // of a relevance depends on merge timing; the order of the results is still compared
            new Mask("\"relevance\":-?[0-9.Ee-]+", "\"relevance\":\"<bm25>\""));

    private record Mask(Pattern pattern, String replacement) {
        Mask(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }

        String apply(String text) {
            return pattern.matcher(text).replaceAll(replacement);
        }
    }

    @TempDir
    static Path dir;

    private static ServerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServerFixture(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void everyRecordedRequestGetsTheRecordedAnswer() throws Exception {
        List<String> requests = Files.readAllLines(RECORDED.resolve("requests.txt"), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        List<String> answers = new ArrayList<>();
        for (String request : requests) {
            answers.add(request);
            answers.add(answer(request));
        }
        Path file = RECORDED.resolve("answers.txt");
        String actual = String.join("\n", answers) + "\n";
        if (Boolean.getBoolean("moravec.record")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> got = List.of(actual.split("\n"));
        assertThat(got).as("answers to recorded/requests.txt").hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(comparable(got.get(i))).as("line %d of recorded/answers.txt: %s", i + 1, got.get(i))
                    .isEqualTo(comparable(expected.get(i)));
        }
    }

    /** A line as a value to compare: the status and the parsed JSON, or the line itself. */
    private static Object comparable(String line) {
        int space = line.indexOf(' ');
        if (space > 0 && line.substring(0, space).matches("\\d{3}")) {
            try {
                return List.of(line.substring(0, space), fixture.mapper.readTree(line.substring(space + 1)));
            } catch (IOException e) {
                return line;
            }
        }
        return line;
    }

    private static String answer(String request) throws IOException, InterruptedException {
        String[] parts = request.split(" ", 3);
        HttpResponse<String> response = switch (parts[0]) {
            case "GET" -> fixture.get(parts[1]);
            case "POST" -> fixture.post(parts[1], parts.length > 2 ? parts[2] : "");
            default -> throw new IllegalArgumentException("unknown method in requests.txt: " + request);
        };
        String body = response.body();
        try {
            JsonNode json = fixture.json(response);
            if (json instanceof ObjectNode) {
                body = fixture.mapper.writeValueAsString(json); // one line, as Jackson writes it
            }
        } catch (IOException e) {
            // not JSON: compared as it is
        }
        String masked = body.replace(dir.toString(), "<dir>");
        for (Mask mask : MASKS) {
            masked = mask.apply(masked);
        }
        return response.statusCode() + " " + masked;
    }
}

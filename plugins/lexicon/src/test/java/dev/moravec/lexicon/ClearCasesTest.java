package dev.moravec.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.api.Rating;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lexicon gets the unmistakable cases right: a fixture of clear pure reasoning tasks, clear
 * laggards and clear cases of the other two quadrants, written for this project.
 */
class ClearCasesTest {

    private static final List<String[]> CASES = new ArrayList<>();
    private static LexiconScorer scorer;

    @BeforeAll
    static void load() throws Exception {
        scorer = new LexiconScorer(null, "1.0.0");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ClearCasesTest.class.getResourceAsStream("clear-cases.tsv"), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    CASES.add(line.split("\t"));
                }
            }
        }
    }

    static String quadrant(Rating rating) {
        if (rating.transferability().isEmpty() || rating.verificationCost().isEmpty()) {
            return "UNRATED";
        }
        boolean t = rating.transferability().getAsDouble() >= 0.5;
        boolean v = rating.verificationCost().getAsDouble() <= 0.5;
        return t ? (v ? "PURE_REASONING" : "VERIFICATION_BOUND") : (v ? "KNOWLEDGE_BOUND" : "LAGGING");
    }

    private static Map<String, int[]> tally(StringBuilder misses) {
        Map<String, int[]> tally = new TreeMap<>();
        for (String[] c : CASES) {
            Rating rating = scorer.rate(Task.of("c", c[1]), ScoringContext.standalone());
            String got = quadrant(rating);
            int[] counts = tally.computeIfAbsent(c[0], k -> new int[2]);
            counts[1]++;
            if (got.equals(c[0])) {
                counts[0]++;
            } else {
                misses.append(String.format("  %s -> %s  T=%s V=%s %s: %s%n", c[0], got, rating.transferability(),
                        rating.verificationCost(), rating.evidence(), c[1]));
            }
        }
        return tally;
    }

    @Test
    void clearPureReasoningAndClearLaggardsLandInTheirQuadrants() {
        StringBuilder misses = new StringBuilder();
        Map<String, int[]> tally = tally(misses);
        tally.forEach((q, c) -> System.out.printf("%-20s %d/%d%n", q, c[0], c[1]));
        System.out.print(misses);
        assertThat(tally.get("PURE_REASONING")[0]).as("pure reasoning cases right, of 50:%n%s", misses)
                .isGreaterThanOrEqualTo(45);
        assertThat(tally.get("LAGGING")[0]).as("lagging cases right, of 50:%n%s", misses).isGreaterThanOrEqualTo(45);
    }

    @Test
    void theOtherQuadrantsAreReachedToo() {
        Map<String, int[]> tally = tally(new StringBuilder());
        assertThat(tally.get("VERIFICATION_BOUND")[0]).as("verification-bound cases right, of 10").isGreaterThanOrEqualTo(6);
        assertThat(tally.get("KNOWLEDGE_BOUND")[0]).as("knowledge-bound cases right, of 10").isGreaterThanOrEqualTo(5);
    }
}

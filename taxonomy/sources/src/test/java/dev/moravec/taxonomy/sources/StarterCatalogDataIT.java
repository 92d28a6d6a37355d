package dev.moravec.taxonomy.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.testing.TestData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks the starter catalog against the real O*NET 29.1 release: real codes and titles, fresh statements. */
class StarterCatalogDataIT {

    @Test
    void occupationCodesAndTitlesAreOnetFacts() throws Exception {
        Path file = TestData.require("onet/db_29_1_text/Occupation Data.txt");
        Map<String, String> onet = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            onet.put(f[0], f[1]);
        }
        StarterCatalog.occupations().forEach((code, title) -> assertThat(onet.get(code)).as(code).isEqualTo(title));
    }

    @Test
    void noStatementSharesSevenWordsInARowWithAnOnetStatement() throws Exception {
        Path file = TestData.onetTaskStatements();
        Set<String> shingles = new HashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            shingles.addAll(shingles(line.split("\t")[2], 7));
        }
        List<String> copied = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(StarterCatalog.open(), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String statement = line.split("\t")[3];
                if (shingles(statement, 7).stream().anyMatch(shingles::contains)) {
                    copied.add(statement);
                }
            }
        }
        assertThat(copied).as("starter statements that share 7 consecutive words with O*NET").isEmpty();
    }

    private static List<String> shingles(String text, int n) {
        String[] words = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").trim().split("\\s+");
        List<String> shingles = new ArrayList<>();
        for (int i = 0; i + n <= words.length; i++) {
            shingles.add(String.join(" ", java.util.Arrays.copyOfRange(words, i, i + n)));
        }
        return shingles;
    }
}

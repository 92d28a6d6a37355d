package dev.moravec.descriptors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.moravec.api.Rating;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskWeights;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The descriptor scorer on a small fixture taxonomy and mapping, with ratings worked out by hand. */
class DescriptorScorerTest {

    private static final ScoringContext CONTEXT = ScoringContext.withTaxonomy(new FixtureTaxonomy());

    private static DescriptorScorer fixtureScorer() throws IOException, URISyntaxException {
        Path mapping = Path.of(DescriptorScorerTest.class.getResource("fixture-mapping.json").toURI());
        return new DescriptorScorer(mapping.toString(), "1.0.0");
    }

    private static Task task(String id, String occupation) {
        return new Task(id, "a task statement the scorer does not read", occupation, null, TaskWeights.NONE);
    }

    @Test
    void programmingTaskIsRatedFromItsActivitiesAndItsOccupation() throws Exception {
        Rating rating = fixtureScorer().rate(task("code", "15-1252.00"), CONTEXT);

        // activities: IWA 'Program...' (1.0, 0.1, weight 1) overrides its GWA; 'Analyzing Data' GWA (0.8, 0.3, 1);
        // occupation: Programming 4.6 and Computers 4.8 (both 1.0, 0.0), weight 0.5 * (0.84 + 0.92) / 3;
        // equipment: 8 of 9 items are software, weight 0.5 * 9 / 10; job zone 4 (T 0.6, weight 0.25)
        double occupation = 0.5 * (0.84 + 0.92) / 3;
        double t = (1.0 + 0.8 + occupation + 0.45 * 8 / 9.0 + 0.25 * 0.6) / (2 + occupation + 0.45 + 0.25);
        double v = (0.1 + 0.3 + 0.45 / 9.0) / (2 + occupation + 0.45);
        assertThat(rating.transferability().getAsDouble()).isCloseTo(t, within(1e-9));
        assertThat(rating.verificationCost().getAsDouble()).isCloseTo(v, within(1e-9));
        assertThat(rating.confidence()).isEqualTo(0.7);
        assertThat(rating.evidence()).contains(
                "activity 'Program computer systems or production equipment' (DWA 'Write computer programs') -> T 1.00, V 0.10",
                "activity 'Analyzing Data or Information' (DWA 'Analyze project data') -> T 0.80, V 0.30",
                "8 technology skills (Python, SQL, ...) and 1 tools (Computer servers) -> T 0.89, V 0.11",
                "job zone 4 -> T 0.60");
        assertThat(rating.evidence()).anySatisfy(e -> assertThat(e).startsWith(
                "occupation's skills and knowledge (Computers and Electronics 4.8, Programming 4.6)"));
        // Repairing is rated 1.2 for developers, under the minimum importance: it must not move the rating
        assertThat(String.join("\n", rating.evidence())).doesNotContain("Repairing");
    }

    @Test
    void repairTaskLandsLowOnTransferabilityAndHighOnVerificationCost() throws Exception {
        Rating rating = fixtureScorer().rate(task("rebuild", "49-3023.00"), CONTEXT);

        assertThat(rating.transferability().getAsDouble()).isLessThan(0.15);
        assertThat(rating.verificationCost().getAsDouble()).isGreaterThan(0.85);
        assertThat(rating.evidence().get(0)).contains("Repairing and Maintaining Mechanical Equipment");
    }

    @Test
    void taskKnownOnlyByItsOccupationIsRatedWithLowConfidence() throws Exception {
        Rating rating = fixtureScorer().rate(task("not-in-the-taxonomy", "15-1252.00"), CONTEXT);

        assertThat(rating.isAbstention()).isFalse();
        assertThat(rating.confidence()).isEqualTo(0.3);
        assertThat(rating.transferability().getAsDouble()).isGreaterThan(0.8);
        assertThat(rating.evidence()).noneSatisfy(e -> assertThat(e).startsWith("activity"));
    }

    @Test
    void abstainsWithoutATaxonomyOrALink() throws Exception {
        DescriptorScorer scorer = fixtureScorer();

        assertThat(scorer.rate(task("code", "15-1252.00"), ScoringContext.standalone()).evidence())
                .containsExactly("no taxonomy is imported, so no O*NET descriptors are known");
        Rating unlinked = scorer.rate(task("x", null), CONTEXT);
        assertThat(unlinked.isAbstention()).isTrue();
        assertThat(unlinked.evidence()).containsExactly("the taxonomy links neither the task nor its occupation");
        Rating bare = scorer.rate(task("x", "99-0001.00"), CONTEXT);
        assertThat(bare.isAbstention()).isTrue();
        assertThat(bare.evidence()).containsExactly("none of the task's descriptors is in the mapping");
    }

    @Test
    void versionCarriesTheMappingsFingerprint() throws Exception {
        String builtIn = new DescriptorScorer(null, "1.0.0").info().version();
        String fixture = fixtureScorer().info().version();

        assertThat(builtIn).startsWith("1.0.0+");
        assertThat(fixture).startsWith("1.0.0+").isNotEqualTo(builtIn);
    }

    @Test
    void badMappingsAreReportedWithTheirPlace(@TempDir Path dir) throws IOException {
        Path outside = dir.resolve("outside.json");
        Files.writeString(outside, """
                {"weights": {"activity": 1, "occupation": 1, "jobZone": 1, "minimumImportance": 3},
                 "generalizedActivities": {},
                 "skills": {"2.B.3.e": {"t": 1.5}}}
                """);
        assertThatThrownBy(() -> new DescriptorScorer(outside.toString(), "1"))
                .hasMessageContaining("skills.2.B.3.e.t = 1.5 is outside [0, 1]");

        Path malformed = dir.resolve("malformed.json");
        Files.writeString(malformed, "{\n  \"weights\": {\n    \"activity\": one\n  }\n}\n");
        assertThatThrownBy(() -> new DescriptorScorer(malformed.toString(), "1"))
                .hasMessageStartingWith(malformed + ":3: ");

        Path poles = dir.resolve("poles.json");
        Files.writeString(poles, """
                {"weights": {"activity": 1, "occupation": 1, "jobZone": 1, "minimumImportance": 3},
                 "generalizedActivities": {}, "toolsAndTechnology": {"software": {"t": 1}}}
                """);
        assertThatThrownBy(() -> new DescriptorScorer(poles.toString(), "1"))
                .hasMessageContaining("toolsAndTechnology needs exactly two entries, 'tools' and 'technology'");

        assertThatThrownBy(() -> new DescriptorScorer(dir.resolve("missing.json").toString(), "1"))
                .hasMessageContaining("cannot read the mapping file")
                .hasMessageContaining("scorers.descriptors.settings.mapping");
    }

    @Test
    void builtInMappingSeparatesPhysicalFromInformationWork() throws IOException {
        DescriptorMapping mapping;
        try (InputStream in = DescriptorScorer.class.getResourceAsStream("descriptors.json")) {
            mapping = DescriptorMapping.read(in.readAllBytes(), "descriptors.json");
        }
        // handling objects, controlling machines, operating vehicles, general physical work, caring for others
        for (String physical : List.of("4.A.3.a.2", "4.A.3.a.3", "4.A.3.a.4", "4.A.3.a.1", "4.A.4.a.5")) {
            assertThat(mapping.generalizedActivities().get(physical).t()).as(physical).isLessThan(0.5);
        }
        // analysing data, processing information, working with computers, documenting and recording
        for (String information : List.of("4.A.2.a.4", "4.A.2.a.2", "4.A.3.b.1", "4.A.3.b.6")) {
            assertThat(mapping.generalizedActivities().get(information).t()).as(information).isGreaterThan(0.7);
        }
        // programming, mathematics, writing against equipment maintenance and repairing
        for (String skill : List.of("2.B.3.e", "2.A.1.e", "2.A.1.c")) {
            assertThat(mapping.skill(skill).t()).as(skill).isGreaterThan(0.7);
        }
        for (String skill : List.of("2.B.3.j", "2.B.3.l")) {
            assertThat(mapping.skill(skill).t()).as(skill).isLessThan(0.3);
        }
        // law, computers against mechanical, building and construction
        for (String knowledge : List.of("2.C.8.b", "2.C.3.a")) {
            assertThat(mapping.knowledgeArea(knowledge).t()).as(knowledge).isGreaterThan(0.7);
        }
        for (String knowledge : List.of("2.C.3.e", "2.C.3.d")) {
            assertThat(mapping.knowledgeArea(knowledge).t()).as(knowledge).isLessThan(0.3);
        }
        assertThat(mapping.toolsPole().t()).isLessThan(mapping.technologyPole().t());
        assertThat(new String(DescriptorScorer.class.getResourceAsStream("descriptors.json").readAllBytes(),
                StandardCharsets.UTF_8)).contains("\"description\"");
    }
}
